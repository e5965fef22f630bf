package cn.tuoyu.inspection;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates of InspectionCampaignProcess, each a hand-over to {@link CampaignService}. */
@Configuration
public class CampaignDelegates {

  @Bean
  JavaDelegate registerCampaignDelegate(CampaignService campaigns) {
    return campaigns::register;
  }

  @Bean
  JavaDelegate startInspectionChunkDelegate(CampaignService campaigns) {
    return campaigns::startChunk;
  }

  @Bean
  JavaDelegate finishCampaignDelegate(CampaignService campaigns) {
    return campaigns::finish;
  }
}
