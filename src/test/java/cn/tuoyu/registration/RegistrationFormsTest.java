package cn.tuoyu.registration;

import static cn.tuoyu.support.FormFiles.bundledSchemaVersion;
import static cn.tuoyu.support.FormFiles.fieldNames;
import static cn.tuoyu.support.FormFiles.stringConstants;
import static cn.tuoyu.support.FormFiles.toOrderedMap;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tuoyu.identity.Department;
import cn.tuoyu.institution.CreditCode;
import cn.tuoyu.institution.InstitutionNature;
import cn.tuoyu.registration.RegistrationFilingProcess.ReviewDecision;
import cn.tuoyu.support.FormFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Camunda Forms of 登记备案衔接 in {@code forms/registration/}, checked against the names the
 * process, the registry and the bundled form-js share.
 *
 * <p>Tasklist 7.24 renders them with the form-js that {@code camunda-webapp-webjar} bundles in
 * {@code lib/deps.js}: form-js 1.8.x, schemaVersion 16. That version evaluates FEEL in {@code
 * readonly}, {@code conditional.hide} and in the validation limits min, max, minLength and
 * maxLength, but not in {@code required}; validation messages are fixed English texts.
 */
class RegistrationFormsTest {

  static final Path FORMS = Path.of("forms", "registration");

  /** Form keys other than the constants of {@link RegistrationFilingProcess.Variables}. */
  static final Set<String> FORM_ONLY_KEYS =
      Set.of(
          // start form, read by the start delegate
          "institutionName",
          "nature",
          "inclusive",
          "address",
          "legalRepresentative",
          "capacityInfant",
          "capacityToddlerSmall",
          "capacityToddlerLarge",
          "monthlyFee",
          "supervisoryDepartment",
          // notes of the task forms
          "pushNote",
          "escalationNote",
          "acknowledgeNote");

  /** The keys each form binds, in the order they appear. */
  static final Map<String, List<String>> FORM_KEYS = new LinkedHashMap<>();

  static {
    FORM_KEYS.put(
        "RegistrationStartForm",
        List.of(
            "creditCode",
            "institutionName",
            "nature",
            "county",
            "inclusive",
            "legalRepresentative",
            "address",
            "capacityInfant",
            "capacityToddlerSmall",
            "capacityToddlerLarge",
            "monthlyFee",
            "supervisoryDepartment",
            "approvedAt"));
    FORM_KEYS.put("PushRegistrationForm", List.of("institutionSummary", "pushNote"));
    FORM_KEYS.put("EscalatePushForm", List.of("institutionSummary", "escalationNote"));
    FORM_KEYS.put(
        "AcknowledgeRegistrationForm",
        List.of("acknowledgingDepartment", "institutionSummary", "acknowledgeNote"));
    FORM_KEYS.put("HandleOverdueFilingForm", List.of("institutionSummary", "overdueNote"));
    FORM_KEYS.put(
        "FilingReviewForm",
        List.of(
            "institutionSummary",
            "checkSummary",
            "filingMaterials",
            "confidentialStaffRoster",
            "reviewDecision",
            "reviewComment"));
  }

  /** Keys a clerk must fill in; every other key is optional or display-only. */
  static final Map<String, Set<String>> REQUIRED_KEYS =
      Map.of(
          "RegistrationStartForm",
          Set.of(
              "creditCode",
              "institutionName",
              "nature",
              "county",
              "legalRepresentative",
              "address",
              "approvedAt"),
          "PushRegistrationForm", Set.of(),
          "EscalatePushForm", Set.of("escalationNote"),
          "AcknowledgeRegistrationForm", Set.of(),
          "HandleOverdueFilingForm", Set.of("overdueNote"),
          "FilingReviewForm", Set.of("reviewDecision"));

