package cn.tuoyu.calendar;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The holiday arrangement of one calendar year as published by the State Council General Office.
 *
 * @param year the calendar year
 * @param notice title of the notice, e.g. 国务院办公厅关于2026年部分节假日安排的通知
 * @param number document number of the notice, e.g. 国办发明电〔2025〕7号
 * @param published publication date of the notice, or {@code null} if the file does not say
 * @param holidays days off (statutory holidays and the days swapped into them), with festival name
 * @param workdays make-up working days falling on a Saturday or Sunday, with festival name
 * @param origin where the data was read from, for messages and logs
 */
public record CalendarYear(
    int year,
    String notice,
    String number,
    LocalDate published,
    Map<LocalDate, String> holidays,
    Map<LocalDate, String> workdays,
    String origin) {

  public CalendarYear {
    holidays = Collections.unmodifiableMap(new TreeMap<>(holidays));
    workdays = Collections.unmodifiableMap(new TreeMap<>(workdays));
  }
}
