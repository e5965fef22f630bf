package cn.tuoyu.inspection;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.tuoyu.system.ConflictException;
import cn.tuoyu.system.ValidationClock;
import java.time.Year;
import org.junit.jupiter.api.Test;

/** The yearly timer starts this year's city-wide campaign, and a second node's start is harmless. */
class CampaignScheduleTest {

  private final int year = Year.now(ValidationClock.CHINA).getValue();

  @Test
  void startsThisYearsCityWideCampaign() {
    CampaignService campaigns = mock(CampaignService.class);
    new CampaignSchedule(campaigns).startYearlyCampaign();
    verify(campaigns).start(year, InspectionCampaignProcess.CITY);
  }

  @Test
  void aCampaignAlreadyRunningIsNoError() {
    CampaignService campaigns = mock(CampaignService.class);
    when(campaigns.start(year, InspectionCampaignProcess.CITY)).thenThrow(new ConflictException("正在启动中"));
    assertThatCode(() -> new CampaignSchedule(campaigns).startYearlyCampaign()).doesNotThrowAnyException();
  }
}
