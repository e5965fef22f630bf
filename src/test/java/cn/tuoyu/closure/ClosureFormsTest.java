package cn.tuoyu.closure;

import static cn.tuoyu.support.FormFiles.fieldNames;
import static cn.tuoyu.support.FormFiles.stringConstants;
import static cn.tuoyu.support.FormFiles.toOrderedMap;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tuoyu.closure.ClosureProcess.ApprovalDecision;
import cn.tuoyu.closure.ClosureProcess.BanKind;
import cn.tuoyu.identity.Department;
import cn.tuoyu.support.FormFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The Camunda Forms of 关闭注销并公告 in {@code forms/closure/}, checked against the model and the
 * names the process shares. Tasklist 7.24 renders them with form-js 1.8 (schemaVersion 16); see
 * RegistrationFormsTest for what that version evaluates.
 */
class ClosureFormsTest {

  static final Path FORMS = Path.of("forms", "closure");
  static final Path MODEL = Path.of("processes", "closure", "ClosureProcess.bpmn");

  /** The keys each form binds, in the order they appear. */
  static final Map<String, List<String>> FORM_KEYS = new LinkedHashMap<>();

  static {
    FORM_KEYS.put("DraftClosureDecisionForm", List.of("institutionSummary", "failedYearsSummary", "approvalComment",
        "decisionDraft", "blacklistPersons", "banKind"));
    FORM_KEYS.put("ApproveClosureDecisionForm", List.of("institutionSummary", "failedYearsSummary", "decisionDraft",
        "blacklistPersons", "banKind", "approvalDecision", "approvalComment"));
    FORM_KEYS.put("DeregisterInstitutionForm", List.of("institutionSummary", "decisionNo", "deregisteredOn",
        "deregistrationDocumentNo"));
    FORM_KEYS.put("EscalateDeregistrationForm", List.of("institutionSummary", "decisionNo", "escalationNote"));
    FORM_KEYS.put("PlacementPlanForm", List.of("placementDepartment", "institutionSummary", "childrenCount",
        "placementDestination", "placementNote"));
    FORM_KEYS.put("PublishClosureAnnouncementForm", List.of("institutionSummary", "decisionNo", "announcementDate",
        "announcementText"));
  }

  static final Map<String, Set<String>> REQUIRED_KEYS = Map.of(
      "DraftClosureDecisionForm", Set.of("decisionDraft"),
      "ApproveClosureDecisionForm", Set.of("approvalDecision"),
      "DeregisterInstitutionForm", Set.of("deregisteredOn", "deregistrationDocumentNo"),
      "EscalateDeregistrationForm", Set.of("escalationNote"),
      "PlacementPlanForm", Set.of("childrenCount", "placementDestination"),
      "PublishClosureAnnouncementForm", Set.of("announcementDate", "announcementText"));

  /** Shown, never entered: read-only or disabled wherever they appear, except where a form fills them. */
  static final Map<String, Set<String>> EDITABLE_KEYS = Map.of(
      "DraftClosureDecisionForm", Set.of("decisionDraft", "blacklistPersons", "banKind"),
      "ApproveClosureDecisionForm", Set.of("blacklistPersons", "banKind", "approvalDecision", "approvalComment"),
      "DeregisterInstitutionForm", Set.of("deregisteredOn", "deregistrationDocumentNo"),
      "EscalateDeregistrationForm", Set.of("escalationNote"),
      "PlacementPlanForm", Set.of("childrenCount", "placementDestination", "placementNote"),
      "PublishClosureAnnouncementForm", Set.of("announcementDate", "announcementText"));

  static final Set<String> COMPONENT_TYPES = Set.of("text", "textfield", "textarea", "number", "select", "radio",
      "checklist", "datetime", "separator");
  static final Set<String> COMPONENT_PROPERTIES = Set.of("type", "id", "key", "label", "description", "text",
      "values", "valuesKey", "validate", "layout", "readonly", "disabled", "decimalDigits", "subtype", "dateLabel",
      "conditional");
  static final Set<String> VALIDATE_PROPERTIES = Set.of("required", "min", "max", "minLength", "maxLength");
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
  void theFolderHoldsExactlyTheFormsTheModelReferences() throws IOException {
    assertThat(forms.names()).containsExactlyInAnyOrderElementsOf(FORM_KEYS.keySet());
    String model = Files.readString(MODEL);
    Matcher ref = Pattern.compile("camunda:formRef=\"([^\"]+)\" camunda:formRefBinding=\"deployment\"").matcher(model);
    Set<String> referenced = new TreeSet<>();
    while (ref.find()) {
      referenced.add(ref.group(1));
    }
    assertThat(referenced).containsExactlyInAnyOrderElementsOf(FORM_KEYS.keySet());
  }

  @ParameterizedTest
  @MethodSource("formNames")
  void isASchemaVersion16FormNamedAfterItsFile(String name) {
    JsonNode form = forms.form(name);
    assertThat(form.path("type").asText()).isEqualTo("default");
    assertThat(form.path("id").asText()).isEqualTo(name);
    assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
    assertThat(form.path("executionPlatformVersion").asText()).isEqualTo("7.24.0");
    assertThat(form.path("schemaVersion").asInt()).isEqualTo(16);
  }

