package cn.tuoyu.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuoyu.calendar.WorkingDayCalendar;
import cn.tuoyu.support.TestCalendars;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** The benchmark's due-soon cases fall inside 即将到期's three days on every day of the year. */
class TaskSeederTest {

  private static final WorkingDayCalendar WORKDAYS = TestCalendars.bundledAndFixture();

  @Test
  void theDueSoonPushIsDueWithinThreeDaysAndNotOverdueOnAnyDay() {
    for (LocalDate today = LocalDate.of(2026, 1, 1); today.getYear() == 2026; today = today.plusDays(1)) {
      int daysAgo = TaskSeeder.dueSoonApprovedDaysAgo(WORKDAYS, today);
      LocalDate due = WORKDAYS.lastDay(today.minusDays(daysAgo), 7);
      boolean workingDayWithinTwo = WORKDAYS.isWorkingDay(today) || WORKDAYS.isWorkingDay(today.plusDays(1))
          || WORKDAYS.isWorkingDay(today.plusDays(2));
      if (workingDayWithinTwo) {
        assertThat(due).as("due day for a run on %s", today).isBetween(today, today.plusDays(2));
        // Due at 23:59:59 of that day: inside three days even for a run just after midnight.
        assertThat(Duration.between(today.atStartOfDay(), due.atTime(LocalTime.MAX))).isLessThan(Duration.ofDays(3));
      } else {
        assertThat(due).as("a long holiday on %s: the first working day after it", today)
            .isAfter(today.plusDays(2)).isEqualTo(WORKDAYS.lastDay(today, 1));
      }
    }
  }

  @Test
  void onAWorkingDayBeforeAnotherItIsDueTomorrow() {
    LocalDate thursday = LocalDate.of(2026, 11, 26);
    int daysAgo = TaskSeeder.dueSoonApprovedDaysAgo(WORKDAYS, thursday);
    assertThat(WORKDAYS.lastDay(thursday.minusDays(daysAgo), 7)).isEqualTo(thursday.plusDays(1));
  }
}
