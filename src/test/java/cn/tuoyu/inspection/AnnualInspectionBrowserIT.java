package cn.tuoyu.inspection;

import static cn.tuoyu.inspection.InspectionSteps.awaitTask;
import static cn.tuoyu.inspection.InspectionSteps.uniqueIdNumber;
import static cn.tuoyu.inspection.InspectionSteps.work;
import static cn.tuoyu.support.Browser.enter;
import static cn.tuoyu.support.TasklistPage.containing;
import static cn.tuoyu.support.TasklistPage.field;
import static cn.tuoyu.support.TasklistPage.fieldLabel;
import static cn.tuoyu.support.TasklistPage.filterEntry;
import static cn.tuoyu.support.TasklistPage.formTexts;
import static cn.tuoyu.support.TasklistPage.labelled;
import static cn.tuoyu.support.TasklistPage.onWholePage;
import static cn.tuoyu.support.TasklistPage.searchByBusinessKey;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tuoyu.identity.DemoUsers;
import cn.tuoyu.identity.TasklistFilters;
import cn.tuoyu.institution.InspectionHistory;
import cn.tuoyu.institution.InspectionResult;
import cn.tuoyu.institution.InstitutionRepository;
import cn.tuoyu.support.Browser;
import cn.tuoyu.support.DiagramLayout;
import cn.tuoyu.support.Browser.Person;
import cn.tuoyu.support.EngineRest;
import cn.tuoyu.support.EngineRest.Response;
import cn.tuoyu.support.FormJsTexts;
import cn.tuoyu.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.math.BigDecimal;
import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 年度检查 and 关闭注销 in a real Chromium, as the people who work them: an inspector of 延长县 fills
 * the on-site checklist (现场检查) in Tasklist, and the county supervisor looks up in Cockpit where a
 * closure case stands after two failed years. The cases get to those steps through REST with
 * {@link InspectionSteps}, as in {@link AnnualReviewIT}. Screenshots go to target/screenshots.
 */
class AnnualInspectionBrowserIT extends IntegrationTest {

  @RegisterExtension
  static final Browser browser = new Browser();

  private static final String CHINESE = "zh-CN";
  private static final String PW = DemoUsers.PASSWORD;
  private static final String YANCHANG = InspectionSteps.YANCHANG;
  private static final int THIS_YEAR = Year.now().getValue();
  private static final String INSPECTOR1 = "yanchang-inspector1";
  private static final String SUPERVISOR = "yanchang-supervisor";
  /** The five scores of the checklist, by label, in the order of the form. */
  private static final List<String> SCORE_LABELS = List.of("安全管理", "卫生保健", "人员资质", "设施设备", "收费公示");
  /** English a Chinese screen must not show (the buttons and labels of Tasklist and form-js). */
  private static final List<String> ENGLISH_LABELS = List.of("Claim", "Complete", "Save", "Start", "Close", "Back",
      "Select", "Submit", "Reset", "No results");

  @Autowired InspectionHistory history;
  @Autowired InstitutionRepository institutions;

