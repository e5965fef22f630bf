package cn.tuoyu.institution;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ValidationAnnotationsTest {

  private static ValidatorFactory factory;
  private static Validator validator;

  @BeforeAll
  static void createValidator() {
    factory = Validation.buildDefaultValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void closeFactory() {
    factory.close();
  }

  record Institution(@ValidCreditCode String creditCode, @ValidIdNumber String legalRepresentativeId) {}

  record Registration(@NotBlank @ValidCreditCode String creditCode, @NotBlank @ValidIdNumber String idNumber) {}

  record Roster(List<@ValidIdNumber String> caregiverIds) {}

  record CustomMessage(@ValidCreditCode(message = "举办者代码有误（{reason}）") String creditCode) {}

  private static List<String> messages(Object bean) {
    Set<ConstraintViolation<Object>> violations = validator.validate(bean);
    return violations.stream().map(ConstraintViolation::getMessage).sorted().toList();
  }

  @Test
  void validValuesPass() {
    assertThat(validator.validate(new Institution("52610602MJ0000001K", "610602202305171236"))).isEmpty();
    // 与 parse 一样接受空白和大小写差异
    assertThat(validator.validate(new Institution(" 52610602mj0000001k ", " 61060220230517121x "))).isEmpty();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void absentValuesAreLeftToNotBlank(String absent) {
    assertThat(validator.validate(new Institution(absent, absent))).isEmpty();
    assertThat(messages(new Registration(absent, absent))).hasSize(2).allSatisfy(m -> assertThat(m).doesNotContain("无效"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "52610602MJ0000001A | 统一社会信用代码无效：校验位错误，应为 K",
        "52610602MJ0000001 | 统一社会信用代码无效：长度应为18位，实际为17位",
        "52610602MO0000001K | 统一社会信用代码无效：含有非法字符 O（第10位，代码中不使用字母 I、O、Z、S、V）",
        "526106A2MJ0000001K | 统一社会信用代码无效：行政区划码（第3–8位）应为数字，第7位为 A",
      })
  void creditCodeViolationNamesTheProblem(String code, String message) {
    Set<ConstraintViolation<Institution>> violations = validator.validate(new Institution(code, null));
    assertThat(violations).singleElement().satisfies(v -> {
      assertThat(v.getMessage()).isEqualTo(message);
      assertThat(v.getPropertyPath()).hasToString("creditCode");
      assertThat(v.getMessageTemplate()).isEqualTo("统一社会信用代码无效：{reason}");
    });
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "610602202305171237 | 居民身份证号码无效：校验码错误，应为 6",
        "610602202302301236 | 居民身份证号码无效：出生日期无效（第7–14位不是真实的日期）",
        "61060220230517123 | 居民身份证号码无效：长度应为18位，实际为17位",
        "61060220230517123A | 居民身份证号码无效：第18位应为数字或 X，实际为 A",
      })
  void idNumberViolationNamesTheProblem(String number, String message) {
    Set<ConstraintViolation<Institution>> violations = validator.validate(new Institution(null, number));
    assertThat(violations).singleElement().satisfies(v -> {
      assertThat(v.getMessage()).isEqualTo(message);
      assertThat(v.getPropertyPath()).hasToString("legalRepresentativeId");
    });
  }

  @Test
  void futureBirthDateIsReported() {
    String first17 = "610602" + IdNumber.today().plusYears(1).toString().replace("-", "") + "123";
    String number = first17 + IdNumber.checkCharacter(first17);
    assertThat(messages(new Institution(null, number))).containsExactly("居民身份证号码无效：出生日期无效（晚于今天）");
  }

  @Test
  void bothFieldsAreReportedTogether() {
    assertThat(messages(new Institution("52610602MJ0000001A", "610602202305171237")))
        .containsExactlyInAnyOrder("统一社会信用代码无效：校验位错误，应为 K", "居民身份证号码无效：校验码错误，应为 6");
  }

  @Test
  void containerElementsAreValidated() {
    Set<ConstraintViolation<Roster>> violations =
        validator.validate(new Roster(List.of("610602202305171236", "610602202305171237")));
    assertThat(violations).singleElement().satisfies(v -> {
      assertThat(v.getMessage()).isEqualTo("居民身份证号码无效：校验码错误，应为 6");
      assertThat(v.getPropertyPath()).hasToString("caregiverIds[1].<list element>");
    });
  }

  @Test
  void customMessageCanUseTheReason() {
    assertThat(messages(new CustomMessage("52610602MJ0000001A"))).containsExactly("举办者代码有误（校验位错误，应为 K）");
  }

  /** 原因里带有用户输入的字符；它只作消息参数，不会被当作 {…} 或 ${…} 再解释。 */
  @ParameterizedTest
  @ValueSource(chars = {'{', '}', '$', '\\', '#'})
  void userInputInTheReasonIsNotInterpolated(char c) {
    String code = "52610602MJ000000" + c + "K";
    assertThat(messages(new Institution(code, null))).containsExactly("统一社会信用代码无效：含有非法字符 " + c + "（第17位）");
  }
}
