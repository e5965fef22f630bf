package cn.tuoyu.calendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Warns administrators before the calendar runs out. Deadlines of up to 30 working days (about six
 * weeks) reach into the next year from mid-November; without that year's holiday notice they cannot
 * be computed and the cases stop as incidents. Checked at start-up and every morning.
 */
@Component
public class CalendarCoverage {

  /** Days before the new year from which next year's data is needed: 30 working days and a margin. */
  static final int LEAD_DAYS = 60;

  private static final Logger LOG = LoggerFactory.getLogger(CalendarCoverage.class);

  private final WorkingDayCalendar calendar;

  public CalendarCoverage(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Scheduled(cron = "0 0 8 * * *", zone = "Asia/Shanghai")
  public void check() {
    problem(LocalDate.now(WorkingDayCalendar.ZONE)).ifPresent(LOG::warn);
  }

  /** What is missing on {@code today}, in the words an administrator needs; empty when all is well. */
  Optional<String> problem(LocalDate today) {
    int year = today.getYear();
    if (!calendar.knownYears().contains(year)) {
      return Optional.of("工作日历缺少 " + year + " 年的节假日安排：所有按工作日计算的期限都无法计算。"
          + "请按 docs/working-day-calendar.md 将国务院办公厅 " + year + " 年部分节假日安排通知放入 TUOYU_CALENDAR_DIR。");
    }
    long daysLeft = ChronoUnit.DAYS.between(today, LocalDate.of(year + 1, 1, 1));
    if (daysLeft <= LEAD_DAYS && !calendar.knownYears().contains(year + 1)) {
      return Optional.of("工作日历缺少 " + (year + 1) + " 年的节假日安排：跨入 " + (year + 1)
          + " 年的期限（如 20 个工作日的自查报告、30 个工作日的整改期限）将无法计算，相关案件会停在异常。"
          + "请按 docs/working-day-calendar.md 将国务院办公厅 " + (year + 1) + " 年部分节假日安排通知放入 TUOYU_CALENDAR_DIR。");
    }
    return Optional.empty();
  }
}