  /** Step 1: 现场检查 in Tasklist — labels, a score out of range refused, then the case moves on to the co-sign. */
  @Test
  void inspectorFillsTheOnSiteChecklistInTasklist() throws Exception {
    String code = steps().fileInstitution(uniqueIdNumber());
    String name = institutions.find(code).orElseThrow().name();
    steps().openYear(THIS_YEAR);
    String key = InspectionHistory.annualKey(code, THIS_YEAR);
    steps().selfReportAndDeskReview(code, THIS_YEAR);
    EngineRest inspectorRest = as(INSPECTOR1, PW);
    String onSiteTask = awaitTask(inspectorRest, key, "Task_OnSiteInspection");

    // --- Tasklist: 本部门待办, found by the inspection's business key ---
    Person inspector = browser.person(baseUrl(), CHINESE).loginTasklist(INSPECTOR1, PW);
    Page page = inspector.page();
    filterEntry(page, TasklistFilters.DEPARTMENT_TASKS).click();
    assertThat(page.locator(".task-filter.active")).containsText(TasklistFilters.DEPARTMENT_TASKS);
    searchByBusinessKey(page, key);
    Locator listed = page.locator(".tasks-list li.task");
    assertThat(listed).hasCount(1);
    assertThat(listed).containsText("现场检查");
    assertThat(listed).containsText("托育机构年度检查");
    listed.locator("a[href*='task=" + onSiteTask + "']").click();

    Locator task = page.locator("[cam-tasklist-task]");
    assertThat(task.locator("h2.task")).hasText("现场检查");
    Locator claim = task.locator("button.claim");
    assertThat(claim).hasText("认领");
    claim.click();
    assertThat(claim).hasCount(0);
    assertThat(task.locator("li.assignee")).containsText("敏");

    // --- the checklist form, in Chinese, with the case's data ---
    Locator form = task.locator("form.fjs-form");
    assertThat(form.locator("h3")).hasText("现场检查");
    for (String label : List.of("机构和检查信息", "现场检查重点（书面审查提出）", "安全管理", "卫生保健", "人员资质",
        "设施设备", "收费公示", "重大安全隐患（项）", "检查发现的问题")) {
      assertThat(fieldLabel(form, label)).isVisible();
    }
    assertThat(form.getByLabel("机构和检查信息")).hasValue(containing("机构名称：" + name));
    assertThat(form.getByLabel("机构和检查信息")).hasValue(containing("检查：" + THIS_YEAR + " 年度检查"));
    assertThat(form.getByLabel("机构和检查信息")).hasValue(containing("所在区县：延长县"));
    assertThat(form.getByLabel("现场检查重点（书面审查提出）")).hasValue("重点查看消防通道");
    assertThat(form.getByLabel("机构和检查信息")).not().isEditable();
    assertThat(form).containsText("消防、食品、设施安全和应急预案");
    assertThat(form).containsText("发现任何一项重大安全隐患，年检即为不合格");

    // --- a score above 100: form-js marks the field and Tasklist does not complete the task ---
    enter(scoreField(form, "安全管理"), "120");
    enter(scoreField(form, "卫生保健"), "90");
    enter(scoreField(form, "人员资质"), "88");
    enter(scoreField(form, "设施设备"), "85");
    enter(scoreField(form, "收费公示"), "95");
    enter(form.getByLabel("重大安全隐患（项）"), "0");
    enter(form.getByLabel("检查发现的问题"), "消防通道堆放少量杂物，已当场要求清理；晨检记录个别日期缺签字。");
    Locator complete = task.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("完成").setExact(true));
    Locator safetyError = field(form, "安全管理").locator(".fjs-form-field-error");
    assertThat(safetyError).isVisible();
    // form-js writes "Field must have maximum value of 100."; hardcoded-texts-zh.js puts the Chinese in.
    assertThat(safetyError).hasText("不能大于 100。");
    assertThat(FormJsTexts.english(form)).as("English left in the form").isEmpty();
    assertThat(complete).isDisabled();
    assertThat(form.locator(".fjs-form-field-error")).hasCount(1);
    assertThat(task.locator("h2.task")).hasText("现场检查");
    JsonNode stillOpen = inspectorRest.get("/engine-rest/task/" + onSiteTask).json();
    assertThat(stillOpen.get("assignee").asText()).isEqualTo(INSPECTOR1);
    assertThat(history.find(key).orElseThrow().safetyScore()).as("no checklist recorded yet").isNull();
    onWholePage(inspector, () -> inspector.screenshot("inspection-onsite-invalid-score"));

    // --- a valid score: the error goes, the filled checklist, 完成 ---
    enter(scoreField(form, "安全管理"), "85.5");
    assertThat(form.locator(".fjs-form-field-error")).hasCount(0);
    assertThat(complete).isEnabled();
    List<String> texts = onWholePage(inspector, () -> {
      inspector.screenshot("inspection-onsite-checklist");
      return formTexts(inspector);
    });
    assertThat(texts).as("what the inspector can read").contains("现场检查", "机构和检查信息", "安全管理", "卫生保健",
        "人员资质", "设施设备", "收费公示", "检查发现的问题", "完成");
    assertThat(texts).anyMatch(t -> t.contains("统一社会信用代码：" + code));
    assertNoEnglish(texts, "inspection-onsite-checklist");

