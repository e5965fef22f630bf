package cn.tuoyu.inspection;

import static cn.tuoyu.support.FormFiles.bundledSchemaVersion;
import static cn.tuoyu.support.FormFiles.fieldNames;
import static cn.tuoyu.support.FormFiles.stringConstants;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tuoyu.inspection.AnnualInspectionProcess.Elements;
import cn.tuoyu.inspection.AnnualInspectionProcess.Variables;
import cn.tuoyu.support.FormFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Camunda Forms of 年度检查 in {@code forms/inspection/}, checked against the model that uses
 * them, the variable names of {@link AnnualInspectionProcess.Variables}, what the listeners of
 * {@link InspectionService} read and the form-js 1.8 (schemaVersion 16) that Tasklist 7.24 bundles.
 * form-js evaluates no FEEL in {@code required}; the listeners check again on completion.
 */
class InspectionFormsTest {

  static final Path FORMS = Path.of("forms", "inspection");
  static final Path MODEL = Path.of("processes", "inspection", "AnnualInspectionProcess.bpmn");

  /** The keys each form binds, in the order they appear. */
  static final Map<String, List<String>> FORM_KEYS = new LinkedHashMap<>();

  static {
    FORM_KEYS.put("DeskReviewForm", List.of("institutionSummary", "selfReportSummary", "deskReviewNote", "onSiteFocus"));
    FORM_KEYS.put("OnSiteInspectionForm", List.of("institutionSummary", "onSiteFocus", "safetyScore",
        "healthCareScore", "staffingScore", "facilitiesScore", "feeDisclosureScore", "criticalFindings", "findings"));
    FORM_KEYS.put("CoSignInspectionForm", List.of("institutionSummary", "inspector1", "safetyScore",
        "healthCareScore", "staffingScore", "facilitiesScore", "feeDisclosureScore", "criticalFindings", "findings",
        "coSignConfirmed", "coSignNote"));
    FORM_KEYS.put("InspectionCampaignStartForm", List.of("inspectionYear", "county"));
  }

  /** The campaign's start form (InspectionCampaignProcess), the folder's one form not of a user task. */
  static final Path CAMPAIGN_MODEL = Path.of("processes", "inspection", "InspectionCampaignProcess.bpmn");

  /** Which form each user task shows. */
  static final Map<String, String> TASK_FORMS = Map.of(
      Elements.DESK_REVIEW, "DeskReviewForm",
      Elements.ON_SITE_INSPECTION, "OnSiteInspectionForm",
      Elements.CO_SIGN_INSPECTION, "CoSignInspectionForm");

  /** What the listeners of InspectionService read when each task completes. */
  static final Map<String, Set<String>> READ_ON_COMPLETE = Map.of(
      "DeskReviewForm", Set.of(Variables.DESK_REVIEW_NOTE),
      "OnSiteInspectionForm", Set.of(Variables.SAFETY_SCORE, Variables.HEALTH_CARE_SCORE, Variables.STAFFING_SCORE,
          Variables.FACILITIES_SCORE, Variables.FEE_DISCLOSURE_SCORE, Variables.CRITICAL_FINDINGS, Variables.FINDINGS),
      "CoSignInspectionForm", Set.of(Variables.CO_SIGN_CONFIRMED, Variables.SAFETY_SCORE,
          Variables.HEALTH_CARE_SCORE, Variables.STAFFING_SCORE, Variables.FACILITIES_SCORE,
          Variables.FEE_DISCLOSURE_SCORE, Variables.CRITICAL_FINDINGS),
      "InspectionCampaignStartForm", Set.of(InspectionCampaignProcess.Variables.YEAR,
          InspectionCampaignProcess.Variables.COUNTY));

  /** Keys the user must fill in. */
  static final Map<String, Set<String>> REQUIRED_KEYS = Map.of(
      "DeskReviewForm", Set.of("deskReviewNote"),
      "OnSiteInspectionForm", Set.of("safetyScore", "healthCareScore", "staffingScore", "facilitiesScore",
          "feeDisclosureScore", "criticalFindings"),
      "CoSignInspectionForm", Set.of("coSignConfirmed"),
      "InspectionCampaignStartForm", Set.of("inspectionYear", "county"));