  /** Variables the forms only show; they never go back to the engine as entered values. */
  static final Set<String> DISPLAY_ONLY_KEYS =
      Set.of(
          RegistrationFilingProcess.Variables.INSTITUTION_SUMMARY,
          RegistrationFilingProcess.Variables.FILING_MATERIALS,
          RegistrationFilingProcess.Variables.CHECK_SUMMARY,
          RegistrationFilingProcess.Variables.STAFF_ROSTER,
          RegistrationFilingProcess.Variables.ACKNOWLEDGING_DEPARTMENT);

  /** Component types of form-js 1.8 that these forms use. */
  static final Set<String> COMPONENT_TYPES =
      Set.of("text", "textfield", "textarea", "number", "select", "radio", "checkbox", "datetime",
          "separator");

  /** Properties of form-js 1.8 that these forms use, per place in the schema. */
  static final Set<String> FORM_PROPERTIES =
      Set.of("type", "id", "executionPlatform", "executionPlatformVersion", "schemaVersion",
          "components");
  static final Set<String> COMPONENT_PROPERTIES =
      Set.of("type", "id", "key", "label", "description", "text", "values", "validate", "layout",
          "readonly", "disabled", "defaultValue", "decimalDigits", "subtype", "dateLabel",
          "conditional");
  static final Set<String> VALIDATE_PROPERTIES =
      Set.of("required", "pattern", "min", "max", "minLength", "maxLength");
  static final Set<String> LAYOUT_PROPERTIES = Set.of("row", "columns");
  static final Set<String> CONDITIONAL_PROPERTIES = Set.of("hide");

  static final Pattern CJK = Pattern.compile("\\p{IsHan}");

  static FormFiles forms;

  @BeforeAll
  static void readForms() throws IOException {
    forms = FormFiles.read(FORMS);
  }

  static Stream<String> formNames() {
    return FORM_KEYS.keySet().stream();
  }

  @Test
  void theFolderHoldsExactlyTheSixForms() {
    assertThat(forms.names()).containsExactlyInAnyOrderElementsOf(FORM_KEYS.keySet());
  }

  @ParameterizedTest
  @MethodSource("formNames")
  void isADefaultFormNamedAfterItsFile(String name) {
    JsonNode form = forms.form(name);
    assertThat(form.isObject()).isTrue();
    assertThat(form.path("type").asText()).isEqualTo("default");
    assertThat(form.path("id").asText()).isEqualTo(name);
    assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
    assertThat(fieldNames(form)).isSubsetOf(FORM_PROPERTIES);
  }

  @ParameterizedTest
  @MethodSource("formNames")
  void schemaVersionIsOneTheBundledFormJsReads(String name) throws IOException {
    JsonNode version = forms.form(name).path("schemaVersion");
    assertThat(version.isInt()).isTrue();
    assertThat(version.asInt()).isBetween(1, bundledSchemaVersion());
  }

  /** Guards the documented finding: a Camunda upgrade that moves form-js should be looked at. */
  @Test
  void bundledFormJsIsSchemaVersion16() throws IOException {
    assertThat(bundledSchemaVersion()).isEqualTo(16);
  }

  @ParameterizedTest
  @MethodSource("formNames")
  void componentsUseOnlyWhatFormJs18Knows(String name) {
    Set<String> ids = new TreeSet<>();
    for (JsonNode component : forms.components(name)) {
      String where = name + "/" + component.path("id").asText();
      assertThat(ids.add(component.path("id").asText())).as("unique id " + where).isTrue();
      assertThat(component.path("id").asText()).as(where).isNotBlank();
      assertThat(component.path("type").asText()).as(where).isIn(COMPONENT_TYPES);
      assertThat(fieldNames(component)).as(where).isSubsetOf(COMPONENT_PROPERTIES);
      assertThat(fieldNames(component.path("validate"))).as(where).isSubsetOf(VALIDATE_PROPERTIES);
      assertThat(fieldNames(component.path("layout"))).as(where).isSubsetOf(LAYOUT_PROPERTIES);
      assertThat(fieldNames(component.path("conditional")))
          .as(where)
          .isSubsetOf(CONDITIONAL_PROPERTIES);
      if (component.has("conditional")) {
        assertThat(component.path("conditional").path("hide").asText()).as(where).startsWith("=");
      }
      if (component.path("type").asText().equals("datetime")) {
        assertThat(component.path("subtype").asText()).as(where).isEqualTo("date");
      }
    }
  }

