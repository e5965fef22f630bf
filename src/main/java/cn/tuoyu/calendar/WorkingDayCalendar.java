package cn.tuoyu.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Working days in mainland China, for statutory deadlines counted in 工作日.
 *
 * <p>Counting rules: the day of the triggering event is not counted (Civil Code art. 201); only
 * working days count, i.e. Monday to Friday minus the statutory holidays, plus the Saturdays and
 * Sundays the State Council turned into make-up working days (Administrative Licensing Law
 * art. 82); the last day ends at 24:00 (Civil Code art. 203). Dates are always those of
 * Asia/Shanghai.
 *
 * <p>Holidays come from one data file per year (see docs/working-day-calendar.md). A day in a
 * year without data raises {@link UnknownCalendarYearException}; the calendar never guesses.
 *
 * <p>Registered as {@code workdays} for BPMN expressions such as
 * {@code ${workdays.plus(approvedAt, 7)}}. Public methods deliberately have no overloads of the
 * same arity: the expression language picks a method by name and argument count only.
 */
@Component("workdays")
public class WorkingDayCalendar {

  /** The only time zone deadlines are computed in. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

  /** Camunda's own date format ("2026-02-12T09:30:00.000+0800") has an offset without colon. */
  private static final DateTimeFormatter OFFSET_WITHOUT_COLON = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
      .appendOffset("+HHMM", "Z")
      .toFormatter();

  private final Map<Integer, CalendarYear> years;

  /**
   * Bundled years plus those in {@code dataDir}.
   *
   * @param dataDir directory with additional year files; null or blank for none. Spring reads
   *     {@code tuoyu.calendar.data-dir}, falling back to the environment variable
   *     {@code TUOYU_CALENDAR_DIR}.
   * @throws CalendarDataException if a file is invalid, so that start-up fails
   */
  @Autowired
  public WorkingDayCalendar(
      @Value("${tuoyu.calendar.data-dir:${TUOYU_CALENDAR_DIR:}}") String dataDir) {
    this(CalendarDataLoader.load(dataDir));
  }

  /** A calendar over exactly the given years (e.g. for tests). */
  public WorkingDayCalendar(Collection<CalendarYear> years) {
    Map<Integer, CalendarYear> byYear = new TreeMap<>();
    for (CalendarYear year : years) {
      if (byYear.put(year.year(), year) != null) {
        throw new IllegalArgumentException("年份 " + year.year() + " 重复");
      }
    }
    this.years = Collections.unmodifiableMap(byYear);
  }

  /** The calendar with only the years shipped in the application. */
  public static WorkingDayCalendar bundled() {
    return new WorkingDayCalendar((String) null);
  }

  /** Years with holiday data, ascending. */
  public Set<Integer> knownYears() {
    return Collections.unmodifiableSet(new TreeSet<>(years.keySet()));
  }

  /**
   * The loaded arrangement of a year, e.g. to show which notice a deadline relies on.
   *
   * @throws UnknownCalendarYearException if the year has no data
   */
  public CalendarYear calendarYear(int year) {
    CalendarYear data = years.get(year);
    if (data == null) {
      throw new UnknownCalendarYearException(year);
    }
    return data;
  }

  /**
   * Whether {@code date} is a working day: a make-up working day, or Monday to Friday and not a
   * holiday.
   *
   * @throws UnknownCalendarYearException if the date's year has no data
   */
  public boolean isWorkingDay(LocalDate date) {
    requireNonNull(date, "日期");
    CalendarYear year = calendarYear(date.getYear());
    if (year.holidays().containsKey(date)) {
      return false;
    }
    if (year.workdays().containsKey(date)) {
      return true;
    }
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
  }

