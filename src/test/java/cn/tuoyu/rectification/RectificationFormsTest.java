package cn.tuoyu.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuoyu.rectification.RectificationProcess.PenaltyKind;
import cn.tuoyu.rectification.RectificationProcess.ReviewResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
  static final String BUNDLED_FORM_JS = "META-INF/resources/webjars/camunda/lib/deps.js";

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
  static final ObjectMapper JSON = new ObjectMapper();

  static Map<String, JsonNode> forms;

  @BeforeAll
  static void readForms() throws IOException {
    forms = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(FORMS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        String name = file.getFileName().toString();
        forms.put(name.substring(0, name.length() - ".form".length()), JSON.readTree(file.toFile()));
      }
    }
  }

  static Stream<String> formNames() {
    return FORM_KEYS.keySet().stream();
  }

  @Test
  void theFolderHoldsExactlyTheForms() {
    assertThat(forms.keySet()).containsExactlyInAnyOrderElementsOf(FORM_KEYS.keySet());
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
    JsonNode form = forms.get(name);
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
    for (JsonNode component : components(name)) {
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
    assertThat(keys(name)).as(name).isSubsetOf(variableNames()).containsExactlyElementsOf(FORM_KEYS.get(name));
  }

  @ParameterizedTest
  @MethodSource("formNames")
  void requiredFieldsAreTheOnesTheClerkMustFill(String name) {
    Set<String> required = keyed(name).filter(c -> c.path("validate").path("required").asBoolean(false))
        .map(c -> c.path("key").asText()).collect(Collectors.toSet());
    assertThat(required).isEqualTo(REQUIRED_KEYS.get(name));
  }

  @ParameterizedTest
  @MethodSource("formNames")
  void everyVisibleTextIsChinese(String name) {
    for (JsonNode component : components(name)) {
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
    keyed(name).filter(c -> DISPLAY_ONLY_KEYS.contains(c.path("key").asText()))
        .forEach(c -> assertThat(c.path("readonly").asBoolean(false)).as(name + "/" + c.path("key").asText()).isTrue());
  }

  @Test
  void reviewResultOptionsAreTheEnum() {
    assertThat(component("ReviewRectificationForm", "reviewResult").path("type").asText()).isEqualTo("radio");
    assertThat(options("ReviewRectificationForm", "reviewResult")).containsExactlyEntriesOf(
        Arrays.stream(ReviewResult.values()).collect(Collectors.<ReviewResult, String, String, Map<String, String>>toMap(r -> r.name(), ReviewResult::label, (a, b) -> a,
            LinkedHashMap::new)));
  }

  /** The comment cannot become required with the result in form-js 1.8: a hint shows, the server refuses. */
  @Test
  void reviewCommentHintShowsForAFailureWithoutComment() {
    JsonNode hint = components("ReviewRectificationForm").stream().filter(c -> c.has("conditional")).findFirst()
        .orElseThrow();
    assertThat(hint.path("type").asText()).isEqualTo("text");
    assertThat(hint.path("conditional").path("hide").asText())
        .contains("reviewResult = \"" + ReviewResult.FAIL.name() + "\"", "reviewComment");
  }

  @Test
  void penaltyKindOptionsAreTheEnum() {
    assertThat(options("DecidePenaltyForm", "penaltyKind")).containsExactlyEntriesOf(
        Arrays.stream(PenaltyKind.values()).collect(Collectors.<PenaltyKind, String, String, Map<String, String>>toMap(k -> k.name(), PenaltyKind::label, (a, b) -> a,
            LinkedHashMap::new)));
  }

  /** The amount shows exactly for the kinds that need one, and must then be positive. */
  @Test
  void amountShowsForTheKindsWithAnAmount() {
    JsonNode amount = component("DecidePenaltyForm", "penaltyAmount");
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
    assertThat(component("DecidePenaltyForm", "penaltyDecisionNo").path("validate").path("maxLength").asInt())
        .isEqualTo(60);
    assertThat(component("DecidePenaltyForm", "legalBasis").path("validate").path("maxLength").asInt())
        .isEqualTo(500);
    assertThat(component("DecidePenaltyForm", "penaltyText").path("validate").path("maxLength").asInt())
        .isEqualTo(2000);
    assertThat(component("ReviewRectificationForm", "reviewComment").path("validate").path("maxLength").asInt())
        .isEqualTo(1000);
  }

  // --- helpers

  static int bundledSchemaVersion() throws IOException {
    try (InputStream in = RectificationFormsTest.class.getClassLoader().getResourceAsStream(BUNDLED_FORM_JS)) {
      assertThat(in).as(BUNDLED_FORM_JS + " on the classpath").isNotNull();
      Matcher matcher = Pattern.compile("\\.schemaVersion=(\\d+)")
          .matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      assertThat(matcher.find()).isTrue();
      return Integer.parseInt(matcher.group(1));
    }
  }

  static Set<String> variableNames() throws IllegalAccessException {
    Set<String> names = new TreeSet<>();
    for (Field field : RectificationProcess.Variables.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        names.add((String) field.get(null));
      }
    }
    return names;
  }

  static List<JsonNode> components(String name) {
    List<JsonNode> all = new ArrayList<>();
    forms.get(name).path("components").forEach(all::add);
    assertThat(all).as(name + " components").isNotEmpty();
    return all;
  }

  static Stream<JsonNode> keyed(String name) {
    return components(name).stream().filter(c -> c.has("key"));
  }

  static List<String> keys(String name) {
    return keyed(name).map(c -> c.path("key").asText()).toList();
  }

  static JsonNode component(String name, String key) {
    return keyed(name).filter(c -> c.path("key").asText().equals(key)).findFirst()
        .orElseThrow(() -> new AssertionError(name + " has no field " + key));
  }

  static Map<String, String> options(String name, String key) {
    Map<String, String> options = new LinkedHashMap<>();
    component(name, key).path("values").forEach(v -> options.put(v.path("value").asText(), v.path("label").asText()));
    return options;
  }

  static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
