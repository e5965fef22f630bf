package cn.tuoyu.inspection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the annual inspection campaign (prefix {@code tuoyu.campaign}).
 *
 * @param chunkSize institutions opened per job and transaction: small enough that a chunk commits in
 *     well under a second and a crash repeats little, large enough that the job overhead is negligible
 * @param slices how many slices a campaign's scope is cut into at its first registration, each a chain
 *     of chunk jobs of its own, so that as many job-executor threads open inspections at once; a slice
 *     holds at least one chunk, so a small scope gets fewer
 */
@ConfigurationProperties(prefix = "tuoyu.campaign")
public record CampaignSettings(@DefaultValue("200") int chunkSize, @DefaultValue("4") int slices) {

  public CampaignSettings {
    if (chunkSize < 1 || chunkSize > 2000) {
      throw new IllegalArgumentException("tuoyu.campaign.chunk-size 必须在 1 到 2000 之间，当前为 " + chunkSize);
    }
    if (slices < 1 || slices > 32) {
      throw new IllegalArgumentException("tuoyu.campaign.slices 必须在 1 到 32 之间，当前为 " + slices);
    }
  }
}
