package cn.tuoyu.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The year file format; the dates here are fictional test data, not a notice. */
class CalendarFileParserTest {

  private static final String HEADER = """
      year: 2099
      notice: 测试通知
      number: 测试〔2098〕1号
      """;

  @Test
  void parsesHeaderRangesAndSingleDays() {
    CalendarYear year = CalendarFileParser.parse("ok.txt", """
        # comment
        year: 2099
        notice: 测试通知
        number: 测试〔2098〕1号
        published: 2098-11-01

        holiday   2099-01-01..2099-01-03   元旦
          holiday 2099-05-01 劳动节
        workday   2099-01-04               元旦
        """);

    assertThat(year.year()).isEqualTo(2099);
    assertThat(year.notice()).isEqualTo("测试通知");
    assertThat(year.number()).isEqualTo("测试〔2098〕1号");
    assertThat(year.published()).isEqualTo(LocalDate.of(2098, 11, 1));
    assertThat(year.origin()).isEqualTo("ok.txt");
    assertThat(year.holidays()).containsOnlyKeys(LocalDate.of(2099, 1, 1), LocalDate.of(2099, 1, 2),
        LocalDate.of(2099, 1, 3), LocalDate.of(2099, 5, 1));
    assertThat(year.holidays()).containsEntry(LocalDate.of(2099, 5, 1), "劳动节");
    assertThat(year.workdays()).containsOnlyKeys(LocalDate.of(2099, 1, 4));
  }

  @Test
  void acceptsByteOrderMarkAndWindowsLineEnds() {
    byte[] content = ("\uFEFF" + HEADER + "holiday 2099-01-01 元旦\r\n").replace("\n", "\r\n")
        .getBytes(StandardCharsets.UTF_8);
    assertThat(CalendarFileParser.parse("bom.txt", content).holidays())
        .containsOnlyKeys(LocalDate.of(2099, 1, 1));
  }

  static Stream<Arguments> badLines() {
    return Stream.of(
        Arguments.of("holyday 2099-01-01 元旦", "holyday"),
        Arguments.of("holiday 2099-1-1 元旦", "格式错误"),
        Arguments.of("holiday 2099-02-30 春节", "不存在"),
        Arguments.of("holiday 2099-01-01", "无法识别的行"),
        Arguments.of("holiday 2100-01-01 元旦", "不在本文件的年份 2099 内"),
        Arguments.of("holiday 2099-12-31..2100-01-02 元旦", "2100-01-01 不在本文件的年份 2099 内"),
        Arguments.of("holiday 2099-02-10..2099-02-01 春节", "结束日期早于开始日期"),
        // 5 January 2099 is a Monday
        Arguments.of("workday 2099-01-05 元旦", "不是周六或周日"),
        Arguments.of("remark: x", "未知的字段"),
        Arguments.of("number: again", "number 重复出现"));
  }

  @ParameterizedTest
  @MethodSource("badLines")
  void badLineIsRejectedWithFileAndLine(String line, String reason) {
    String text = HEADER + "holiday 2099-10-01 国庆节\n" + line + "\n";
    assertThatThrownBy(() -> CalendarFileParser.parse("2099.txt", text))
        .isInstanceOfSatisfying(CalendarDataException.class, e -> {
          assertThat(e.getFile()).isEqualTo("2099.txt");
          assertThat(e.getLine()).isEqualTo(5);
        })
        .hasMessageStartingWith("工作日历数据文件 2099.txt 第 5 行：")
        .hasMessageContaining(reason);
  }

  @Test
  void holidayAlsoMarkedWorkdayIsRejected() {
    String text = HEADER + """
        holiday 2099-01-31..2099-02-08 春节
        workday 2099-02-07 春节
        """;
    assertThatThrownBy(() -> CalendarFileParser.parse("2099.txt", text))
        .isInstanceOf(CalendarDataException.class)
        .hasMessageStartingWith("工作日历数据文件 2099.txt 第 5 行：")
        .hasMessageContaining("2099-02-07")
        .hasMessageContaining("第 4 行")
        .hasMessageContaining("不能既放假又上班");
  }

  @Test
  void workdayThenSameDayAsHolidayIsRejectedToo() {
    String text = HEADER + """
        workday 2099-02-07 春节
        holiday 2099-02-07 春节
        """;
    assertThatThrownBy(() -> CalendarFileParser.parse("2099.txt", text))
        .isInstanceOf(CalendarDataException.class)
        .hasMessageContaining("第 5 行")
        .hasMessageContaining("workday（第 4 行）");
  }

  @Test
  void overlappingHolidayRangesAreRejected() {
    String text = HEADER + """
        holiday 2099-10-01..2099-10-07 国庆节
        holiday 2099-10-06 中秋节
        """;
    assertThatThrownBy(() -> CalendarFileParser.parse("2099.txt", text))
        .isInstanceOf(CalendarDataException.class)
        .hasMessageContaining("第 5 行")
        .hasMessageContaining("2099-10-06");
  }

  @Test
  void entryBeforeYearIsRejected() {
    assertThatThrownBy(() -> CalendarFileParser.parse("2099.txt", "holiday 2099-01-01 元旦\nyear: 2099\n"))
        .isInstanceOf(CalendarDataException.class)
        .hasMessageContaining("第 1 行")
        .hasMessageContaining("year");
  }

  @Test
  void missingHeaderFieldsAreRejected() {
    assertThatThrownBy(() -> CalendarFileParser.parse("a.txt", "year: 2099\nnotice: 测试\nholiday 2099-01-01 元旦\n"))
        .isInstanceOf(CalendarDataException.class)
        .hasMessage("工作日历数据文件 a.txt：缺少“number: 发文字号”");
    assertThatThrownBy(() -> CalendarFileParser.parse("b.txt", "year: 2099\nnumber: 1\nholiday 2099-01-01 元旦\n"))
        .isInstanceOf(CalendarDataException.class)
        .hasMessageContaining("notice");
    assertThatThrownBy(() -> CalendarFileParser.parse("c.txt", "# nothing\n"))
        .isInstanceOf(CalendarDataException.class)
        .hasMessageContaining("year");
    assertThatThrownBy(() -> CalendarFileParser.parse("d.txt", HEADER))
        .isInstanceOf(CalendarDataException.class)
        .hasMessageContaining("没有任何 holiday 行");
    assertThatThrownBy(() -> CalendarFileParser.parse("e.txt", "year: 99\n"))
        .isInstanceOf(CalendarDataException.class)
        .hasMessageContaining("第 1 行");
  }

  @Test
  void fileNotInUtf8IsRejected() {
    byte[] gbk = (HEADER + "holiday 2099-01-01 元旦\n").getBytes(Charset.forName("GBK"));
    assertThatThrownBy(() -> CalendarFileParser.parse("gbk.txt", gbk))
        .isInstanceOf(CalendarDataException.class)
        .hasMessageContaining("gbk.txt")
        .hasMessageContaining("UTF-8");
  }
}