    complete.click();
    // The case moves on to 现场检查复核签字, which the same department (inspectors of the county) sees at once.
    assertThat(page.locator("[cam-tasklist-task] h2.task")).hasCount(0);
    assertThat(listed).hasCount(1);
    assertThat(listed).containsText("现场检查复核签字");
    assertThat(inspectorRest.get("/engine-rest/task/" + onSiteTask).status()).isEqualTo(404);
    String coSign = awaitTask(inspectorRest, key, "Task_CoSignInspection");
    Response ownCoSign = inspectorRest.post("/engine-rest/task/" + coSign + "/claim", Map.of("userId", INSPECTOR1));
    assertThat(ownCoSign.status()).as("the first inspector claims the co-sign: " + ownCoSign.body())
        .isGreaterThanOrEqualTo(400);
    assertThat(inspectorRest.get("/engine-rest/task/" + coSign).json().get("assignee").isNull()).isTrue();
    var recorded = history.find(key).orElseThrow();
    assertThat(recorded.safetyScore()).isEqualByComparingTo(new BigDecimal("85.5"));
    assertThat(recorded.healthCareScore()).isEqualByComparingTo("90");
    assertThat(recorded.feeDisclosureScore()).isEqualByComparingTo("95");
    assertThat(recorded.criticalFindings()).isZero();
    assertThat(recorded.findings()).startsWith("消防通道堆放少量杂物");
    assertThat(recorded.inspector1()).isEqualTo(INSPECTOR1);
    inspector.screenshot("inspection-onsite-completed");
  }

  /** Step 2: a closure case after two failed years, in Cockpit at 办理注销登记 and 安置在托婴幼儿. */
  @Test
  void supervisorSeesWhereAClosureCaseStandsInCockpit() throws Exception {
    String code = steps().fileInstitution(uniqueIdNumber());
    // The year before was failed on paper (补录); this year's inspection fails through the system.
    history.enterPriorResult(code, THIS_YEAR - 1, InspectionResult.FAILED, "纸质档案补录：年审不合格", SUPERVISOR);
    steps().openYear(THIS_YEAR);
    steps().inspect(code, THIS_YEAR, false);

    String closureKey = code + "-closure";
    EngineRest health = as("yanchang-health-clerk", PW);
    String draft = awaitTask(health, closureKey, "Task_DraftClosureDecision");
    JsonNode candidates = readJson(health.get("/engine-rest/task/" + draft + "/form-variables?deserializeValues=false")
        .json().at("/blacklistCandidates/value"));
    assertThat(candidates.size()).as("blacklist candidates: " + candidates).isEqualTo(1);
    Map<String, Object> blacklistChoice = Map.of(
        "blacklistPersons", Map.of("value", "[\"" + candidates.get(0).get("value").asText() + "\"]", "type", "Json"),
        "banKind", Map.of("value", "LIFETIME_BAN"));
    Map<String, Object> drafted = new HashMap<>(blacklistChoice);
    drafted.put("decisionDraft", Map.of("value", "该机构连续两年年审不合格，依据延安市实施方案予以关闭。"));
    work(health, "yanchang-health-clerk", draft, drafted);
    EngineRest supervisorRest = as(SUPERVISOR, PW);
    String approval = awaitTask(supervisorRest, closureKey, "Task_ApproveClosureDecision");
    Map<String, Object> approved = new HashMap<>(blacklistChoice);
    approved.put("approvalDecision", Map.of("value", "APPROVE"));
    work(supervisorRest, SUPERVISOR, approval, approved);
    awaitTask(as("yanchang-approval-clerk", PW), closureKey, "Task_DeregisterInstitution");
    awaitTask(as("yanchang-education-clerk", PW), closureKey, "Task_PlanPlacement");
    String instanceId = supervisorRest.get("/engine-rest/process-instance?processDefinitionKey=ClosureProcess"
        + "&businessKey=" + closureKey).json().get(0).get("id").asText();

    // --- Cockpit: 流程 → 关闭注销并公告 → the case, found by its business key ---
    Person supervisor = browser.person(baseUrl(), CHINESE);
    Page page = supervisor.page();
    page.setViewportSize(1920, 1200);
    supervisor.loginCockpit(SUPERVISOR, PW);
    openProcessDefinition(page, "ClosureProcess");
    assertThat(page.locator("ul.cam-breadcrumb")).containsText("关闭注销并公告");
    assertDiagramTidy(page, "ClosureProcess", 15);
    Locator row = page.locator(".ctn-tabbed table tbody tr").filter(new Locator.FilterOptions().setHasText(closureKey));
    assertThat(row).hasCount(1);
    row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(instanceId).setExact(true)).click();

    // --- the process instance: diagram with the two active steps, business key, variables ---
    assertThat(page.locator("ul.cam-breadcrumb")).containsText(instanceId);
    Locator diagram = page.locator(".djs-container");
    assertThat(diagram.locator("svg").first()).isVisible();
    Map<String, String> active = Map.of(
        "Task_DeregisterInstitution", "办理注销登记",
        "Task_PlanPlacement", "安置在托婴幼儿");
    active.forEach((id, name) -> {
      assertThat(diagram.locator("[data-element-id='" + id + "']")).containsText(name);
      assertThat(activeBadge(page, id)).isVisible();
    });
    // Two placements, one by county health and one by education.
    assertThat(activeBadge(page, "Task_PlanPlacement")).containsText("2");
    assertThat(activeBadge(page, "Task_DeregisterInstitution")).containsText("1");
    for (String done : List.of("Task_DraftClosureDecision", "Task_ApproveClosureDecision", "Task_PublishClosureAnnouncement")) {
      assertThat(activeBadge(page, done)).hasCount(0);
    }
    // The side panel names the case by its business key.
    assertThat(page.getByText(closureKey, new Page.GetByTextOptions().setExact(true)).first()).isVisible();
    assertThat(supervisor.visibleTexts()).contains(closureKey);
    tab(page, "变量").click();
    Locator variables = page.locator("[cam-widget-variables-table] table");
    assertThat(variableRow(variables, "creditCode").locator("td.col-value")).containsText(code);
    assertThat(variableRow(variables, "county").locator("td.col-value")).containsText(YANCHANG);
    assertThat(variableRow(variables, "approvalDecision").locator("td.col-value")).containsText("APPROVE");
    onWholePage(supervisor, () -> {
      assertNoEnglish(supervisor.visibleTexts(), "cockpit-closure-instance");
      supervisor.screenshot("cockpit-closure-instance");
    });

    // --- the annual inspection's diagram too ---
    openProcessDefinition(page, AnnualInspectionProcess.KEY);
    assertThat(page.locator("ul.cam-breadcrumb")).containsText("托育机构年度检查");
    assertThat(diagram.locator("[data-element-id='Task_OnSiteInspection']")).containsText("现场检查");
    assertThat(diagram.locator("[data-element-id='Task_CoSignInspection']")).containsText("现场检查复核签字");
    assertDiagramTidy(page, AnnualInspectionProcess.KEY, 15);
    supervisor.screenshot("cockpit-annual-inspection-diagram");
  }

  // --- Cockpit ---

  /** From anywhere in Cockpit: header 流程, then the definition's key; waits for its diagram and instance list. */
  private static void openProcessDefinition(Page page, String key) {
    page.locator(".sections-menu a[href='#/processes']").click();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(key).setExact(true)).click();
    assertThat(page.locator(".djs-container svg").first()).isVisible();
    assertThat(page.locator("dd.definition-version")).containsText(Pattern.compile("\\d"));
    assertThat(page.locator(".ctn-tabbed table tbody tr").first()).isVisible();
  }

  /** The count Cockpit puts on an activity that has running instances. */
  private static Locator activeBadge(Page page, String activityId) {
    return page.locator(".djs-overlays[data-container-id='" + activityId + "'] .instances-overlay .instance-count");
  }

  /** A tab of Cockpit's lower panel (流程实例, 异常, 变量 …). */
  private static Locator tab(Page page, String name) {
    return page.locator(".ctn-tabbed .nav-tabs li").getByText(name, new Locator.GetByTextOptions().setExact(true));
  }

  private static Locator variableRow(Locator variables, String name) {
    return variables.locator("tbody tr").filter(new Locator.FilterOptions()
        .setHas(variables.page().locator("td.col-name").getByText(name, new Locator.GetByTextOptions().setExact(true))));
  }

  private static void assertDiagramTidy(Page page, String key, int atLeast) {
    DiagramLayout.Report layout = DiagramLayout.of(page);
    assertThat(layout.shapes()).as(key + ": shapes drawn").isGreaterThanOrEqualTo(atLeast);
    assertThat(layout.flows()).as(key + ": flows drawn").isGreaterThanOrEqualTo(atLeast);
    assertThat(layout.problems()).as(key + ": overlapping shapes, crossing flows, flows through shapes").isEmpty();
  }

  // --- Tasklist and form-js ---

  private static Locator scoreField(Locator form, String label) {
    return field(form, label).locator("input");
  }

  private static void assertNoEnglish(List<String> texts, String screen) {
    List<String> english = ENGLISH_LABELS.stream()
        .filter(label -> texts.stream().anyMatch(text ->
            Pattern.compile("(?<![A-Za-z])" + Pattern.quote(label) + "(?![A-Za-z])").matcher(text).find()))
        .toList();
    assertThat(english).as("English on the Chinese screen %s; visible texts: %s", screen, texts).isEmpty();
  }

  // --- the cases ---

  private InspectionSteps steps() {
    return new InspectionSteps(user -> as(user, PW), history, institutions);
  }

  private static JsonNode readJson(JsonNode value) throws Exception {
    return value.isTextual() ? new ObjectMapper().readTree(value.asText()) : value;
  }

  private String baseUrl() {
    return "http://localhost:" + port;
  }
}
