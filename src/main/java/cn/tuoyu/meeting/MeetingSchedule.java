package cn.tuoyu.meeting;

import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The regular joint meeting (定期召开), when {@code tuoyu.meeting.schedule-cron} is set (Spring cron,
 * Beijing time, e.g. {@code 0 0 9 1 1,4,7,10 *} for 09:00 on the first day of each quarter; {@code -}, the
 * default, is off). Every node fires; the day's slot is unique, so one meeting starts.
 */
@Configuration
@EnableScheduling
public class MeetingSchedule {

  private static final Logger LOG = LoggerFactory.getLogger(MeetingSchedule.class);

  private final MeetingService meetings;

  public MeetingSchedule(MeetingService meetings) {
    this.meetings = meetings;
  }

  @Scheduled(cron = "${tuoyu.meeting.schedule-cron:-}", zone = "Asia/Shanghai")
  public void startRegularMeeting() {
    LocalDate today = MeetingService.today();
    meetings.startScheduled(today).ifPresentOrElse(
        id -> LOG.info("定期联席会议已发起（会议 {}）", id),
        () -> LOG.info("{} 的定期联席会议已由其他节点发起", today));
  }
}
