package cn.tuoyu.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuoyu.identity.Department;
import cn.tuoyu.meeting.JointMeetingProcess.ItemDecision;
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
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Camunda Forms of the joint meeting in {@code forms/meeting/}, checked against the model, the
 * variable names of {@link JointMeetingProcess}, the department groups, the responsibility matrix of the
 * V8 migration and the form-js Tasklist 7.24 bundles (schemaVersion 16; dynamic lists and tag lists
 * submit as Json variables, which the service reads).
 */
class MeetingFormsTest {

  static final Path FORMS = Path.of("forms", "meeting");
  static final Path MODEL = Path.of("processes", "meeting", "JointMeetingProcess.bpmn");
  static final String BUNDLED_FORM_JS = "META-INF/resources/webjars/camunda/lib/deps.js";

  /** The keys each form binds, in order (the dynamic list's inner keys are the item's JSON fields). */
  static final Map<String, List<String>> FORM_KEYS = new LinkedHashMap<>();

  static {
    FORM_KEYS.put("JointMeetingStartForm", List.of("meetingTitle", "county"));
    FORM_KEYS.put("DraftAgendaForm", List.of("agenda", "plannedDate", "memberDepartments"));
    FORM_KEYS.put("ProgressReportForm",
        List.of("reportingDepartment", "meetingBrief", "workProgress", "problems", "nextSteps"));
    FORM_KEYS.put("EscalateOverdueReportsForm", List.of("overdueSummary", "escalationDecision", "escalationNote"));
    FORM_KEYS.put("EscalateOverdueItemForm", List.of("overdueSummary", "escalationDecision", "escalationNote"));
    FORM_KEYS.put("RecordMeetingForm", List.of("reportsSummary", "heldOn", "attendees", "minutes", "decisions"));
    FORM_KEYS.put("ItemCompletionForm",
        List.of("responsibleDepartment", "itemBrief", "completionReport", "evidence", "completedOn"));
    FORM_KEYS.put("AcceptItemForm", List.of("itemReports", "itemDecision", "sendBackDepartments", "acceptanceComment"));
  }

  static final Map<String, Set<String>> REQUIRED_KEYS = Map.of(
      "EscalateOverdueReportsForm", Set.of("escalationDecision", "escalationNote"),
      "EscalateOverdueItemForm", Set.of("escalationDecision", "escalationNote"),
      "JointMeetingStartForm", Set.of("meetingTitle", "county"),
      "DraftAgendaForm", Set.of("agenda", "memberDepartments"),
      "ProgressReportForm", Set.of("workProgress"),
      "RecordMeetingForm", Set.of("heldOn", "attendees", "minutes", "deadline"),
      "ItemCompletionForm", Set.of("completionReport", "evidence"),
      "AcceptItemForm", Set.of("itemDecision"));

  /** Texts the service prepares for the task: shown, never edited. */
  static final Set<String> DISPLAY_ONLY_KEYS = Set.of("meetingBrief", "overdueSummary", "reportsSummary", "itemBrief",
      "itemReports");

