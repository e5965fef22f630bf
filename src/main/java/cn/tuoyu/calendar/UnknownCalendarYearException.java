package cn.tuoyu.calendar;

/**
 * A computation needed a year for which no holiday arrangement has been loaded.
 *
 * <p>Weekends alone cannot tell whether a day is a working day in China, so the calendar refuses
 * to guess and an administrator has to add the year's data (see docs/working-day-calendar.md).
 */
public class UnknownCalendarYearException extends IllegalStateException {

  private final int year;

  public UnknownCalendarYearException(int year) {
    super("工作日历缺少 " + year + " 年的节假日安排，请管理员按国务院办公厅通知补充 " + year + " 年数据");
    this.year = year;
  }

  public int getYear() {
    return year;
  }
}