  /** form-js lays rows out on a 16-column grid. */
  @ParameterizedTest
  @MethodSource("formNames")
  void rowsFitTheGrid(String name) {
    Map<String, Integer> widths = new HashMap<>();
    for (JsonNode component : forms.components(name)) {
      JsonNode layout = component.path("layout");
      if (layout.has("columns")) {
        int columns = layout.path("columns").asInt();
        assertThat(columns).as(component.path("id").asText()).isBetween(2, 16);
        assertThat(layout.path("row").asText()).as(component.path("id").asText()).isNotBlank();
        widths.merge(layout.path("row").asText(), columns, Integer::sum);
      }
    }
    widths.forEach((row, width) -> assertThat(width).as(name + "/" + row).isLessThanOrEqualTo(16));
  }

  @ParameterizedTest
  @MethodSource("formNames")
  void keysAreProcessVariablesOrListedFormKeys(String name) throws IllegalAccessException {
    Set<String> allowed = new TreeSet<>(stringConstants(RegistrationFilingProcess.Variables.class));
    allowed.addAll(FORM_ONLY_KEYS);
    List<String> keys = forms.keys(name);
    assertThat(keys).as(name).isSubsetOf(allowed).doesNotHaveDuplicates();
    assertThat(keys).as(name).containsExactlyElementsOf(FORM_KEYS.get(name));
  }

  @Test
  void variablesConstantsAreReadByReflection() throws IllegalAccessException {
    assertThat(stringConstants(RegistrationFilingProcess.Variables.class))
        .contains("county", "creditCode", "approvedAt", "institutionSummary", "confidentialStaffRoster")
        .doesNotContainAnyElementsOf(FORM_ONLY_KEYS);
  }

  @ParameterizedTest
  @MethodSource("formNames")
  void requiredFieldsAreTheOnesTheClerkMustFill(String name) {
    assertThat(forms.requiredKeys(name)).isEqualTo(REQUIRED_KEYS.get(name));
  }

