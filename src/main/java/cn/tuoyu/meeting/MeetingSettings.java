package cn.tuoyu.meeting;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the joint meeting (prefix {@code tuoyu.meeting}).
 *
 * @param reportWorkingDays working days the member departments have for their progress report
 *     (工作进展通报), counted from the day the reports are requested (that day not counted)
 * @param reminderWorkingDaysBefore the reminder (催办) to departments that have not reported goes out at
 *     09:00 this many working days before the last day; 0 = on the morning of the last day
 * @param scheduleCron Spring cron (Beijing time) of the regular meeting, e.g. {@code 0 0 9 1 1,4,7,10 *}
 *     for quarterly; {@code -} (the default) is off: the convener starts meetings ad hoc
 * @param scheduledCounty the level the scheduled meeting is held at: 610600 (市本级) or a county code
 */
@ConfigurationProperties(prefix = "tuoyu.meeting")
public record MeetingSettings(
    @DefaultValue("5") int reportWorkingDays,
    @DefaultValue("1") int reminderWorkingDaysBefore,
    @DefaultValue("-") String scheduleCron,
    @DefaultValue("610600") String scheduledCounty) {

  public MeetingSettings {
    if (reportWorkingDays < 1 || reportWorkingDays > 60) {
      throw new IllegalArgumentException(
          "tuoyu.meeting.report-working-days（工作进展通报期限）应在 1 到 60 个工作日之间，当前为 " + reportWorkingDays);
    }
    if (reminderWorkingDaysBefore < 0 || reminderWorkingDaysBefore >= reportWorkingDays) {
      throw new IllegalArgumentException("tuoyu.meeting.reminder-working-days-before（催办提前工作日数）应在 0 到 "
          + (reportWorkingDays - 1) + " 之间，当前为 " + reminderWorkingDaysBefore);
    }
    if (scheduledCounty == null || !scheduledCounty.matches("\\d{6}")) {
      throw new IllegalArgumentException(
          "tuoyu.meeting.scheduled-county（定期会议的层级）应为 6 位区县代码，市本级为 610600，当前为 " + scheduledCounty);
    }
  }

  /** The defaults, as application.yaml sets them. */
  public static MeetingSettings defaults() {
    return new MeetingSettings(5, 1, "-", "610600");
  }
}
