package cn.tuoyu.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuoyu.support.TestCalendars;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test-only years (src/test/resources/calendar-fixture) never hide a published notice. */
class CalendarFixtureTest {

  private final List<CalendarYear> fixture = CalendarDataLoader.fromDirectory(Path.of(TestCalendars.fixtureDirectory()));

  @Test
  void noFixtureYearIsBundled() {
    List<Integer> bundled = CalendarDataLoader.bundled().stream().map(CalendarYear::year).toList();
    assertThat(fixture).allSatisfy(year -> assertThat(bundled)
        .as("%d 年的正式通知已内置：请删除测试用日历 src/test/resources/calendar-fixture/%d.txt", year.year(), year.year())
        .doesNotContain(year.year()));
  }

  @Test
  void testsCanCountFromTodayIntoNextYear() {
    int thisYear = LocalDate.now(WorkingDayCalendar.ZONE).getYear();
    assertThat(TestCalendars.bundledAndFixture().knownYears())
        .as("工作日历（内置及测试用）须包含今年和明年：请内置 %d 年的通知，或在 calendar-fixture 中补充测试用年份", thisYear + 1)
        .contains(thisYear, thisYear + 1);
  }

  @Test
  void fixtureYearsSayTheyAreNoNotice() {
    assertThat(fixture).isNotEmpty().allSatisfy(year -> assertThat(year.notice()).startsWith("测试用"));
  }
}