  @ParameterizedTest
  @MethodSource("formNames")
  void everyVisibleTextIsChinese(String name) {
    for (JsonNode component : forms.components(name)) {
      String where = name + "/" + component.path("id").asText();
      switch (component.path("type").asText()) {
        case "separator" -> {}
        case "text" -> assertThat(component.path("text").asText()).as(where).containsPattern(CJK);
        case "datetime" ->
            assertThat(component.path("dateLabel").asText()).as(where).containsPattern(CJK);
        default -> assertThat(component.path("label").asText()).as(where).containsPattern(CJK);
      }
      if (component.has("description")) {
        assertThat(component.path("description").asText()).as(where).containsPattern(CJK);
      }
      for (JsonNode value : component.path("values")) {
        assertThat(value.path("label").asText()).as(where).containsPattern(CJK);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("formNames")
  void shownVariablesAreReadOnlyAndNeverEditable(String name) {
    forms.keyed(name)
        .filter(c -> DISPLAY_ONLY_KEYS.contains(c.path("key").asText()))
        .forEach(
            c ->
                assertThat(
                        c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false))
                    .as(name + "/" + c.path("key").asText())
                    .isTrue());
  }

  /**
   * Full ID numbers appear on the review form only, in a disabled field: form-js leaves disabled
   * fields out of the submitted data, so Tasklist neither posts the roster back to the engine nor
   * keeps it in the browser's saved form data.
   */
  @Test
  void staffRosterIsShownOnlyOnTheReviewFormAndNeverSubmitted() {
    forms.names().stream()
        .filter(name -> !name.equals("FilingReviewForm"))
        .forEach(name -> assertThat(forms.keys(name)).as(name).doesNotContain("confidentialStaffRoster"));
    JsonNode roster = forms.component("FilingReviewForm", "confidentialStaffRoster");
    assertThat(roster.path("disabled").asBoolean(false)).isTrue();
    assertThat(roster.path("type").asText()).isEqualTo("textarea");
  }

  @Test
  void natureOptionsAreTheEnum() {
    assertThat(forms.options("RegistrationStartForm", "nature"))
        .containsExactlyEntriesOf(
            Arrays.stream(InstitutionNature.values())
                .collect(toOrderedMap(Enum::name, InstitutionNature::label)));
  }

  @Test
  void reviewDecisionOptionsAreTheEnum() {
    JsonNode decision = forms.component("FilingReviewForm", "reviewDecision");
    assertThat(decision.path("type").asText()).isEqualTo("radio");
    assertThat(forms.options("FilingReviewForm", "reviewDecision"))
        .containsExactlyEntriesOf(
            Arrays.stream(ReviewDecision.values())
                .collect(toOrderedMap(Enum::name, ReviewDecision::label)));
  }

  @Test
  void countyOptionsAreTheCountiesOfTheMigration() throws IOException {
    Map<String, String> counties = countiesFromMigration();
    assertThat(counties).hasSize(14).containsEntry("610600", "延安市本级");
    assertThat(forms.options("RegistrationStartForm", "county")).containsExactlyEntriesOf(counties);
  }

  @Test
  void departmentOptionsAreTheDepartmentGroups() {
    Map<String, String> departments =
        Arrays.stream(Department.values())
            .collect(toOrderedMap(Department::groupId, Department::displayName));
    assertThat(forms.options("RegistrationStartForm", "supervisoryDepartment"))
        .containsExactlyEntriesOf(departments);
    assertThat(forms.options("AcknowledgeRegistrationForm", "acknowledgingDepartment"))
        .containsExactlyEntriesOf(departments);
  }

  @Test
  void startFormFieldTypes() {
    Map<String, String> types = new LinkedHashMap<>();
    forms.keyed("RegistrationStartForm")
        .forEach(c -> types.put(c.path("key").asText(), c.path("type").asText()));
    assertThat(types)
        .containsEntry("creditCode", "textfield")
        .containsEntry("nature", "select")
        .containsEntry("inclusive", "checkbox")
        .containsEntry("county", "select")
        .containsEntry("supervisoryDepartment", "select")
        .containsEntry("approvedAt", "datetime");
    for (String count : List.of("capacityInfant", "capacityToddlerSmall", "capacityToddlerLarge")) {
      JsonNode field = forms.component("RegistrationStartForm", count);
      assertThat(field.path("type").asText()).isEqualTo("number");
      assertThat(field.path("decimalDigits").asInt(-1)).as(count).isZero();
      assertThat(field.path("validate").path("min").asInt(-1)).as(count).isZero();
    }
    JsonNode fee = forms.component("RegistrationStartForm", "monthlyFee");
    assertThat(fee.path("type").asText()).isEqualTo("number");
    assertThat(fee.path("validate").path("min").asInt(-1)).isZero();
    assertThat(forms.component("RegistrationStartForm", "supervisoryDepartment").path("description")
            .asText())
        .isEqualTo("营利性机构可不填");
  }

  @Test
  void creditCodePatternAcceptsValidCodes() {
    Pattern pattern = creditCodePattern();
    Random random = new Random(20151001);
    String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    for (int n = 0; n < 500; n++) {
      StringBuilder first17 = new StringBuilder();
      for (int i = 0; i < 17; i++) {
        String pool = i >= 2 && i < 8 ? "0123456789" : alphabet;
        first17.append(pool.charAt(random.nextInt(pool.length())));
      }
      String code = first17.toString() + CreditCode.checkCharacter(first17.toString());
      assertThat(CreditCode.isValid(code)).as(code).isTrue();
      assertThat(jsTest(pattern, code)).as(code).isTrue();
    }
    assertThat(jsTest(pattern, "52610602MJ0000001K")).isTrue();
    assertThat(jsTest(pattern, "91350100M000100Y43")).isTrue();
  }

  @Test
  void creditCodePatternRejectsIOZSVAndWrongShapes() {
    Pattern pattern = creditCodePattern();
    String valid = "52610602MJ0000001" + CreditCode.checkCharacter("52610602MJ0000001");
    for (char letter : "IOZSV".toCharArray()) {
      for (int position = 0; position < 18; position++) {
        String altered = valid.substring(0, position) + letter + valid.substring(position + 1);
        assertThat(jsTest(pattern, altered)).as(altered).isFalse();
        assertThat(CreditCode.isValid(altered)).as(altered).isFalse();
      }
    }
    assertThat(jsTest(pattern, valid.substring(0, 17))).isFalse();
    assertThat(jsTest(pattern, valid + "0")).isFalse();
    assertThat(jsTest(pattern, "52AB0602MJ0000001K")).as("letters in the division code").isFalse();
    assertThat(jsTest(pattern, "")).isFalse();
  }

  @Test
  void creditCodeFieldExplainsThePatternInChinese() {
    JsonNode field = forms.component("RegistrationStartForm", "creditCode");
    assertThat(field.path("description").asText()).contains("18", "I、O、Z、S、V", "大写");
  }

  /**
   * form-js 1.8 evaluates no FEEL in {@code required}, so the comment cannot become required with
   * the decision; a hint shows while a return or rejection has no comment, and the server refuses
   * to complete the task without one.
   */
  @Test
  void reviewCommentHintFollowsTheDecision() {
    JsonNode comment = forms.component("FilingReviewForm", "reviewComment");
    assertThat(comment.path("type").asText()).isEqualTo("textarea");
    assertThat(comment.path("description").asText()).isEqualTo("退回补正或不予备案时必须填写理由");
    JsonNode hint =
        forms.components("FilingReviewForm").stream()
            .filter(c -> c.has("conditional"))
            .findFirst()
            .orElseThrow();
    assertThat(hint.path("type").asText()).isEqualTo("text");
    assertThat(hint.path("conditional").path("hide").asText())
        .contains(
            "reviewDecision = \"" + ReviewDecision.RETURN.name() + "\"",
            "reviewDecision = \"" + ReviewDecision.REJECT.name() + "\"",
            "reviewComment");
  }

  // --- helpers

  static Map<String, String> countiesFromMigration() throws IOException {
    try (InputStream in =
        RegistrationFormsTest.class.getClassLoader()
            .getResourceAsStream("db/migration/V1__county.sql")) {
      assertThat(in).isNotNull();
      String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      // ('610602', '宝塔区', false, 1): code, name, city_level, sort_order
      Matcher row =
          Pattern.compile(
                  "\\(\\s*'(\\d{6})'\\s*,\\s*'([^']+)'\\s*,"
                      + "\\s*(?:true|false)\\s*,\\s*(\\d+)\\s*\\)")
              .matcher(sql);
      record County(String code, String name, int sortOrder) {}
      List<County> counties = new ArrayList<>();
      while (row.find()) {
        counties.add(new County(row.group(1), row.group(2), Integer.parseInt(row.group(3))));
      }
      return counties.stream()
          .sorted((a, b) -> Integer.compare(a.sortOrder(), b.sortOrder()))
          .collect(toOrderedMap(County::code, County::name));
    }
  }

  static Pattern creditCodePattern() {
    String pattern =
        forms.component("RegistrationStartForm", "creditCode").path("validate").path("pattern").asText();
    assertThat(pattern).isEqualTo("^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$");
    return Pattern.compile(pattern);
  }

  /** What form-js does with a pattern: {@code new RegExp(pattern).test(value)}. */
  static boolean jsTest(Pattern pattern, String value) {
    return pattern.matcher(value).find();
  }

}
