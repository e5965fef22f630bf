package cn.tuoyu.calendar;

import static cn.tuoyu.support.EngineFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Counting rules on the bundled 2025 and 2026 data. */
class WorkingDayCalendarTest {

  private static final WorkingDayCalendar calendar = WorkingDayCalendar.bundled();

  @Test
  void bundledYearsAreExactly2025And2026() {
    assertThat(calendar.knownYears()).containsExactly(2025, 2026);
    assertThat(calendar.calendarYear(2025).number()).isEqualTo("国办发明电〔2024〕12号");
    assertThat(calendar.calendarYear(2026).number()).isEqualTo("国办发明电〔2025〕7号");
  }

  @Test
  void holidayTotalsMatchTheNotices() {
    // 2025: 1 + 8 + 3 + 5 + 3 + 8 days off; 2026: 3 + 9 + 3 + 5 + 3 + 3 + 7
    assertThat(calendar.calendarYear(2025).holidays()).hasSize(28);
    assertThat(calendar.calendarYear(2025).workdays()).hasSize(5);
    assertThat(calendar.calendarYear(2026).holidays()).hasSize(33);
    assertThat(calendar.calendarYear(2026).workdays()).hasSize(6);
  }

  @Test
  void springFestival2026() {
    for (LocalDate d = LocalDate.of(2026, 2, 15); !d.isAfter(LocalDate.of(2026, 2, 23)); d = d.plusDays(1)) {
      assertThat(calendar.isWorkingDay(d)).as(d.toString()).isFalse();
    }
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 13))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 24))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 1))).isFalse();
  }

  @Test
  void nationalDay2026() {
    for (LocalDate d = LocalDate.of(2026, 10, 1); !d.isAfter(LocalDate.of(2026, 10, 7)); d = d.plusDays(1)) {
      assertThat(calendar.isWorkingDay(d)).as(d.toString()).isFalse();
    }
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 8))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 11))).isFalse();
    // Mid-Autumn is a separate holiday in 2026, Friday to Sunday
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 25))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 28))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
      "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"})
  void makeUpWeekendsAreWorkingDays(String date) {
    LocalDate day = LocalDate.parse(date);
    assertThat(day.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    assertThat(calendar.isWorkingDay(day)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "2025-03-01", "2025-03-02", "2025-11-29", "2025-11-30",
      "2026-02-07", "2026-03-07", "2026-03-08", "2026-05-10", "2026-10-11", "2026-12-27"})
  void ordinaryWeekendsAreNotWorkingDays(String date) {
    assertThat(calendar.isWorkingDay(LocalDate.parse(date))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025-01-01", "2025-02-03", "2025-05-05", "2025-06-02", "2025-10-08",
      "2026-01-02", "2026-04-06", "2026-05-05", "2026-06-19"})
  void holidaysOnWeekdaysAreNotWorkingDays(String date) {
    assertThat(calendar.isWorkingDay(LocalDate.parse(date))).isFalse();
  }

  @Test
  void workingDaysPerYear() {
    // independently: 261 weekdays - weekday holidays + make-up weekend days
    // 2025: 261 - 18 + 5; 2026: 261 - 19 + 6
    assertThat(calendar.workingDaysBetween(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 12, 31)))
        .isEqualTo(248);
    assertThat(calendar.workingDaysBetween(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 12, 31)))
        .isEqualTo(248);
  }

  @Test
  void designExampleSevenWorkingDaysAfterApprovalOnThursday12February2026() {
    LocalDate approval = LocalDate.of(2026, 2, 12);

    assertThat(calendar.lastDay(approval, 7)).isEqualTo(LocalDate.of(2026, 2, 28));
    assertThat(calendar.plus(approval, 7)).isEqualTo(at("2026-02-28T23:59:59+08:00"));
    assertThat(calendar.overdueFrom(approval, 7)).isEqualTo(at("2026-03-01T00:00:00+08:00"));
    assertThat(calendar.workingDaysBetween(approval, LocalDate.of(2026, 2, 28))).isEqualTo(7);
    // each step of the example
    assertThat(calendar.lastDay(approval, 1)).isEqualTo(LocalDate.of(2026, 2, 13));
    assertThat(calendar.lastDay(approval, 2)).isEqualTo(LocalDate.of(2026, 2, 14));
    assertThat(calendar.lastDay(approval, 3)).isEqualTo(LocalDate.of(2026, 2, 24));
    assertThat(calendar.lastDay(approval, 6)).isEqualTo(LocalDate.of(2026, 2, 27));
    assertThat(calendar.lastDay(approval, 8)).isEqualTo(LocalDate.of(2026, 3, 2));
  }

  @Test
  void deadlineCrossingFrom2025Into2026() {
    // 30th, 31st; 1–3 Jan off; Sunday 4 Jan is a make-up day; 5th, 6th
    assertThat(calendar.lastDay(LocalDate.of(2025, 12, 29), 5)).isEqualTo(LocalDate.of(2026, 1, 6));
    assertThat(calendar.lastDay(LocalDate.of(2025, 12, 31), 1)).isEqualTo(LocalDate.of(2026, 1, 4));
    assertThat(calendar.plus(LocalDate.of(2025, 12, 31), 1)).isEqualTo(at("2026-01-04T23:59:59+08:00"));
    assertThat(calendar.workingDaysBetween(LocalDate.of(2025, 12, 26), LocalDate.of(2026, 1, 6)))
        .isEqualTo(6);
  }

  @Test
  void deadlinesAroundOtherHolidays() {
    assertThat(calendar.lastDay(LocalDate.of(2026, 9, 30), 1)).isEqualTo(LocalDate.of(2026, 10, 8));
    assertThat(calendar.lastDay(LocalDate.of(2026, 9, 18), 1)).isEqualTo(LocalDate.of(2026, 9, 20));
    assertThat(calendar.lastDay(LocalDate.of(2025, 9, 30), 1)).isEqualTo(LocalDate.of(2025, 10, 9));
    assertThat(calendar.lastDay(LocalDate.of(2025, 4, 30), 1)).isEqualTo(LocalDate.of(2025, 5, 6));
    // triggered during the holiday: counting starts with the next day as usual
    assertThat(calendar.lastDay(LocalDate.of(2026, 2, 16), 1)).isEqualTo(LocalDate.of(2026, 2, 24));
    // 20 working days, a common statutory limit, over May Day 2026
    assertThat(calendar.lastDay(LocalDate.of(2026, 4, 20), 20)).isEqualTo(LocalDate.of(2026, 5, 20));
  }

  @Test
  void workingDaysBetweenIsTheInverseOfLastDay() {
    for (LocalDate start = LocalDate.of(2025, 1, 1); start.isBefore(LocalDate.of(2026, 11, 1));
        start = start.plusDays(1)) {
      for (int n : new int[] {1, 5, 7, 20}) {
        assertThat(calendar.workingDaysBetween(start, calendar.lastDay(start, n))).isEqualTo(n);
      }
    }
  }

  @Test
  void unknownYearIsAnErrorNeverAGuess() {
    assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2024, 6, 3)))
        .isInstanceOf(UnknownCalendarYearException.class)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("工作日历缺少 2024 年的节假日安排，请管理员按国务院办公厅通知补充 2024 年数据")
        .extracting(e -> ((UnknownCalendarYearException) e).getYear()).isEqualTo(2024);
    assertThatThrownBy(() -> calendar.lastDay(LocalDate.of(2030, 3, 2), 1))
        .isInstanceOf(UnknownCalendarYearException.class)
        .hasMessageContaining("2030 年");
    assertThatThrownBy(() -> calendar.plus("2030-03-02", 1))
        .isInstanceOf(UnknownCalendarYearException.class)
        .hasMessageContaining("2030 年");
    assertThatThrownBy(() -> calendar.workingDaysBetween(LocalDate.of(2024, 12, 1), LocalDate.of(2025, 1, 3)))
        .isInstanceOf(UnknownCalendarYearException.class)
        .hasMessageContaining("2024 年");
    assertThatThrownBy(() -> calendar.calendarYear(2030))
        .isInstanceOf(UnknownCalendarYearException.class);
  }

  @Test
  void deadlineRunningIntoAnUnknownYearFails() {
    // 28th–31st Dec are 4 working days; the rest would need 2027 data
    assertThat(calendar.lastDay(LocalDate.of(2026, 12, 25), 4)).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThatThrownBy(() -> calendar.lastDay(LocalDate.of(2026, 12, 25), 5))
        .isInstanceOf(UnknownCalendarYearException.class)
        .hasMessage("工作日历缺少 2027 年的节假日安排，请管理员按国务院办公厅通知补充 2027 年数据");
    assertThatThrownBy(() -> calendar.overdueFrom(LocalDate.of(2026, 12, 25), 5))
        .isInstanceOf(UnknownCalendarYearException.class);
  }

  @Test
  void startDayItselfNeedsNoData() {
    // the day of the event is not counted, so 31 Dec 2024 only needs 2025
    assertThat(calendar.lastDay(LocalDate.of(2024, 12, 31), 1)).isEqualTo(LocalDate.of(2025, 1, 2));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void workingDaysMustBePositive(int workingDays) {
    assertThatThrownBy(() -> calendar.lastDay(LocalDate.of(2026, 2, 12), workingDays))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("至少为 1");
    assertThatThrownBy(() -> calendar.plus(LocalDate.of(2026, 2, 12), workingDays))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> calendar.overdueFrom(LocalDate.of(2026, 2, 12), workingDays))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void workingDaysBetweenArguments() {
    LocalDate day = LocalDate.of(2026, 2, 12);
    assertThat(calendar.workingDaysBetween(day, day)).isZero();
    assertThatThrownBy(() -> calendar.workingDaysBetween(day, day.minusDays(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> calendar.workingDaysBetween(null, day))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> calendar.isWorkingDay(null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> calendar.lastDay(null, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
