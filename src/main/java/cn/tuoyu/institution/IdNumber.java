package cn.tuoyu.institution;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * 居民身份证号码（GB 11643-1999）：6 位地址码、8 位出生日期码、3 位顺序码和 1 位校验码。
 *
 * <p>身份证号码是个人信息：{@link #toString()} 只给出遮蔽出生日期的 {@link #masked()} 形式，
 * 完整号码只能通过名字明确的 {@link #fullNumber()} 取得，以免无意中写进日志。
 */
public final class IdNumber {

  private static final int LENGTH = 18;
  private static final String INVALID = "居民身份证号码无效：";
  /** 出生日期按中国的日历日判断是否“晚于今天”。 */
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

  /**
   * ISO 7064 MOD 11-2 的加权因子：从左数第 i 位（i = 1…17）为 2^(18-i) mod 11，
   * 即 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2。
   */
  private static final int[] WEIGHTS = new int[LENGTH - 1];

  /** 下标为加权和 mod 11 时对应的校验码。 */
  private static final String CHECK_CHARACTERS = "10X98765432";

  static {
    int weight = 1;
    for (int i = WEIGHTS.length - 1; i >= 0; i--) {
      weight = weight * 2 % 11;
      WEIGHTS[i] = weight;
    }
  }

  private final String number;
  private final LocalDate birthDate;

  private IdNumber(String number) {
    this.number = number;
    this.birthDate = birthDateOf(number);
  }

  /**
   * 解析用户输入的号码：去掉首尾空白，末位小写 x 规范为 X。
   *
   * @throws IllegalArgumentException 号码无效时，消息形如“居民身份证号码无效：校验码错误，应为 X”，不含号码本身
   */
  public static IdNumber parse(String text) {
    return parse(text, today());
  }

  /** 与 {@link #parse} 同样规范化后判断是否有效；{@code null} 无效。 */
  public static boolean isValid(String text) {
    return problemWith(text, today()) == null;
  }

  /**
   * 计算第 18 位校验码，供测试和演示数据生成有效号码。
   *
   * @param first17 前 17 位数字
   * @throws IllegalArgumentException 不是 17 位数字时
   */
  public static char checkCharacter(String first17) {
    if (first17 == null || first17.length() != LENGTH - 1) {
      throw new IllegalArgumentException("前17位应为17位数字");
    }
    int sum = 0;
    for (int i = 0; i < first17.length(); i++) {
      char c = first17.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("前17位应为数字，第" + (i + 1) + "位不是数字");
      }
      sum += (c - '0') * WEIGHTS[i];
    }
    return CHECK_CHARACTERS.charAt(sum % 11);
  }

  /** 完整号码。名字故意写明，便于在代码评审中发现把完整号码写进日志或接口的地方。 */
  public String fullNumber() {
    return number;
  }

  public LocalDate birthDate() {
    return birthDate;
  }

  /** 遮蔽 8 位出生日期的号码：前 6 位 + {@code ********} + 后 4 位，例如 {@code 610602********121X}。 */
  public String masked() {
    return number.substring(0, 6) + "********" + number.substring(14);
  }

  /** 返回 {@link #masked()}，不是完整号码。 */
  @Override
  public String toString() {
    return masked();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof IdNumber that && number.equals(that.number);
  }

  @Override
  public int hashCode() {
    return number.hashCode();
  }

  /** 以给定日期为“今天”解析，供测试“出生日期晚于今天”的边界。 */
  static IdNumber parse(String text, LocalDate today) {
    String number = normalise(text);
    String problem = problemWithNormalised(number, today);
    if (problem != null) {
      throw new IllegalArgumentException(INVALID + problem);
    }
    return new IdNumber(number);
  }

  /**
   * 号码的问题；有效时返回 {@code null}。与 {@link #parse} 共用，使注解校验给出同样的原因。
   * 原因里不含号码或出生日期，可以放心显示和记录。
   *
   * @param text 未规范化的输入
   */
  static String problemWith(String text, LocalDate today) {
    return problemWithNormalised(normalise(text), today);
  }

  static LocalDate today() {
    return LocalDate.now(CHINA);
  }

  private static String problemWithNormalised(String number, LocalDate today) {
    if (number == null || number.isEmpty()) {
      return "不能为空";
    }
    int length = number.codePointCount(0, number.length());
    if (length != LENGTH) {
      return "长度应为18位，实际为" + length + "位";
    }
    for (int i = 0; i < LENGTH - 1; i++) {
      char c = number.charAt(i);
      if (c < '0' || c > '9') {
        return "前17位应为数字，第" + (i + 1) + "位为 " + CodeCharacters.visible(number.codePointAt(i));
      }
    }
    char last = number.charAt(LENGTH - 1);
    if ((last < '0' || last > '9') && last != 'X') {
      return "第18位应为数字或 X，实际为 " + CodeCharacters.visible(number.codePointAt(LENGTH - 1));
    }
    LocalDate birthDate = birthDateOf(number);
    if (birthDate == null) {
      return "出生日期无效（第7–14位不是真实的日期）";
    }
    if (birthDate.isAfter(today)) {
      return "出生日期无效（晚于今天）";
    }
    if (birthDate.isBefore(EARLIEST_BIRTH_DATE)) {
      return "出生日期无效（早于1900年）";
    }
    char expected = checkCharacter(number.substring(0, LENGTH - 1));
    if (last != expected) {
      return "校验码错误，应为 " + expected;
    }
    return null;
  }

  /** 第 7–14 位表示的日期；不是真实日期（如 2月30日）时返回 {@code null}。 */
  private static LocalDate birthDateOf(String number) {
    int year = Integer.parseInt(number.substring(6, 10));
    int month = Integer.parseInt(number.substring(10, 12));
    int day = Integer.parseInt(number.substring(12, 14));
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static String normalise(String text) {
    if (text == null) {
      return null;
    }
    String stripped = text.strip();
    // 只有末位允许字母，小写 x 是常见输入
    if (stripped.endsWith("x")) {
      return stripped.substring(0, stripped.length() - 1) + 'X';
    }
    return stripped;
  }
}
