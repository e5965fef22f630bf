package cn.tuoyu.support;

import cn.tuoyu.calendar.WorkingDayCalendar;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * Working-day calendars for tests whose deadlines count from today. Near the end of a year such
 * deadlines reach into the next one, whose State Council notice may not be published yet; the
 * test-only years in {@code src/test/resources/calendar-fixture} stand in for it (fixed-date holidays
 * only, see the files). Tests of exact holiday arithmetic use fixed dates and the bundled calendar.
 */
public final class TestCalendars {

  private TestCalendars() {}

  /** The directory of the test-only years, for {@code tuoyu.calendar.data-dir}. */
  public static String fixtureDirectory() {
    URL url = TestCalendars.class.getClassLoader().getResource("calendar-fixture");
    if (url == null) {
      throw new IllegalStateException("calendar-fixture is missing from the test classpath");
    }
    try {
      return Path.of(url.toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The bundled years and the test-only years after them. */
  public static WorkingDayCalendar bundledAndFixture() {
    return new WorkingDayCalendar(fixtureDirectory());
  }
}
