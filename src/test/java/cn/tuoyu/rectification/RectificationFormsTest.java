package cn.tuoyu.rectification;

import static cn.tuoyu.support.FormFiles.bundledSchemaVersion;
import static cn.tuoyu.support.FormFiles.fieldNames;
import static cn.tuoyu.support.FormFiles.stringConstants;
import static cn.tuoyu.support.FormFiles.toOrderedMap;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tuoyu.rectification.RectificationProcess.PenaltyKind;
import cn.tuoyu.rectification.RectificationProcess.ReviewResult;
import cn.tuoyu.support.FormFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Camunda Forms of 限期整改 in {@code forms/rectification/}, checked against the process model,
 * the variable names of {@link RectificationProcess} and the form-js that Tasklist 7.24 bundles
 * (1.8.x, schemaVersion 16: FEEL in {@code conditional.hide} and validation limits, not in
 * {@code required}; see RegistrationFormsTest for the findings behind these checks).
 */
class RectificationFormsTest {

  static final Path FORMS = Path.of("forms", "rectification");
  static final Path MODEL = Path.of("processes", "rectification", "RectificationProcess.bpmn");

  /** The keys each form binds, in the order they appear. */
  static final Map<String, List<String>> FORM_KEYS = new LinkedHashMap<>();

  static {
    FORM_KEYS.put("ReviewRectificationForm", List.of("orderSummary", "reportSummary", "reviewResult", "reviewComment"));
    FORM_KEYS.put("DecidePenaltyForm",
        List.of("penaltySummary", "penaltyKind", "penaltyAmount", "penaltyDecisionNo", "legalBasis", "penaltyText"));
  }

  static final Map<String, Set<String>> REQUIRED_KEYS = Map.of(
      "ReviewRectificationForm", Set.of("reviewResult"),
      "DecidePenaltyForm", Set.of("penaltyKind", "penaltyDecisionNo", "legalBasis", "penaltyText"));

  static final Set<String> DISPLAY_ONLY_KEYS = Set.of(RectificationProcess.Variables.ORDER_SUMMARY,
      RectificationProcess.Variables.REPORT_SUMMARY, RectificationProcess.Variables.PENALTY_SUMMARY);

  static final Set<String> COMPONENT_TYPES =
      Set.of("text", "textfield", "textarea", "number", "select", "radio", "checkbox", "datetime", "separator");
  static final Set<String> FORM_PROPERTIES =
      Set.of("type", "id", "executionPlatform", "executionPlatformVersion", "schemaVersion", "components");
  static final Set<String> COMPONENT_PROPERTIES = Set.of("type", "id", "key", "label", "description", "text", "values",
      "validate", "layout", "readonly", "disabled", "defaultValue", "decimalDigits", "subtype", "dateLabel",
      "conditional");
  static final Set<String> VALIDATE_PROPERTIES = Set.of("required", "pattern", "min", "max", "minLength", "maxLength");
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
  void theFolderHoldsExactlyTheForms() {
    assertThat(forms.names()).containsExactlyInAnyOrderElementsOf(FORM_KEYS.keySet());
  }

