package cn.tuoyu.institution;

/**
 * 统一社会信用代码（GB 32100-2015）。
 *
 * <p>18 位，字符取自 31 个字符的代码字符集（数字 0–9 和不含 I、O、Z、S、V 的大写字母）：第 1 位登记管理部门码，
 * 第 2 位机构类别码，第 3–8 位登记管理机关行政区划码，第 9–17 位主体标识码（组织机构代码），第 18 位校验码。
 *
 * <p>构造时去掉首尾空白、把小写字母转成大写，因此实例总是规范形式。
 */
public record CreditCode(String value) {

  /** 代码字符集；字符在其中的下标就是它在校验计算中的数值。 */
  static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  private static final int LENGTH = 18;
  private static final int MODULUS = 31;
  private static final String INVALID = "统一社会信用代码无效：";

  /** 第 1–17 位的加权因子 3^(i-1) mod 31：1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28。 */
  private static final int[] WEIGHTS = new int[LENGTH - 1];

  static {
    int weight = 1;
    for (int i = 0; i < WEIGHTS.length; i++) {
      WEIGHTS[i] = weight;
      weight = weight * 3 % MODULUS;
    }
  }

  /**
   * 规范化并校验。
   *
   * @throws IllegalArgumentException 代码无效时，消息说明具体原因
   */
  public CreditCode {
    String normalised = normalise(value);
    String problem = problemWithNormalised(normalised);
    if (problem != null) {
      throw new IllegalArgumentException(INVALID + problem);
    }
    value = normalised;
  }

  /**
   * 解析用户输入的代码：去掉首尾空白，小写字母转为大写。
   *
   * @throws IllegalArgumentException 代码无效时，消息形如“统一社会信用代码无效：校验位错误，应为 K”
   */
  public static CreditCode parse(String text) {
    return new CreditCode(text);
  }

  /** 与 {@link #parse} 同样规范化后判断是否有效；{@code null} 无效。 */
  public static boolean isValid(String text) {
    return problemWith(text) == null;
  }

  /**
   * 计算第 18 位校验码，供测试和演示数据生成有效代码。
   *
   * @param first17 前 17 位，须已是规范形式（大写、无空白）
   * @throws IllegalArgumentException 不是 17 个代码字符时
   */
  public static char checkCharacter(String first17) {
    if (first17 == null || first17.length() != LENGTH - 1) {
      throw new IllegalArgumentException("前17位应为17个字符");
    }
    int sum = 0;
    for (int i = 0; i < first17.length(); i++) {
      int digit = ALPHABET.indexOf(first17.charAt(i));
      if (digit < 0) {
        throw new IllegalArgumentException(illegalCharacter(first17.charAt(i), i + 1));
      }
      sum += digit * WEIGHTS[i];
    }
    // 校验码 C18 = 31 - (Σ Ci·Wi mod 31)，结果为 31 时取 0
    return ALPHABET.charAt((MODULUS - sum % MODULUS) % MODULUS);
  }

  /** 第 3–8 位：登记管理机关行政区划码（GB/T 2260）。 */
  public String divisionCode() {
    return value.substring(2, 8);
  }

  /** 规范形式的代码本身；统一社会信用代码是公开信息，可以原样出现在日志里。 */
  @Override
  public String toString() {
    return value;
  }

  /**
   * 代码的问题；有效时返回 {@code null}。与 {@link #parse} 共用，使注解校验给出同样的原因。
   *
   * @param text 未规范化的输入
   */
  static String problemWith(String text) {
    return problemWithNormalised(normalise(text));
  }

  private static String problemWithNormalised(String code) {
    if (code == null || code.isEmpty()) {
      return "不能为空";
    }
    // 按码点计数，免得输入里的表情符号之类把长度报错
    int length = code.codePointCount(0, code.length());
    if (length != LENGTH) {
      return "长度应为18位，实际为" + length + "位";
    }
    for (int i = 0; i < LENGTH; i++) {
      // 长度为 18 个码点且这里都是 BMP 字符时 i 就是位置；遇到代理对会先在这里报非法字符
      char c = code.charAt(i);
      if (ALPHABET.indexOf(c) < 0) {
        return illegalCharacter(code.codePointAt(i), i + 1);
      }
    }
    for (int i = 2; i < 8; i++) {
      if (code.charAt(i) > '9') {
        return "行政区划码（第3–8位）应为数字，第" + (i + 1) + "位为 " + code.charAt(i);
      }
    }
    char expected = checkCharacter(code.substring(0, LENGTH - 1));
    if (code.charAt(LENGTH - 1) != expected) {
      return "校验位错误，应为 " + expected;
    }
    return null;
  }

  private static String illegalCharacter(int codePoint, int position) {
    String hint = "IOZSV".indexOf(codePoint) >= 0 ? "，代码中不使用字母 I、O、Z、S、V" : "";
    return "含有非法字符 " + CodeCharacters.visible(codePoint) + "（第" + position + "位" + hint + "）";
  }

  /** 只转换 ASCII 小写字母：String.toUpperCase 会把 ß 之类变成两个字符，改变长度。 */
  private static String normalise(String text) {
    if (text == null) {
      return null;
    }
    char[] chars = text.strip().toCharArray();
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] >= 'a' && chars[i] <= 'z') {
        chars[i] = (char) (chars[i] - ('a' - 'A'));
      }
    }
    return new String(chars);
  }
}
