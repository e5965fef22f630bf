package cn.tuoyu.inspection;

import cn.tuoyu.system.ConflictException;
import cn.tuoyu.system.ValidationClock;
import java.time.Year;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The yearly start of the city-wide campaign, when {@code tuoyu.campaign.yearly-cron} is set (Spring
 * cron, Beijing time, e.g. {@code 0 0 9 1 3 *} for 1 March 09:00; {@code -}, the default, is off). Every node fires; the campaign is
 * idempotent, so a second node's start finds it running or finds nothing left to open.
 */
@Configuration
@EnableScheduling
public class CampaignSchedule {

  private static final Logger LOG = LoggerFactory.getLogger(CampaignSchedule.class);

  private final CampaignService campaigns;

  public CampaignSchedule(CampaignService campaigns) {
    this.campaigns = campaigns;
  }

  @Scheduled(cron = "${tuoyu.campaign.yearly-cron}", zone = "Asia/Shanghai")
  public void startYearlyCampaign() {
    int year = Year.now(ValidationClock.CHINA).getValue();
    try {
      campaigns.start(year, InspectionCampaignProcess.CITY);
      LOG.info("{} 年全市年度检查已按计划发起", year);
    } catch (ConflictException e) {
      LOG.info("{} 年全市年度检查已在进行中，本节点不再发起", year);
    }
  }
}