  /** Keys shown for reading only, per form. */
  static final Map<String, Set<String>> READ_ONLY_KEYS = Map.of(
      "DeskReviewForm", Set.of("institutionSummary", "selfReportSummary"),
      "OnSiteInspectionForm", Set.of("institutionSummary", "onSiteFocus"),
      "CoSignInspectionForm", Set.of("institutionSummary", "inspector1", "safetyScore", "healthCareScore",
          "staffingScore", "facilitiesScore", "feeDisclosureScore", "criticalFindings", "findings"),
      "InspectionCampaignStartForm", Set.of());

  static final Set<String> COMPONENT_TYPES =
      Set.of("text", "textfield", "textarea", "number", "select", "radio", "checkbox", "datetime", "separator");
  static final Set<String> FORM_PROPERTIES =
      Set.of("type", "id", "executionPlatform", "executionPlatformVersion", "schemaVersion", "components");
  static final Set<String> COMPONENT_PROPERTIES =
      Set.of("type", "id", "key", "label", "description", "text", "values", "validate", "layout", "readonly",
          "disabled", "defaultValue", "decimalDigits", "subtype", "dateLabel", "conditional");
  static final Set<String> VALIDATE_PROPERTIES = Set.of("required", "pattern", "min", "max", "minLength", "maxLength");
  static final Set<String> LAYOUT_PROPERTIES = Set.of("row", "columns");

  static final Pattern CJK = Pattern.compile("\\p{IsHan}");

  static FormFiles forms;
  static BpmnModelInstance model;

  @BeforeAll
  static void read() throws IOException {
    forms = FormFiles.read(FORMS);
    model = Bpmn.readModelFromFile(MODEL.toFile());
  }

  static Stream<String> formNames() {
    return FORM_KEYS.keySet().stream();
  }