  /** Every formRef of the model names a form of the folder, bound to the deployment, and every form is used. */
  @Test
  void theModelReferencesEachFormByDeployment() throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    NodeList tasks = factory.newDocumentBuilder().parse(MODEL.toFile())
        .getElementsByTagNameNS("http://www.omg.org/spec/BPMN/20100524/MODEL", "userTask");
    String camunda = "http://camunda.org/schema/1.0/bpmn";
    Map<String, String> refs = new HashMap<>();
    for (int i = 0; i < tasks.getLength(); i++) {
      Element task = (Element) tasks.item(i);
      assertThat(task.getAttributeNS(camunda, "formRefBinding")).as(task.getAttribute("id")).isEqualTo("deployment");
      refs.put(task.getAttribute("id"), task.getAttributeNS(camunda, "formRef"));
    }
    assertThat(refs).containsExactlyInAnyOrderEntriesOf(Map.of(
        RectificationProcess.Elements.REVIEW, "ReviewRectificationForm",
        RectificationProcess.Elements.DECIDE_PENALTY, "DecidePenaltyForm"));
  }

  @ParameterizedTest
  @MethodSource("formNames")
  void isADefaultFormNamedAfterItsFileForTheBundledFormJs(String name) throws IOException {
    JsonNode form = forms.form(name);
    assertThat(form.path("type").asText()).isEqualTo("default");
    assertThat(form.path("id").asText()).isEqualTo(name);
    assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
    assertThat(fieldNames(form)).isSubsetOf(FORM_PROPERTIES);
    assertThat(form.path("schemaVersion").asInt()).isBetween(1, bundledSchemaVersion());
  }

  @ParameterizedTest
  @MethodSource("formNames")
  void componentsUseOnlyWhatFormJs18Knows(String name) {
    Set<String> ids = new TreeSet<>();
    Map<String, Integer> widths = new HashMap<>();
    for (JsonNode component : forms.components(name)) {
      String where = name + "/" + component.path("id").asText();
      assertThat(ids.add(component.path("id").asText())).as("unique id " + where).isTrue();
      assertThat(component.path("type").asText()).as(where).isIn(COMPONENT_TYPES);
      assertThat(fieldNames(component)).as(where).isSubsetOf(COMPONENT_PROPERTIES);
      assertThat(fieldNames(component.path("validate"))).as(where).isSubsetOf(VALIDATE_PROPERTIES);
      if (component.has("conditional")) {
        assertThat(component.path("conditional").path("hide").asText()).as(where).startsWith("=");
      }
      JsonNode layout = component.path("layout");
      if (layout.has("columns")) {
        widths.merge(layout.path("row").asText(), layout.path("columns").asInt(), Integer::sum);
      }
    }
    widths.forEach((row, width) -> assertThat(width).as(name + "/" + row).isLessThanOrEqualTo(16));
  }

  @ParameterizedTest
  @MethodSource("formNames")
  void keysAreTheProcessVariables(String name) throws IllegalAccessException {
    assertThat(forms.keys(name)).as(name).isSubsetOf(stringConstants(RectificationProcess.Variables.class))
        .containsExactlyElementsOf(FORM_KEYS.get(name));
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
        default -> assertThat(component.path("label").asText()).as(where).containsPattern(CJK);
      }
      if (component.has("description")) {
        assertThat(component.path("description").asText()).as(where).containsPattern(CJK);
      }
      component.path("values").forEach(v -> assertThat(v.path("label").asText()).as(where).containsPattern(CJK));
    }
  }

  @ParameterizedTest
  @MethodSource("formNames")
  void shownTextsAreReadOnly(String name) {
    forms.keyed(name).filter(c -> DISPLAY_ONLY_KEYS.contains(c.path("key").asText()))
        .forEach(c -> assertThat(c.path("readonly").asBoolean(false)).as(name + "/" + c.path("key").asText()).isTrue());
  }

  @Test
  void reviewResultOptionsAreTheEnum() {
    assertThat(forms.component("ReviewRectificationForm", "reviewResult").path("type").asText()).isEqualTo("radio");
    assertThat(forms.options("ReviewRectificationForm", "reviewResult")).containsExactlyEntriesOf(
        Arrays.stream(ReviewResult.values()).collect(toOrderedMap(Enum::name, ReviewResult::label)));
  }

  /** The comment cannot become required with the result in form-js 1.8: a hint shows, the server refuses. */
  @Test
  void reviewCommentHintShowsForAFailureWithoutComment() {
    JsonNode hint = forms.components("ReviewRectificationForm").stream().filter(c -> c.has("conditional")).findFirst()
        .orElseThrow();
    assertThat(hint.path("type").asText()).isEqualTo("text");
    assertThat(hint.path("conditional").path("hide").asText())
        .contains("reviewResult = \"" + ReviewResult.FAIL.name() + "\"", "reviewComment");
  }

  @Test
  void penaltyKindOptionsAreTheEnum() {
    assertThat(forms.options("DecidePenaltyForm", "penaltyKind")).containsExactlyEntriesOf(
        Arrays.stream(PenaltyKind.values()).collect(toOrderedMap(Enum::name, PenaltyKind::label)));
  }

  /** The amount shows exactly for the kinds that need one, and must then be positive. */
  @Test
  void amountShowsForTheKindsWithAnAmount() {
    JsonNode amount = forms.component("DecidePenaltyForm", "penaltyAmount");
    assertThat(amount.path("type").asText()).isEqualTo("number");
    assertThat(amount.path("validate").path("min").asDouble()).isPositive();
    String hide = amount.path("conditional").path("hide").asText();
    for (PenaltyKind kind : PenaltyKind.values()) {
      assertThat(hide.contains("\"" + kind.name() + "\"")).as(kind.name()).isEqualTo(kind.withAmount());
    }
  }

  /** Server and form agree on the text limits (the listener refuses what the form would let through). */
  @Test
  void textLimitsMatchTheTables() {
    assertThat(forms.component("DecidePenaltyForm", "penaltyDecisionNo").path("validate").path("maxLength").asInt())
        .isEqualTo(60);
    assertThat(forms.component("DecidePenaltyForm", "legalBasis").path("validate").path("maxLength").asInt())
        .isEqualTo(500);
    assertThat(forms.component("DecidePenaltyForm", "penaltyText").path("validate").path("maxLength").asInt())
        .isEqualTo(2000);
    assertThat(forms.component("ReviewRectificationForm", "reviewComment").path("validate").path("maxLength").asInt())
        .isEqualTo(1000);
  }
}
