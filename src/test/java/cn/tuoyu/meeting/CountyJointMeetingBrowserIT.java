package cn.tuoyu.meeting;

import static cn.tuoyu.support.TasklistPage.searchByBusinessKey;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tuoyu.identity.DemoUsers;
import cn.tuoyu.identity.TasklistFilters;
import cn.tuoyu.support.Browser;
import cn.tuoyu.support.DiagramLayout;
import cn.tuoyu.support.Browser.Person;
import cn.tuoyu.support.EngineRest;
import cn.tuoyu.support.EngineRest.Response;
import cn.tuoyu.support.FormJsTexts;
import cn.tuoyu.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 联席会议 in a real Chromium: the 宝塔区 education clerk submits the progress report (工作进展通报) through the
 * Chinese form in Tasklist, and the convener (the county health clerk) finds it counted in the compiled
 * reports of 记录会议情况. Screenshots go to target/screenshots.
 */
class CountyJointMeetingBrowserIT extends IntegrationTest {

  @RegisterExtension
  static final Browser browser = new Browser();

  private static final String PW = DemoUsers.PASSWORD;
  private static final String BAOTA = "610602";
  private static final String CONVENER = "baota-health-clerk";
  private static final String CLERK = "baota-education-clerk";
  private static final Locator.GetByLabelOptions EXACT = new Locator.GetByLabelOptions().setExact(true);

  @Test
  void departmentClerkSubmitsTheProgressReportInTasklist_andTheConvenerSeesItCounted() {
    EngineRest convener = as(CONVENER, PW);
    Response started = convener.post("/api/meetings", Map.of("title", "宝塔区婴幼儿照护服务工作联席会议", "county", BAOTA));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    long id = started.json().get("id").asLong();
    String key = started.json().get("businessKey").asText();
    complete(convener, CONVENER, singleTask(convener, key, "Task_DraftAgenda"), Map.of(
        "agenda", Map.of("value", "一、各成员单位通报工作进展；二、研究托班用房问题"),
        "memberDepartments", Map.of("value", "[\"health\",\"education\"]", "type", "Json")));

    // --- the education clerk in Tasklist: 本部门待办, the meeting's task, the Chinese form ---
    Person clerk = browser.person(baseUrl(), "zh-CN").loginTasklist(CLERK, PW);
    Page page = clerk.page();
    page.locator(".task-filter").filter(new Locator.FilterOptions().setHas(page.locator("h4.name a")
        .filter(new Locator.FilterOptions().setHasText(TasklistFilters.DEPARTMENT_TASKS)))).click();
    searchByBusinessKey(page, key);
    Locator listed = page.locator(".tasks-list li.task");
    assertThat(listed).hasCount(1);
    assertThat(listed).containsText("通报工作进展");
    assertThat(listed).containsText("联席会议");
    listed.locator("a").first().click();

    Locator task = page.locator("[cam-tasklist-task]");
    assertThat(task.locator("h2.task")).hasText("通报工作进展");
    task.locator("button.claim").click();
    assertThat(task.locator("button.claim")).hasCount(0);
    Locator form = task.locator("form.fjs-form");
    assertThat(form.getByLabel("会议通知", EXACT)).hasValue(java.util.regex.Pattern.compile(
        ".*宝塔区婴幼儿照护服务工作联席会议.*前提交本部门工作进展通报.*", java.util.regex.Pattern.DOTALL));
    assertThat(form.getByLabel("会议通知", EXACT)).not().isEditable();
    assertThat(form.locator(".fjs-form-field-select .fjs-select-display").first()).hasText("教育局");
    form.getByLabel("工作进展情况").fill("本季度新增普惠托班 3 个，托位 90 个。");
    form.getByLabel("存在的问题", EXACT).fill("部分幼儿园托班用房不足。");
    form.getByLabel("下一步工作安排", EXACT).fill("结合新建幼儿园同步规划托班用房。");
    clerk.screenshot("meeting-progress-report-form");
    task.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("完成").setExact(true)).click();
    assertThat(page.locator(".tasks-list li.task")).hasCount(0);

    JsonNode status = convener.get("/api/meetings/" + id).json();
    assertThat(status.get("reportsSubmitted").asInt()).as("counted for the convener").isEqualTo(1);
    assertThat(status.get("members").asInt()).isEqualTo(2);