  @ParameterizedTest
  @MethodSource("formNames")
  void componentsUseOnlyWhatFormJs18Knows(String name) {
    Set<String> ids = new TreeSet<>();
    Map<String, Integer> rows = new HashMap<>();
    for (JsonNode c : forms.components(name)) {
      String where = name + "/" + c.path("id").asText();
      assertThat(ids.add(c.path("id").asText())).as("unique id " + where).isTrue();
      assertThat(c.path("type").asText()).as(where).isIn(COMPONENT_TYPES);
      assertThat(fieldNames(c)).as(where).isSubsetOf(COMPONENT_PROPERTIES);
      assertThat(fieldNames(c.path("validate"))).as(where).isSubsetOf(VALIDATE_PROPERTIES);
      if (c.has("conditional")) {
        assertThat(c.path("conditional").path("hide").asText()).as(where).startsWith("=");
      }
      if (c.path("type").asText().equals("datetime")) {
        assertThat(c.path("subtype").asText()).as(where).isEqualTo("date");
      }
      if (c.path("layout").has("columns")) {
        rows.merge(c.path("layout").path("row").asText(), c.path("layout").path("columns").asInt(), Integer::sum);
      }
    }
    rows.forEach((row, width) -> assertThat(width).as(name + "/" + row).isLessThanOrEqualTo(16));
  }

  @ParameterizedTest
  @MethodSource("formNames")
  void keysAreTheProcessVariables(String name) throws IllegalAccessException {
    assertThat(forms.keys(name)).as(name).containsExactlyElementsOf(FORM_KEYS.get(name))
        .isSubsetOf(stringConstants(ClosureProcess.Variables.class));
  }

  @ParameterizedTest
  @MethodSource("formNames")
  void requiredFieldsAreTheOnesTheClerkMustFill(String name) {
    assertThat(forms.requiredKeys(name)).isEqualTo(REQUIRED_KEYS.get(name));
  }

  @ParameterizedTest
  @MethodSource("formNames")
  void whatTheTaskDoesNotDecideIsReadOnly(String name) {
    forms.keyed(name).filter(c -> !EDITABLE_KEYS.get(name).contains(c.path("key").asText())).forEach(c ->
        assertThat(c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false))
            .as(name + "/" + c.path("key").asText()).isTrue());
    forms.keyed(name).filter(c -> EDITABLE_KEYS.get(name).contains(c.path("key").asText())).forEach(c ->
        assertThat(c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false))
            .as(name + "/" + c.path("key").asText()).isFalse());
  }

  @ParameterizedTest
  @MethodSource("formNames")
  void everyVisibleTextIsChinese(String name) {
    for (JsonNode c : forms.components(name)) {
      String where = name + "/" + c.path("id").asText();
      switch (c.path("type").asText()) {
        case "separator" -> { }
        case "text" -> assertThat(c.path("text").asText()).as(where).containsPattern(CJK);
        case "datetime" -> assertThat(c.path("dateLabel").asText()).as(where).containsPattern(CJK);
        default -> assertThat(c.path("label").asText()).as(where).containsPattern(CJK);
      }
      if (c.has("description")) {
        assertThat(c.path("description").asText()).as(where).containsPattern(CJK);
      }
      c.path("values").forEach(v -> assertThat(v.path("label").asText()).as(where).containsPattern(CJK));
    }
  }

  /** The persons come from the case's candidate list (masked ID numbers), never from typed-in text. */
  @Test
  void blacklistPersonsAreAChecklistOverTheCandidates() {
    for (String name : List.of("DraftClosureDecisionForm", "ApproveClosureDecisionForm")) {
      JsonNode persons = forms.component(name, ClosureProcess.Variables.BLACKLIST_PERSONS);
      assertThat(persons.path("type").asText()).isEqualTo("checklist");
      assertThat(persons.path("valuesKey").asText()).isEqualTo(ClosureProcess.Variables.BLACKLIST_CANDIDATES);
      assertThat(forms.options(name, ClosureProcess.Variables.BAN_KIND)).containsExactlyEntriesOf(
          Arrays.stream(BanKind.values()).collect(toOrderedMap(BanKind::name, BanKind::label)));
    }
    forms.all().forEach(form -> assertThat(form.toString()).doesNotContain("idNumber"));
  }

  @Test
  void approvalOptionsAreTheEnumAndTheReturnHintFollowsTheDecision() {
    assertThat(forms.options("ApproveClosureDecisionForm", ClosureProcess.Variables.APPROVAL_DECISION))
        .containsExactlyEntriesOf(Arrays.stream(ApprovalDecision.values())
            .collect(toOrderedMap(ApprovalDecision::name, ApprovalDecision::label)));
    JsonNode hint = forms.components("ApproveClosureDecisionForm").stream().filter(c -> c.path("type").asText()
        .equals("text") && c.has("conditional")).findFirst().orElseThrow();
    assertThat(hint.path("conditional").path("hide").asText()).contains("approvalDecision = \"RETURN\"",
        "approvalComment");
    // The drafter sees the supervisor's comment only after a return.
    assertThat(forms.component("DraftClosureDecisionForm", "approvalComment").path("conditional").path("hide").asText())
        .isEqualTo("=approvalComment = null");
  }

  @Test
  void placementDepartmentsAreDepartmentGroupsWithTheirNames() {
    Map<String, String> options = forms.options("PlacementPlanForm", ClosureProcess.Variables.PLACEMENT_DEPARTMENT);
    assertThat(options.keySet()).containsExactlyElementsOf(ClosureProcess.PLACEMENT_DEPARTMENTS);
    options.forEach((group, label) ->
        assertThat(Department.byGroupId(group)).hasValueSatisfying(d -> assertThat(d.displayName()).isEqualTo(label)));
    JsonNode count = forms.component("PlacementPlanForm", ClosureProcess.Variables.CHILDREN_COUNT);
    assertThat(count.path("type").asText()).isEqualTo("number");
    assertThat(count.path("decimalDigits").asInt(-1)).isZero();
    assertThat(count.path("validate").path("min").asInt(-1)).isZero();
  }
}
