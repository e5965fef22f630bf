package cn.tuoyu.calendar;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one year file. The format is described in docs/working-day-calendar.md:
 *
 * <pre>
 * # comment
 * year: 2026
 * notice: 国务院办公厅关于2026年部分节假日安排的通知
 * number: 国办发明电〔2025〕7号
 * published: 2025-11-04
 * holiday   2026-02-15..2026-02-23   春节
 * workday   2026-02-14               春节
 * </pre>
 *
 * Every problem is reported with the file and line, because the file is edited by hand.
 */
final class CalendarFileParser {

  private static final Pattern HEADER = Pattern.compile("^([A-Za-z]+)\\s*:\\s*(.*)$");
  private static final Pattern ENTRY = Pattern.compile("^(\\S+)\\s+(\\S+)\\s+(.+)$");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private CalendarFileParser() {}

  static CalendarYear parse(String origin, byte[] content) {
    String text;
    try {
      // strict decoding: a file saved as GBK must fail loudly, not load with mangled names
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content))
          .toString();
    } catch (CharacterCodingException e) {
      throw new CalendarDataException(origin, 0, "文件不是 UTF-8 编码，请以 UTF-8 保存");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1); // BOM written by some Windows editors
    }
    return parse(origin, text);
  }

  static CalendarYear parse(String origin, String text) {
    Integer year = null;
    String notice = null;
    String number = null;
    LocalDate published = null;
    Map<LocalDate, String> holidays = new LinkedHashMap<>();
    Map<LocalDate, String> workdays = new LinkedHashMap<>();
    Map<LocalDate, Integer> lineOf = new HashMap<>();

    String[] lines = text.split("\\r?\\n|\\r", -1);
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher header = HEADER.matcher(line);
      if (header.matches()) {
        String key = header.group(1).toLowerCase();
        String value = header.group(2).strip();
        if (value.isEmpty()) {
          throw new CalendarDataException(origin, lineNo, "“" + key + ":” 后缺少内容");
        }
        switch (key) {
          case "year" -> {
            if (year != null) {
              throw new CalendarDataException(origin, lineNo, "year 重复出现");
            }
            if (!value.matches("\\d{4}")) {
              throw new CalendarDataException(origin, lineNo, "年份“" + value + "”不是四位数字");
            }
            year = Integer.parseInt(value);
          }
          case "notice" -> notice = once(origin, lineNo, key, notice, value);
          case "number" -> number = once(origin, lineNo, key, number, value);
          case "published" -> {
            if (published != null) {
              throw new CalendarDataException(origin, lineNo, "published 重复出现");
            }
            published = date(origin, lineNo, value);
          }
          default -> throw new CalendarDataException(origin, lineNo,
              "未知的字段“" + key + "”，只允许 year、notice、number、published");
        }
        continue;
      }

      Matcher entry = ENTRY.matcher(line);
      if (!entry.matches()) {
        throw new CalendarDataException(origin, lineNo,
            "无法识别的行“" + line + "”，应为“holiday|workday 日期或日期..日期 节日名称”");
      }
      String kind = entry.group(1);
      if (!kind.equals("holiday") && !kind.equals("workday")) {
        throw new CalendarDataException(origin, lineNo,
            "类型“" + kind + "”无效，只能是 holiday（放假）或 workday（调休上班）");
      }
      if (year == null) {
        throw new CalendarDataException(origin, lineNo, "日期行之前必须先写“year: 年份”");
      }
      String name = entry.group(3).strip();
      LocalDate first;
      LocalDate last;
      String dates = entry.group(2);
      int dots = dates.indexOf("..");
      if (dots >= 0) {
        first = date(origin, lineNo, dates.substring(0, dots));
        last = date(origin, lineNo, dates.substring(dots + 2));
        if (last.isBefore(first)) {
          throw new CalendarDataException(origin, lineNo, "日期范围 " + dates + " 的结束日期早于开始日期");
        }
      } else {
        first = date(origin, lineNo, dates);
        last = first;
      }
      for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
        if (d.getYear() != year) {
          throw new CalendarDataException(origin, lineNo,
              "日期 " + d + " 不在本文件的年份 " + year + " 内");
        }
        Integer earlier = lineOf.putIfAbsent(d, lineNo);
        if (earlier != null) {
          String clash = (holidays.containsKey(d) ? "holiday" : "workday") + "（第 " + earlier + " 行）";
          throw new CalendarDataException(origin, lineNo,
              "日期 " + d + " 已在 " + clash + " 中列出，同一天不能重复出现，也不能既放假又上班");
        }
        if (kind.equals("holiday")) {
          holidays.put(d, name);
        } else {
          // a make-up working day on a weekday would change nothing, so it must be a typo
          if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
            throw new CalendarDataException(origin, lineNo,
                "调休上班日 " + d + " 是" + d.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.CHINA)
                    + "，不是周六或周日");
          }
          workdays.put(d, name);
        }
      }
    }

    if (year == null) {
      throw new CalendarDataException(origin, 0, "缺少“year: 年份”");
    }
    if (notice == null) {
      throw new CalendarDataException(origin, 0, "缺少“notice: 通知标题”");
    }
    if (number == null) {
      throw new CalendarDataException(origin, 0, "缺少“number: 发文字号”");
    }
    if (holidays.isEmpty()) {
      throw new CalendarDataException(origin, 0, "没有任何 holiday 行");
    }
    return new CalendarYear(year, notice, number, published, holidays, workdays, origin);
  }

  private static String once(String origin, int lineNo, String key, String current, String value) {
    if (current != null) {
      throw new CalendarDataException(origin, lineNo, key + " 重复出现");
    }
    return value;
  }

  private static LocalDate date(String origin, int lineNo, String text) {
    if (!DATE.matcher(text).matches()) {
      throw new CalendarDataException(origin, lineNo, "日期“" + text + "”格式错误，应为 yyyy-MM-dd");
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new CalendarDataException(origin, lineNo, "日期“" + text + "”不存在");
    }
  }
}
