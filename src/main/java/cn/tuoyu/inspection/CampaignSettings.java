package cn.tuoyu.inspection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the annual inspection campaign (prefix {@code tuoyu.campaign}).
 *
 * @param chunkSize institutions opened per job and transaction: small enough that a chunk commits in
 *     well under a second and a crash repeats little, large enough that the job overhead is negligible
 */
@ConfigurationProperties(prefix = "tuoyu.campaign")
public record CampaignSettings(@DefaultValue("200") int chunkSize) {

  public CampaignSettings {
    if (chunkSize < 1 || chunkSize > 2000) {
      throw new IllegalArgumentException("tuoyu.campaign.chunk-size 必须在 1 到 2000 之间，当前为 " + chunkSize);
    }
  }
}