  static final Set<String> COMPONENT_TYPES = Set.of("text", "textfield", "textarea", "select", "radio", "checklist",
      "taglist", "datetime", "dynamiclist");
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
    var document = factory.newDocumentBuilder().parse(MODEL.toFile());
    String bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    String camunda = "http://camunda.org/schema/1.0/bpmn";
    Map<String, String> refs = new HashMap<>();
    for (String type : List.of("userTask", "startEvent")) {
      NodeList elements = document.getElementsByTagNameNS(bpmn, type);
      for (int i = 0; i < elements.getLength(); i++) {
        Element element = (Element) elements.item(i);
        if (element.hasAttributeNS(camunda, "formRef")) {
          assertThat(element.getAttributeNS(camunda, "formRefBinding")).as(element.getAttribute("id"))
              .isEqualTo("deployment");
          refs.put(element.getAttribute("id"), element.getAttributeNS(camunda, "formRef"));
        } else {
          assertThat(type).as(element.getAttribute("id") + " has a form").isEqualTo("startEvent");
        }
      }
    }
    assertThat(refs).containsExactlyInAnyOrderEntriesOf(Map.of(
        JointMeetingProcess.Elements.START, "JointMeetingStartForm",
        JointMeetingProcess.Elements.DRAFT_AGENDA, "DraftAgendaForm",
        JointMeetingProcess.Elements.SUBMIT_PROGRESS_REPORT, "ProgressReportForm",
        JointMeetingProcess.Elements.ESCALATE_OVERDUE_REPORTS, "EscalateOverdueReportsForm",
        JointMeetingProcess.Elements.ESCALATE_OVERDUE_ITEM, "EscalateOverdueItemForm",
        JointMeetingProcess.Elements.RECORD_MEETING, "RecordMeetingForm",
        JointMeetingProcess.Elements.REPORT_ITEM_COMPLETION, "ItemCompletionForm",
        JointMeetingProcess.Elements.ACCEPT_ITEM, "AcceptItemForm"));
    assertThat(new TreeSet<>(refs.values())).containsExactlyInAnyOrderElementsOf(FORM_KEYS.keySet());
  }

  @ParameterizedTest
  @MethodSource("formNames")
  void isADefaultFormNamedAfterItsFileForTheBundledFormJs(String name) throws IOException {
    JsonNode form = forms.get(name);
    assertThat(form.path("type").asText()).isEqualTo("default");
    assertThat(form.path("id").asText()).isEqualTo(name);
    assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
    assertThat(form.path("schemaVersion").asInt()).isBetween(1, bundledSchemaVersion());
  }

  @ParameterizedTest
  @MethodSource("formNames")
  void componentsAreKnownAndIdsUnique(String name) {
    Set<String> ids = new TreeSet<>();
    for (JsonNode component : all(name)) {
      String where = name + "/" + component.path("id").asText();
      assertThat(ids.add(component.path("id").asText())).as("unique id " + where).isTrue();
      assertThat(component.path("type").asText()).as(where).isIn(COMPONENT_TYPES);
      if (component.has("conditional")) {
        assertThat(component.path("conditional").path("hide").asText()).as(where).startsWith("=");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("formNames")
  void keysAreTheProcessVariables(String name) throws IllegalAccessException {
    assertThat(keys(name)).as(name).isSubsetOf(variableNames()).containsExactlyElementsOf(FORM_KEYS.get(name));
  }

  @ParameterizedTest
  @MethodSource("formNames")
  void requiredFieldsAreTheOnesTheClerkMustFill(String name) {
    Set<String> required = all(name).stream().filter(c -> c.path("validate").path("required").asBoolean(false))
        .map(c -> c.path("key").asText()).collect(Collectors.toSet());
    assertThat(required).isEqualTo(REQUIRED_KEYS.get(name));
  }

  @ParameterizedTest
  @MethodSource("formNames")
  void everyVisibleTextIsChinese(String name) {
    for (JsonNode component : all(name)) {
      String where = name + "/" + component.path("id").asText();
      if ("text".equals(component.path("type").asText())) {
        assertThat(component.path("text").asText()).as(where).containsPattern(CJK);
      } else {
        assertThat(component.path("label").asText()).as(where).containsPattern(CJK);
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
    all(name).stream().filter(c -> DISPLAY_ONLY_KEYS.contains(c.path("key").asText()))
        .forEach(c -> assertThat(c.path("readonly").asBoolean(false)).as(name + "/" + c.path("key").asText()).isTrue());
  }

  /** Text limits agree with the service and the tables: the server refuses what the form would let through. */
  @Test
  void textLimitsMatchTheService() {
    assertThat(maxLength("DraftAgendaForm", "agenda")).isEqualTo(4000);
    assertThat(maxLength("ProgressReportForm", "workProgress")).isEqualTo(4000);
    assertThat(maxLength("RecordMeetingForm", "minutes")).isEqualTo(8000);
    assertThat(maxLength("RecordMeetingForm", "attendees")).isEqualTo(2000);
    assertThat(maxLength("RecordMeetingForm", "description")).isEqualTo(2000);
    assertThat(maxLength("ItemCompletionForm", "evidence")).isEqualTo(2000);
    assertThat(maxLength("AcceptItemForm", "acceptanceComment")).isEqualTo(1000);
  }

  @Test
  void departmentOptionsAreTheDepartmentGroups() {
    Map<String, String> departments = Arrays.stream(Department.values()).collect(Collectors.toMap(
        Department::groupId, Department::displayName, (a, b) -> a, LinkedHashMap::new));
    assertThat(options("DraftAgendaForm", "memberDepartments")).containsExactlyEntriesOf(departments);
    assertThat(options("ProgressReportForm", "reportingDepartment")).containsExactlyEntriesOf(departments);
    assertThat(options("RecordMeetingForm", "departments")).containsExactlyEntriesOf(departments);
    assertThat(options("ItemCompletionForm", "responsibleDepartment")).containsExactlyEntriesOf(departments);
    assertThat(options("AcceptItemForm", "sendBackDepartments")).containsExactlyEntriesOf(departments);
  }

  /** "Default: all of them": every member department is ticked until the convener removes one. */
  @Test
  void allMemberDepartmentsAreTickedByDefault() {
    List<String> defaults = new ArrayList<>();
    component("DraftAgendaForm", "memberDepartments").path("defaultValue").forEach(v -> defaults.add(v.asText()));
    assertThat(defaults).containsExactlyElementsOf(MeetingService.allDepartments());
    assertThat(component("DraftAgendaForm", "memberDepartments").path("type").asText()).isEqualTo("checklist");
  }

  /** The plan-task picker offers exactly the seeded responsibility matrix, with its departments as written. */
  @Test
  void planTaskOptionsAreTheSeededMatrix() {
    var dataSource = new DriverManagerDataSource("jdbc:h2:mem:meeting-forms;DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    var tasks = new MeetingRepository(JdbcClient.create(dataSource)).planTasks();
    Map<String, String> expected = new LinkedHashMap<>();
    tasks.forEach(t -> expected.put(t.code(), t.code() + " " + t.title() + "（" + t.departmentsAsWritten() + "）"));
    assertThat(options("RecordMeetingForm", "planTask")).containsExactlyEntriesOf(expected);
  }

  @Test
  void theActionItemListHoldsWhatTheServiceReads() {
    JsonNode list = all("RecordMeetingForm").stream().filter(c -> "dynamiclist".equals(c.path("type").asText()))
        .findFirst().orElseThrow();
    assertThat(list.path("path").asText()).isEqualTo(JointMeetingProcess.Variables.ACTION_ITEMS);
    assertThat(list.path("isRepeating").asBoolean()).isTrue();
    List<String> inner = new ArrayList<>();
    list.path("components").forEach(c -> inner.add(c.path("key").asText()));
    assertThat(inner).containsExactly("planTask", "departments", "deadline", "description");
  }

  @Test
  void decisionOptionsAreTheEnum_andTheSendBackListShowsOnlyForASendBack() {
    assertThat(options("AcceptItemForm", "itemDecision")).containsExactlyEntriesOf(Arrays.stream(ItemDecision.values())
        .collect(Collectors.toMap(ItemDecision::name, ItemDecision::label, (a, b) -> a, LinkedHashMap::new)));
    assertThat(component("AcceptItemForm", "sendBackDepartments").path("conditional").path("hide").asText())
        .isEqualTo("=not(itemDecision = \"SEND_BACK\")");
  }

  /** The values the models' output mappings compare with: PROCEED waives the reports, CLOSE the item. */
  @Test
  void escalationDecisionsAreTheOnesTheModelMapsOut() throws IOException {
    String model = Files.readString(MODEL);
    assertThat(options("EscalateOverdueReportsForm", "escalationDecision")).containsOnlyKeys("WAIT", "PROCEED");
    assertThat(options("EscalateOverdueItemForm", "escalationDecision")).containsOnlyKeys("WAIT", "CLOSE");
    assertThat(model).contains("<camunda:outputParameter name=\"reportsWaived\">${escalationDecision == 'PROCEED'}")
        .contains("<camunda:outputParameter name=\"itemWaived\">${escalationDecision == 'CLOSE'}");
  }

  @Test
  void countyOptionsAreTheCountiesOfTheMigration() throws IOException {
    String migration = Files.readString(Path.of("src/main/resources/db/migration/V1__county.sql"));
    Matcher m = Pattern.compile("\\('(\\d{6})', '([^']+)'").matcher(migration);
    Map<String, String> counties = new LinkedHashMap<>();
    while (m.find()) {
      counties.put(m.group(1), m.group(2));
    }
    assertThat(options("JointMeetingStartForm", "county")).containsExactlyEntriesOf(counties);
  }

  // --- helpers

  static int bundledSchemaVersion() throws IOException {
    try (InputStream in = MeetingFormsTest.class.getClassLoader().getResourceAsStream(BUNDLED_FORM_JS)) {
      assertThat(in).as(BUNDLED_FORM_JS + " on the classpath").isNotNull();
      Matcher matcher = Pattern.compile("\\.schemaVersion=(\\d+)")
          .matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      assertThat(matcher.find()).isTrue();
      return Integer.parseInt(matcher.group(1));
    }
  }

  static Set<String> variableNames() throws IllegalAccessException {
    Set<String> names = new TreeSet<>();
    for (Field field : JointMeetingProcess.Variables.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        names.add((String) field.get(null));
      }
    }
    return names;
  }

  /** Every component, the dynamic list's inner ones included. */
  static List<JsonNode> all(String name) {
    List<JsonNode> all = new ArrayList<>();
    collect(forms.get(name).path("components"), all);
    assertThat(all).as(name + " components").isNotEmpty();
    return all;
  }

  private static void collect(JsonNode components, List<JsonNode> into) {
    for (JsonNode c : components) {
      into.add(c);
      if (c.has("components")) {
        collect(c.path("components"), into);
      }
    }
  }

  /** Top-level keys (what the task submits as variables). */
  static List<String> keys(String name) {
    List<String> keys = new ArrayList<>();
    forms.get(name).path("components").forEach(c -> {
      if (c.has("key")) {
        keys.add(c.path("key").asText());
      }
    });
    return keys;
  }

  static JsonNode component(String name, String key) {
    return all(name).stream().filter(c -> c.path("key").asText().equals(key)).findFirst()
        .orElseThrow(() -> new AssertionError(name + " has no field " + key));
  }

  static int maxLength(String name, String key) {
    return component(name, key).path("validate").path("maxLength").asInt();
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