  /**
   * The last day of a limit of {@code workingDays} working days starting on {@code start}. The
   * start day itself is not counted, so its year needs no data; every later day up to the result
   * does.
   *
   * @throws IllegalArgumentException if start is null or workingDays &lt; 1
   * @throws UnknownCalendarYearException if the count reaches a year without data
   */
  public LocalDate lastDay(LocalDate start, int workingDays) {
    requireNonNull(start, "开始日期");
    requirePositive(workingDays);
    LocalDate day = start;
    int counted = 0;
    while (counted < workingDays) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /**
   * Due date for a task: 23:59:59 Asia/Shanghai on the {@linkplain #lastDay last day}.
   *
   * @param start a {@link Date}, {@link LocalDate}, {@link LocalDateTime} (read as Asia/Shanghai),
   *     {@link OffsetDateTime}, {@link ZonedDateTime}, {@link Instant} or ISO-8601 date or
   *     date-time string; only its date in Asia/Shanghai matters
   * @throws IllegalArgumentException if start is null or of another type, or workingDays &lt; 1
   * @throws UnknownCalendarYearException if the count reaches a year without data
   */
  public Date plus(Object start, int workingDays) {
    LocalDate last = lastDay(shanghaiDate(start), workingDays);
    return Date.from(last.atTime(END_OF_DAY).atZone(ZONE).toInstant());
  }

  /**
   * For boundary timers: 00:00 Asia/Shanghai of the day after the {@linkplain #lastDay last day},
   * the first moment the limit is exceeded. Accepts the same {@code start} values as
   * {@link #plus}.
   */
  public Date overdueFrom(Object start, int workingDays) {
    LocalDate last = lastDay(shanghaiDate(start), workingDays);
    return Date.from(last.plusDays(1).atStartOfDay(ZONE).toInstant());
  }

  /**
   * Number of working days after {@code from} up to and including {@code to}; 0 if they are
   * equal. {@code workingDaysBetween(s, lastDay(s, n)) == n}.
   *
   * @throws IllegalArgumentException if a date is null or {@code to} is before {@code from}
   * @throws UnknownCalendarYearException if a counted day lies in a year without data
   */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    requireNonNull(from, "起始日期");
    requireNonNull(to, "截止日期");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("截止日期 " + to + " 早于起始日期 " + from);
    }
    int count = 0;
    for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        count++;
      }
    }
    return count;
  }

  /** The calendar date in Asia/Shanghai of a value coming from a process variable or REST call. */
  static LocalDate shanghaiDate(Object start) {
    if (start == null) {
      throw new IllegalArgumentException("开始时间不能为空");
    }
    // java.sql.Date/Time extend java.util.Date but throw on toInstant()
    if (start instanceof java.sql.Date sqlDate) {
      return sqlDate.toLocalDate();
    }
    if (start instanceof java.sql.Time) {
      throw unsupported(start);
    }
    if (start instanceof Date date) {
      return date.toInstant().atZone(ZONE).toLocalDate();
    }
    if (start instanceof LocalDate date) {
      return date;
    }
    if (start instanceof LocalDateTime dateTime) {
      return dateTime.toLocalDate();
    }
    if (start instanceof OffsetDateTime dateTime) {
      return dateTime.atZoneSameInstant(ZONE).toLocalDate();
    }
    if (start instanceof ZonedDateTime dateTime) {
      return dateTime.withZoneSameInstant(ZONE).toLocalDate();
    }
    if (start instanceof Instant instant) {
      return instant.atZone(ZONE).toLocalDate();
    }
    if (start instanceof CharSequence text) {
      return parse(text.toString().strip());
    }
    throw unsupported(start);
  }

  private static LocalDate parse(String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("开始时间不能为空字符串");
    }
    try {
      if (!text.contains("T")) {
        return LocalDate.parse(text);
      }
      TemporalAccessor parsed;
      try {
        parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(
            text, ZonedDateTime::from, LocalDateTime::from);
      } catch (DateTimeParseException e) {
        parsed = OFFSET_WITHOUT_COLON.parse(text, OffsetDateTime::from);
      }
      if (parsed instanceof ZonedDateTime dateTime) {
        return dateTime.withZoneSameInstant(ZONE).toLocalDate();
      }
      if (parsed instanceof OffsetDateTime dateTime) {
        return dateTime.atZoneSameInstant(ZONE).toLocalDate();
      }
      return ((LocalDateTime) parsed).toLocalDate();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "无法解析开始时间“" + text + "”：应为 ISO-8601 日期（2026-02-12）或日期时间（2026-02-12T09:30:00+08:00）",
          e);
    }
  }

  private static IllegalArgumentException unsupported(Object start) {
    return new IllegalArgumentException("不支持的开始时间类型 " + start.getClass().getName()
        + "：应为 Date、LocalDate、LocalDateTime、OffsetDateTime、ZonedDateTime、Instant 或 ISO-8601 字符串");
  }

  private static void requireNonNull(LocalDate date, String what) {
    if (date == null) {
      throw new IllegalArgumentException(what + "不能为空");
    }
  }

  private static void requirePositive(int workingDays) {
    if (workingDays < 1) {
      throw new IllegalArgumentException("工作日天数必须至少为 1，实际为 " + workingDays);
    }
  }
}
