package cn.tuoyu.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The bundled calendar (2025, 2026) warns in time before it runs out. */
class CalendarCoverageTest {

  private final CalendarCoverage coverage = new CalendarCoverage(WorkingDayCalendar.bundled());

  @Test
  void quietWhileTheNextYearIsFarAway() {
    assertThat(coverage.problem(LocalDate.of(2026, 6, 1))).isEmpty();
    assertThat(coverage.problem(LocalDate.of(2025, 12, 20))).as("2026 is known").isEmpty();
  }

  @Test
  void warnsFromSixtyDaysBeforeAnUnknownNextYear() {
    assertThat(coverage.problem(LocalDate.of(2026, 11, 1))).as("61 days before").isEmpty();
    assertThat(coverage.problem(LocalDate.of(2026, 11, 2))).hasValueSatisfying(message -> assertThat(message)
        .contains("2027 年的节假日安排").contains("TUOYU_CALENDAR_DIR"));
    assertThat(coverage.problem(LocalDate.of(2026, 12, 31))).isPresent();
  }

  @Test
  void anUnknownCurrentYearIsSaidPlainly() {
    assertThat(coverage.problem(LocalDate.of(2027, 1, 4))).hasValueSatisfying(message -> assertThat(message)
        .contains("缺少 2027 年").contains("所有按工作日计算的期限都无法计算"));
  }
}
