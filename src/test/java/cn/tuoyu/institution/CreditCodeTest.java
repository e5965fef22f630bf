package cn.tuoyu.institution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

  /*
   * 手算的校验码。字符数值：0–9 为本身，A=10 B=11 C=12 D=13 E=14 F=15 G=16 H=17 J=18 K=19 L=20 M=21
   * N=22 P=23 Q=24 R=25 T=26 U=27 W=28 X=29 Y=30；加权因子 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28。
   *
   * 52610602MJ0000001：
   *   5·1 + 2·3 + 6·9 + 1·27 + 0·19 + 6·26 + 0·16 + 2·17 + M(21)·20 + J(18)·29 + 0…0 + 1·28
   *   = 5 + 6 + 54 + 27 + 0 + 156 + 0 + 34 + 420 + 522 + 28 = 1252；1252 mod 31 = 12；31 − 12 = 19 → K
   * 91350100M000100Y4：9 + 3 + 27 + 135 + 26 + 420 + 8 + Y(30)·30 + 4·28 = 1640；mod 31 = 28；31 − 28 = 3
   * 52610602MJ0000005：1224 + 5·28 = 1364 = 31·44，余数 0；31 − 0 = 31 → 取 0（边界情况）
   */
  @ParameterizedTest
  @CsvSource({
    "52610602MJ0000001, K",
    "91350100M000100Y4, 3",
    "52610602MJ0000005, 0",
  })
  void checkCharacterMatchesHandComputedExamples(String first17, char expected) {
    assertThat(CreditCode.checkCharacter(first17)).isEqualTo(expected);
    assertThat(CreditCode.isValid(first17 + expected)).isTrue();
    assertThat(CreditCode.parse(first17 + expected).value()).isEqualTo(first17 + expected);
  }

  @Test
  void alphabetIsDigitsAndCapitalsWithoutIOZSV() {
    assertThat(CreditCode.ALPHABET)
        .hasSize(31)
        .isEqualTo("0123456789ABCDEFGHJKLMNPQRTUWXY")
        .doesNotContain("I", "O", "Z", "S", "V");
    assertThat(CreditCode.ALPHABET.chars().distinct().count()).isEqualTo(31);
  }

  /** 随机前 17 位（第 3–8 位为数字）加上算出的校验码都应有效；固定种子保证可重现。 */
  static Stream<String> generatedCodes() {
    Random random = new Random(20151001);
    String digits = "0123456789";
    return IntStream.range(0, 200)
        .mapToObj(n -> {
          StringBuilder first17 = new StringBuilder();
          for (int i = 0; i < 17; i++) {
            String pool = i >= 2 && i < 8 ? digits : CreditCode.ALPHABET;
            first17.append(pool.charAt(random.nextInt(pool.length())));
          }
          return first17 + String.valueOf(CreditCode.checkCharacter(first17.toString()));
        });
  }

  @ParameterizedTest
  @MethodSource("generatedCodes")
  void codesBuiltWithCheckCharacterAreValid(String code) {
    assertThat(CreditCode.isValid(code)).isTrue();
    assertThat(CreditCode.parse(code).divisionCode()).isEqualTo(code.substring(2, 8));
  }

  /** 模 31、加权因子与 31 互素：任何一位被换成别的字符都会被校验码发现。 */
  @ParameterizedTest
  @MethodSource("generatedCodes")
  void everySingleCharacterSubstitutionIsDetected(String code) {
    for (int position = 0; position < 18; position++) {
      for (char replacement : CreditCode.ALPHABET.toCharArray()) {
        boolean divisionDigit = position >= 2 && position < 8;
        if (replacement == code.charAt(position) || (divisionDigit && replacement > '9')) {
          continue;
        }
        String altered = code.substring(0, position) + replacement + code.substring(position + 1);
        assertThat(CreditCode.isValid(altered)).as(altered).isFalse();
      }
    }
  }

  @Test
  void parseTrimsAndUpperCases() {
    CreditCode code = CreditCode.parse(" \t52610602mj0000001k\n");
    assertThat(code.value()).isEqualTo("52610602MJ0000001K");
    assertThat(code).isEqualTo(CreditCode.parse("52610602MJ0000001K"));
    // 全角空格（U+3000）在中文输入中常见，也去掉
    assertThat(CreditCode.parse("\u300091350100m000100y43\u3000").value()).isEqualTo("91350100M000100Y43");
    assertThat(CreditCode.isValid(" 91350100m000100y43 ")).isTrue();
  }

  @Test
  void constructorNormalisesAndValidatesLikeParse() {
    assertThat(new CreditCode(" 52610602mj0000001k ").value()).isEqualTo("52610602MJ0000001K");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new CreditCode("52610602MJ0000001A"))
        .withMessage("统一社会信用代码无效：校验位错误，应为 K");
  }

  @Test
  void divisionCodeIsPositionsThreeToEight() {
    assertThat(CreditCode.parse("52610602MJ0000001K").divisionCode()).isEqualTo("610602");
    assertThat(CreditCode.parse("91350100M000100Y43").divisionCode()).isEqualTo("350100");
  }

  @Test
  void toStringIsTheCode() {
    assertThat(CreditCode.parse("52610602mj0000001k")).hasToString("52610602MJ0000001K");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\t\n"})
  void missingCode(String text) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CreditCode.parse(text))
        .withMessage("统一社会信用代码无效：不能为空");
    assertThat(CreditCode.isValid(text)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "52610602MJ000000, 16",
    "52610602MJ0000001, 17",
    "52610602MJ0000001K0, 19",
    "52610602MJ0000001K52610602MJ0000001K, 36",
  })
  void wrongLength(String text, int length) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CreditCode.parse(text))
        .withMessage("统一社会信用代码无效：长度应为18位，实际为" + length + "位");
  }

  @Test
  void lengthCountsCharactersNotUtf16Units() {
    // 17 个字符加一个表情符号：是 18 个字符，报的应是非法字符而不是长度
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CreditCode.parse("52610602MJ0000001\uD83D\uDE00"))
        .withMessage("统一社会信用代码无效：含有非法字符 \uD83D\uDE00（第18位）");
  }

  @ParameterizedTest
  @ValueSource(chars = {'I', 'O', 'Z', 'S', 'V'})
  void lettersOutsideTheAlphabetAreRejected(char letter) {
    String code = "52610602M" + letter + "0000001K";
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CreditCode.parse(code))
        .withMessage("统一社会信用代码无效：含有非法字符 " + letter + "（第10位，代码中不使用字母 I、O、Z、S、V）");
    // 小写输入先被转成大写，同样被拒绝
    assertThat(CreditCode.isValid(code.toLowerCase())).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "52610602-J0000001K | -（第9位）",
        "52610602MJ 000001K | U+0020（第11位）",
        "５2610602MJ0000001K | ５（第1位）",
        "52610602MJ0000001是 | 是（第18位）",
      })
  void illegalCharacterIsNamedWithItsPosition(String code, String what) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CreditCode.parse(code))
        .withMessage("统一社会信用代码无效：含有非法字符 " + what);
  }

  @Test
  void divisionCodeMustBeDigits() {
    String first17 = "526106A2MJ0000001";
    String code = first17 + CreditCode.checkCharacter(first17);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CreditCode.parse(code))
        .withMessage("统一社会信用代码无效：行政区划码（第3–8位）应为数字，第7位为 A");
  }

  @ParameterizedTest
  @CsvSource({
    "52610602MJ0000001A, K",
    "52610602MJ00000010, K",
    "91350100M000100Y44, 3",
    "52610602MJ00000051, 0",
  })
  void wrongCheckCharacterNamesTheRightOne(String code, char expected) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CreditCode.parse(code))
        .withMessage("统一社会信用代码无效：校验位错误，应为 " + expected);
    assertThat(CreditCode.isValid(code)).isFalse();
  }

  static Stream<Arguments> badCheckCharacterInput() {
    return Stream.of(
        Arguments.of(null, "前17位应为17个字符"),
        Arguments.of("52610602MJ000000", "前17位应为17个字符"),
        Arguments.of("52610602MJ0000001K", "前17位应为17个字符"),
        Arguments.of("52610602MO0000001", "含有非法字符 O（第10位，代码中不使用字母 I、O、Z、S、V）"),
        // 不替调用方规范化：生成数据时应直接给出大写
        Arguments.of("52610602mj0000001", "含有非法字符 m（第9位）"));
  }

  @ParameterizedTest
  @MethodSource("badCheckCharacterInput")
  void checkCharacterRejectsBadInput(String first17, String message) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CreditCode.checkCharacter(first17))
        .withMessage(message);
  }
}
