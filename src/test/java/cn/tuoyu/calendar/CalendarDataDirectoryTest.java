package cn.tuoyu.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Years added by an administrator in tuoyu.calendar.data-dir; the dates are fictional. */
class CalendarDataDirectoryTest {

  private static final String YEAR_2099 = """
      # fictional test data
      year: 2099
      notice: 测试通知
      number: 测试〔2098〕1号
      holiday 2099-01-01..2099-01-03 元旦
      workday 2099-01-04 元旦
      """;

  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  @Test
  void fileInTheDirectoryAddsAYear() throws IOException {
    write("2099.txt", YEAR_2099);
    write("README.md", "not a year file, ignored");

    WorkingDayCalendar calendar = new WorkingDayCalendar(dir.toString());

    assertThat(calendar.knownYears()).containsExactly(2025, 2026, 2099);
    assertThat(calendar.isWorkingDay(LocalDate.of(2099, 1, 2))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2099, 1, 4))).isTrue();
    assertThat(calendar.lastDay(LocalDate.of(2098, 12, 31), 1)).isEqualTo(LocalDate.of(2099, 1, 4));
    // bundled years are still there
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
  }

  @Test
  void fileInTheDirectoryReplacesABundledYear() throws IOException {
    write("corrected-2026.txt", """
        year: 2026
        notice: 测试更正
        number: 测试〔2026〕1号
        holiday 2026-03-02 测试
        """);

    WorkingDayCalendar calendar = new WorkingDayCalendar(dir.toString());

    assertThat(calendar.calendarYear(2026).notice()).isEqualTo("测试更正");
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 2))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2025, 1, 26))).isTrue();
  }

  @Test
  void badFileFailsWithItsPathAndLine() throws IOException {
    Path bad = write("2099.txt", YEAR_2099 + "holiday 2100-01-01 元旦\n");

    assertThatThrownBy(() -> new WorkingDayCalendar(dir.toString()))
        .isInstanceOf(CalendarDataException.class)
        .hasMessageContaining(bad.toAbsolutePath().toString())
        .hasMessageContaining("第 7 行");
  }

  @Test
  void twoFilesForTheSameYearAreRejected() throws IOException {
    write("2099.txt", YEAR_2099);
    write("2099-copy.txt", YEAR_2099);

    assertThatThrownBy(() -> new WorkingDayCalendar(dir.toString()))
        .isInstanceOf(CalendarDataException.class)
        .hasMessageContaining("2099 年的数据已在");
  }

  @Test
  void missingDirectoryIsAnError() {
    assertThatThrownBy(() -> new WorkingDayCalendar(dir.resolve("missing").toString()))
        .isInstanceOf(CalendarDataException.class)
        .hasMessageContaining("目录不存在");
  }

  @Test
  void blankDirectoryMeansNone() {
    assertThat(new WorkingDayCalendar("  ").knownYears()).containsExactly(2025, 2026);
  }

  private final ApplicationContextRunner spring =
      new ApplicationContextRunner().withUserConfiguration(WorkingDayCalendar.class);

  @Test
  void springBeanNamedWorkdaysReadsThePropertyOrTheEnvironmentVariable() throws IOException {
    write("2099.txt", YEAR_2099);

    spring.run(context -> assertThat(context.getBean("workdays", WorkingDayCalendar.class).knownYears())
        .containsExactly(2025, 2026));
    spring.withPropertyValues("tuoyu.calendar.data-dir=" + dir)
        .run(context -> assertThat(context.getBean("workdays", WorkingDayCalendar.class).knownYears())
            .containsExactly(2025, 2026, 2099));
    // the same placeholder fallback as for the environment variable TUOYU_CALENDAR_DIR
    spring.withSystemProperties("TUOYU_CALENDAR_DIR=" + dir)
        .run(context -> assertThat(context.getBean("workdays", WorkingDayCalendar.class).knownYears())
            .contains(2099));
  }

  @Test
  void springStartupFailsOnABadFile() throws IOException {
    write("2099.txt", YEAR_2099 + "workday 2099-01-05 元旦\n");

    spring.withPropertyValues("tuoyu.calendar.data-dir=" + dir).run(context ->
        assertThat(context).getFailure().rootCause()
            .isInstanceOf(CalendarDataException.class)
            .hasMessageContaining("第 7 行"));
  }
}
