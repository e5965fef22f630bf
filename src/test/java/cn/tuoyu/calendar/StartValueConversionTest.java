package cn.tuoyu.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every accepted kind of start value. Most represent a moment that is already 12 February 2026 in
 * Shanghai but still 11 February in UTC, so a conversion that ignored the time zone would end on
 * 27 instead of 28 February.
 */
class StartValueConversionTest {

  private static final WorkingDayCalendar calendar = WorkingDayCalendar.bundled();
  private static final Instant SHANGHAI_0030_ON_12_FEB = Instant.parse("2026-02-11T16:30:00Z");
  private static final Date DUE = Date.from(OffsetDateTime.parse("2026-02-28T23:59:59+08:00").toInstant());
  private static final Date OVERDUE = Date.from(OffsetDateTime.parse("2026-03-01T00:00:00+08:00").toInstant());

  static Stream<Arguments> startsOn12February() {
    return Stream.of(
        Arguments.of(Date.from(SHANGHAI_0030_ON_12_FEB)),
        Arguments.of(new java.sql.Timestamp(SHANGHAI_0030_ON_12_FEB.toEpochMilli())),
        Arguments.of(java.sql.Date.valueOf("2026-02-12")),
        Arguments.of(LocalDate.of(2026, 2, 12)),
        Arguments.of(LocalDateTime.of(2026, 2, 12, 23, 30)),
        Arguments.of(OffsetDateTime.parse("2026-02-11T16:30:00Z")),
        Arguments.of(OffsetDateTime.parse("2026-02-12T23:30:00+08:00")),
        Arguments.of(ZonedDateTime.of(2026, 2, 11, 11, 30, 0, 0, ZoneId.of("America/New_York"))),
        Arguments.of(SHANGHAI_0030_ON_12_FEB),
        Arguments.of("2026-02-12"),
        Arguments.of(" 2026-02-12 "),
        Arguments.of("2026-02-12T09:30"),
        Arguments.of("2026-02-12T23:59:59.999"),
        Arguments.of("2026-02-12T09:30:00+08:00"),
        Arguments.of("2026-02-11T16:30:00Z"),
        Arguments.of("2026-02-12T09:30:00+08:00[Asia/Shanghai]"),
        // Camunda's REST date format
        Arguments.of("2026-02-12T09:30:00.000+0800"));
  }

  @ParameterizedTest
  @MethodSource("startsOn12February")
  void acceptedStartValues(Object start) {
    assertThat(calendar.plus(start, 7)).isEqualTo(DUE);
    assertThat(calendar.overdueFrom(start, 7)).isEqualTo(OVERDUE);
  }

  static Stream<Arguments> startsOn11February() {
    // the same calendar day in UTC as above, but still 11 February in Shanghai
    return Stream.of(
        Arguments.of(Date.from(Instant.parse("2026-02-11T15:59:59Z"))),
        Arguments.of(LocalDateTime.of(2026, 2, 11, 23, 59, 59)),
        Arguments.of("2026-02-11T15:59:59Z"));
  }

  @ParameterizedTest
  @MethodSource("startsOn11February")
  void oneSecondBeforeShanghaiMidnightIsTheDayBefore(Object start) {
    assertThat(calendar.plus(start, 7))
        .isEqualTo(Date.from(OffsetDateTime.parse("2026-02-27T23:59:59+08:00").toInstant()));
  }

  static Stream<Arguments> rejected() {
    return Stream.of(
        Arguments.of(42, "java.lang.Integer"),
        Arguments.of(new GregorianCalendar(2026, 1, 12), "java.util.GregorianCalendar"),
        Arguments.of(java.sql.Time.valueOf("09:30:00"), "java.sql.Time"),
        Arguments.of("", "空"),
        Arguments.of("12.02.2026", "12.02.2026"),
        Arguments.of("2026-02-30", "2026-02-30"),
        Arguments.of("2026-02-12T25:00", "2026-02-12T25:00"),
        Arguments.of("tomorrow", "tomorrow"));
  }

  @ParameterizedTest
  @MethodSource("rejected")
  void otherValuesAreRejectedWithAClearMessage(Object start, String mentioned) {
    assertThatThrownBy(() -> calendar.plus(start, 7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(mentioned);
    assertThatThrownBy(() -> calendar.overdueFrom(start, 7))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nullIsRejected() {
    assertThatThrownBy(() -> calendar.plus(null, 7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("开始时间不能为空");
    assertThatThrownBy(() -> calendar.overdueFrom(null, 7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("开始时间不能为空");
  }
}