  @Test
  void theFolderHoldsExactlyTheFormsTheModelUses() {
    assertThat(forms.names()).containsExactlyInAnyOrderElementsOf(FORM_KEYS.keySet());
    Map<String, String> used = new HashMap<>();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      assertThat(task.getCamundaFormRefBinding()).as(task.getId()).isEqualTo("deployment");
      used.put(task.getId(), task.getCamundaFormRef());
    }
    assertThat(used).containsExactlyInAnyOrderEntriesOf(TASK_FORMS);
    StartEvent campaignStart = Bpmn.readModelFromFile(CAMPAIGN_MODEL.toFile())
        .getModelElementById(InspectionCampaignProcess.Elements.START);
    assertThat(campaignStart.getCamundaFormRef()).isEqualTo("InspectionCampaignStartForm");
    assertThat(campaignStart.getCamundaFormRefBinding()).isEqualTo("deployment");
  }

  @ParameterizedTest
  @MethodSource("formNames")
  void isADefaultFormNamedAfterItsFileInTheBundledSchemaVersion(String name) throws IOException {
    JsonNode form = forms.form(name);
    assertThat(form.path("type").asText()).isEqualTo("default");
    assertThat(form.path("id").asText()).isEqualTo(name);
    assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
    assertThat(fieldNames(form)).isSubsetOf(FORM_PROPERTIES);
    assertThat(form.path("schemaVersion").asInt()).isEqualTo(16).isEqualTo(bundledSchemaVersion());
  }

  @ParameterizedTest
  @MethodSource("formNames")
  void componentsUseOnlyWhatFormJs18Knows(String name) {
    Set<String> ids = new TreeSet<>();
    Map<String, Integer> widths = new HashMap<>();
    for (JsonNode c : forms.components(name)) {
      String where = name + "/" + c.path("id").asText();
      assertThat(ids.add(c.path("id").asText())).as("unique id " + where).isTrue();
      assertThat(c.path("type").asText()).as(where).isIn(COMPONENT_TYPES);
      assertThat(fieldNames(c)).as(where).isSubsetOf(COMPONENT_PROPERTIES);
      assertThat(fieldNames(c.path("validate"))).as(where).isSubsetOf(VALIDATE_PROPERTIES);
      assertThat(fieldNames(c.path("layout"))).as(where).isSubsetOf(LAYOUT_PROPERTIES);
      if (c.has("conditional")) {
        assertThat(c.path("conditional").path("hide").asText()).as(where).startsWith("=");
      }
      if (c.path("layout").has("columns")) {
        widths.merge(c.path("layout").path("row").asText(), c.path("layout").path("columns").asInt(), Integer::sum);
      }
    }
    widths.forEach((row, width) -> assertThat(width).as(name + "/" + row).isLessThanOrEqualTo(16));
  }

  @ParameterizedTest
  @MethodSource("formNames")
  void keysAreTheProcessVariables(String name) throws IllegalAccessException {
    List<String> keys = forms.keys(name);
    assertThat(keys).as(name).isSubsetOf(stringConstants(Variables.class)).doesNotHaveDuplicates()
        .containsExactlyElementsOf(FORM_KEYS.get(name));
  }

  @Test
  void everyFieldTheListenersReadIsOnTheTasksForm() {
    READ_ON_COMPLETE.forEach((form, read) -> assertThat(forms.keys(form)).as(form).containsAll(read));
  }

  @ParameterizedTest
  @MethodSource("formNames")
  void requiredFieldsAreTheOnesTheUserMustFill(String name) {
    assertThat(forms.requiredKeys(name)).isEqualTo(REQUIRED_KEYS.get(name));
  }

  @ParameterizedTest
  @MethodSource("formNames")
  void shownFieldsAreReadOnlyAndTheRestEditable(String name) {
    Set<String> readOnly = forms.keyed(name)
        .filter(c -> c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false))
        .map(c -> c.path("key").asText()).collect(Collectors.toSet());
    assertThat(readOnly).isEqualTo(READ_ONLY_KEYS.get(name));
  }

  @ParameterizedTest
  @MethodSource("formNames")
  void everyVisibleTextIsChinese(String name) {
    for (JsonNode c : forms.components(name)) {
      String where = name + "/" + c.path("id").asText();
      switch (c.path("type").asText()) {
        case "separator" -> {}
        case "text" -> assertThat(c.path("text").asText()).as(where).containsPattern(CJK);
        default -> assertThat(c.path("label").asText()).as(where).containsPattern(CJK);
      }
      if (c.has("description")) {
        assertThat(c.path("description").asText()).as(where).containsPattern(CJK);
      }
    }
  }

  @Test
  void theChecklistScoresAreRequiredNumbersFrom0To100WithOneDecimal() {
    for (String score : InspectionService.SCORES.keySet()) {
      JsonNode field = forms.component("OnSiteInspectionForm", score);
      assertThat(field.path("type").asText()).as(score).isEqualTo("number");
      assertThat(field.path("label").asText()).as(score).isEqualTo(InspectionService.SCORES.get(score));
      assertThat(field.path("decimalDigits").asInt(-1)).as(score).isEqualTo(1);
      assertThat(field.path("validate").path("min").asInt(-1)).as(score).isZero();
      assertThat(field.path("validate").path("max").asInt(-1)).as(score).isEqualTo(100);
      JsonNode shown = forms.component("CoSignInspectionForm", score);
      assertThat(shown.path("label").asText()).as(score).isEqualTo(InspectionService.SCORES.get(score));
    }
    JsonNode findings = forms.component("OnSiteInspectionForm", "criticalFindings");
    assertThat(findings.path("type").asText()).isEqualTo("number");
    assertThat(findings.path("decimalDigits").asInt(-1)).isZero();
    assertThat(findings.path("validate").path("min").asInt(-1)).isZero();
    assertThat(forms.component("OnSiteInspectionForm", "findings").path("validate").path("maxLength").asInt())
        .isEqualTo(2000);
  }

  @Test
  void coSignIsACheckboxAndTheOverdueNoticeFollowsTheFlag() {
    assertThat(forms.component("CoSignInspectionForm", "coSignConfirmed").path("type").asText()).isEqualTo("checkbox");
    JsonNode notice = forms.components("DeskReviewForm").stream().filter(c -> c.has("conditional")).findFirst()
        .orElseThrow();
    assertThat(notice.path("text").asText()).contains("逾期未提交");
    assertThat(notice.path("conditional").path("hide").asText()).contains(Variables.SELF_REPORT_OVERDUE);
    assertThat(forms.component("DeskReviewForm", "deskReviewNote").path("validate").path("maxLength").asInt())
        .isEqualTo(1000);
  }
}