    // --- the convener reports for health, then reads the compiled reports in 记录会议情况 ---
    complete(convener, CONVENER, singleTask(convener, key, "Task_SubmitProgressReport"),
        Map.of("workProgress", Map.of("value", "完成全区托育机构备案核查。")));
    String record = singleTask(convener, key, "Task_RecordMeeting");
    Person health = browser.person(baseUrl(), "zh-CN").loginTasklist(CONVENER, PW);
    Page healthPage = health.page();
    healthPage.navigate(baseUrl() + "/camunda/app/tasklist/default/#/?task=" + record);
    Locator recordTask = healthPage.locator("[cam-tasklist-task]");
    assertThat(recordTask.locator("h2.task")).hasText("记录会议情况");
    Locator summary = recordTask.locator("form.fjs-form").getByLabel("成员单位通报汇总", EXACT);
    assertThat(summary).hasValue(java.util.regex.Pattern.compile(
        "已通报 2/2 个成员单位（按期 2，逾期 0）.*【教育局】按期通报.*本季度新增普惠托班 3 个.*",
        java.util.regex.Pattern.DOTALL));
    // Tasklist clips its panels to the window: a tall window shows the whole form on the screenshot.
    healthPage.setViewportSize(1400, 2200);
    assertThat(recordTask.locator("form.fjs-form").getByText("议定事项", new Locator.GetByTextOptions().setExact(true)))
        .isVisible();
    health.screenshot("meeting-convener-compiled-reports");
    List<String> texts = health.visibleTexts();
    assertThat(texts).contains("记录会议情况", "会议召开日期", "参会人员", "会议纪要", "议定事项");

    // --- 议定事项, a dynamic list: form-js's hard-coded English (Add new, Search, No results …) in Chinese ---
    recordTask.locator("button.claim").click();
    assertThat(recordTask.locator("button.claim")).hasCount(0);
    Locator recordForm = recordTask.locator("form.fjs-form");
    Locator add = recordForm.locator("button.fjs-repeat-render-add");
    assertThat(add).hasText("新建一项");
    add.click();
    Locator item = recordForm.locator(".fjs-repeat-row-container");
    assertThat(item).hasCount(1);
    assertThat(item.locator("button.fjs-repeat-row-remove")).hasAttribute("aria-label", "移除第 1 项");
    Locator planTask = item.locator(".fjs-form-field-select input.fjs-input");
    assertThat(planTask).hasAttribute("placeholder", "搜索");
    assertThat(item.locator("input.fjs-taglist-input")).hasAttribute("placeholder", "搜索");
    planTask.click();
    planTask.fill("没有这项任务");
    assertThat(item.locator(".fjs-dropdownlist-empty")).hasText("无匹配结果");
    health.screenshot("meeting-record-action-item");
    assertThat(FormJsTexts.english(recordForm)).as("English left in the form").isEmpty();
  }

  /** The model in Cockpit, as a supervisor sees it: Chinese names, nothing overlapping or crossing. */
  @Test
  void supervisorSeesATidyMeetingDiagramInCockpit() {
    Person supervisor = browser.person(baseUrl(), "zh-CN");
    Page page = supervisor.page();
    page.setViewportSize(1920, 1200);
    supervisor.loginCockpit("city-supervisor", PW);
    page.locator(".sections-menu a[href='#/processes']").click();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(JointMeetingProcess.KEY).setExact(true)).click();
    assertThat(page.locator("ul.cam-breadcrumb")).containsText("联席会议");
    Locator diagram = page.locator(".djs-container");
    assertThat(diagram.locator("svg").first()).isVisible();
    Map<String, String> names = Map.of(
        "Task_DraftAgenda", "拟定会议议程",
        "Task_SubmitProgressReport", "通报工作进展",
        "Task_RecordMeeting", "记录会议情况",
        "Task_ReportItemCompletion", "报告事项落实情况",
        "Task_AcceptItem", "验收事项落实情况",
        "Task_EscalateOverdueReports", "督办逾期未通报部门",
        "BoundaryEvent_ReportReminder", "催办时间已到",
        "Gateway_ItemDecision", "验收结论？");
    names.forEach((elementId, name) -> {
      String named = elementId.startsWith("Task_") ? elementId : elementId + "_label";
      assertThat(diagram.locator("[data-element-id='" + named + "']")).containsText(name);
    });
    DiagramLayout.Report layout = DiagramLayout.of(page);
    assertThat(layout.shapes()).isGreaterThan(30);
    assertThat(layout.problems()).as("overlapping shapes, crossing flows, flows through shapes").isEmpty();
    supervisor.screenshot("cockpit-meeting-diagram");
  }

  private String baseUrl() {
    return "http://localhost:" + port;
  }

  private static void complete(EngineRest user, String userId, String taskId, Map<String, Object> variables) {
    assertThat(user.post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", userId)).status()).isEqualTo(204);
    Response done = user.post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
  }

  private static String singleTask(EngineRest user, String businessKey, String taskKey) {
    Response list = user.get("/engine-rest/task?processInstanceBusinessKey=" + businessKey + "&taskDefinitionKey=" + taskKey);
    assertThat(list.json().size()).as(list.body()).isEqualTo(1);
    return list.json().get(0).get("id").asText();
  }
}
