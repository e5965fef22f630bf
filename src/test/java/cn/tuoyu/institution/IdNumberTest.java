package cn.tuoyu.institution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdNumberTest {

  private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

  /** 以给定的前 17 位加上算出的校验码组成号码，使测试只针对想测的那一项。 */
  private static String withCheck(String first17) {
    return first17 + IdNumber.checkCharacter(first17);
  }

  private static String born(LocalDate date) {
    return withCheck("610602" + date.format(YYYYMMDD) + "123");
  }

  /*
   * 手算的校验码。加权因子 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2；加权和 mod 11 为 0…10 时校验码为 1 0 X 9 8 7 6 5 4 3 2。
   *
   * 61060220230517123：
   *   6·7 + 1·9 + 0·10 + 6·5 + 0·8 + 2·4 + 2·2 + 0·1 + 2·6 + 3·3 + 0·7 + 5·9 + 1·10 + 7·5 + 1·8 + 2·4 + 3·2
   *   = 42 + 9 + 0 + 30 + 0 + 8 + 4 + 0 + 12 + 9 + 0 + 45 + 10 + 35 + 8 + 8 + 6 = 226；226 mod 11 = 6 → 6
   * 61060220230517121：末三位 1·8 + 2·4 + 1·2 = 18，比上例少 4：222 mod 11 = 2 → X
   * 00000000000000000：和为 0 → 1；10000000000000000：和为 7 → 5（首位加权因子是 7）；00000000000000001：和为 2 → X
   */
  @ParameterizedTest
  @CsvSource({
    "61060220230517123, 6",
    "61060220230517121, X",
    "00000000000000000, 1",
    "10000000000000000, 5",
    "00000000000000001, X",
  })
  void checkCharacterMatchesHandComputedExamples(String first17, char expected) {
    assertThat(IdNumber.checkCharacter(first17)).isEqualTo(expected);
  }

  @Test
  void parsesAValidNumber() {
    IdNumber id = IdNumber.parse("610602202305171236");
    assertThat(id.fullNumber()).isEqualTo("610602202305171236");
    assertThat(id.birthDate()).isEqualTo(LocalDate.of(2023, 5, 17));
    assertThat(id.masked()).isEqualTo("610602********1236");
    assertThat(IdNumber.isValid("610602202305171236")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"61060220230517121x", "  61060220230517121X\t", "\u300061060220230517121x "})
  void trimsAndAcceptsLowerCaseX(String text) {
    IdNumber id = IdNumber.parse(text);
    assertThat(id.fullNumber()).isEqualTo("61060220230517121X");
    assertThat(id).isEqualTo(IdNumber.parse("61060220230517121X"));
    assertThat(id.hashCode()).isEqualTo(IdNumber.parse("61060220230517121X").hashCode());
    assertThat(IdNumber.isValid(text)).isTrue();
  }

  @Test
  void toStringIsMaskedSoTheNumberDoesNotLeakIntoLogs() {
    IdNumber id = IdNumber.parse("61060220230517121x");
    assertThat(id).hasToString("610602********121X");
    assertThat("申请人 " + id).isEqualTo("申请人 610602********121X").doesNotContain("20230517");
    assertThat(String.format("%s", id)).doesNotContain("20230517");
  }

  @Test
  void wrongCheckDigitNamesTheRightOne() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> IdNumber.parse("610602202305171237"))
        .withMessage("居民身份证号码无效：校验码错误，应为 6");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> IdNumber.parse("610602202305171210"))
        .withMessage("居民身份证号码无效：校验码错误，应为 X");
    assertThat(IdNumber.isValid("610602202305171237")).isFalse();
  }

  @Test
  void everySingleDigitChangeIsDetected() {
    String valid = "610602202305171236";
    for (int position = 0; position < 18; position++) {
      for (char digit = '0'; digit <= '9'; digit++) {
        if (digit == valid.charAt(position)) {
          continue;
        }
        String altered = valid.substring(0, position) + digit + valid.substring(position + 1);
        assertThat(IdNumber.isValid(altered)).as(altered).isFalse();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"20230230", "20230229", "20231301", "20230001", "20230500", "20230431", "00000000"})
  void birthDateMustBeARealDate(String yyyymmdd) {
    String number = withCheck("610602" + yyyymmdd + "123");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> IdNumber.parse(number))
        .withMessage("居民身份证号码无效：出生日期无效（第7–14位不是真实的日期）");
    assertThat(IdNumber.isValid(number)).isFalse();
  }

  @Test
  void leapDayIsARealDateInALeapYear() {
    assertThat(IdNumber.parse(withCheck("61060220240229123")).birthDate()).isEqualTo(LocalDate.of(2024, 2, 29));
  }

  @Test
  void birthDateMustNotBeInTheFuture() {
    LocalDate today = LocalDate.of(2025, 6, 1);
    assertThat(IdNumber.parse(born(today), today).birthDate()).isEqualTo(today);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> IdNumber.parse(born(today.plusDays(1)), today))
        .withMessage("居民身份证号码无效：出生日期无效（晚于今天）");

    // 公开的 parse 以中国当天为准；一年后的日期不受测试运行时刻影响
    String nextYear = born(IdNumber.today().plusYears(1));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> IdNumber.parse(nextYear))
        .withMessage("居民身份证号码无效：出生日期无效（晚于今天）");
    assertThat(IdNumber.isValid(nextYear)).isFalse();
  }

  @Test
  void birthDateMustNotBeBefore1900() {
    assertThat(IdNumber.parse(born(LocalDate.of(1900, 1, 1))).birthDate()).isEqualTo(LocalDate.of(1900, 1, 1));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> IdNumber.parse(born(LocalDate.of(1899, 12, 31))))
        .withMessage("居民身份证号码无效：出生日期无效（早于1900年）");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void missingNumber(String text) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> IdNumber.parse(text))
        .withMessage("居民身份证号码无效：不能为空");
    assertThat(IdNumber.isValid(text)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    // 15 位的旧号码（GB 11643-1989）不接受
    "610602230517123, 15",
    "61060220230517123, 17",
    "6106022023051712366, 19",
  })
  void wrongLength(String text, int length) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> IdNumber.parse(text))
        .withMessage("居民身份证号码无效：长度应为18位，实际为" + length + "位");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "6106X2202305171236 | 前17位应为数字，第5位为 X",
        "6106x2202305171236 | 前17位应为数字，第5位为 x",
        "610602 02305171236 | 前17位应为数字，第7位为 U+0020",
        "６10602202305171236 | 前17位应为数字，第1位为 ６",
        "61060220230517123A | 第18位应为数字或 X，实际为 A",
      })
  void nonDigitsAreNamedWithTheirPosition(String text, String reason) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> IdNumber.parse(text))
        .withMessage("居民身份证号码无效：" + reason);
  }

  @Test
  void messagesDoNotContainTheNumber() {
    for (String bad : new String[] {"610602202305171237", "610602202302301236", born(IdNumber.today().plusYears(1))}) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> IdNumber.parse(bad))
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(bad.substring(6, 14)));
    }
  }

  @Test
  void checkCharacterRejectsBadInput() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> IdNumber.checkCharacter("6106022023051712"))
        .withMessage("前17位应为17位数字");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> IdNumber.checkCharacter(null))
        .withMessage("前17位应为17位数字");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> IdNumber.checkCharacter("6106022023051712X"))
        .withMessage("前17位应为数字，第17位不是数字");
  }
}
