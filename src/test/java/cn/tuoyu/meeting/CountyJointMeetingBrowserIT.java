package cn.tuoyu.meeting;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tuoyu.identity.DemoUsers;
import cn.tuoyu.identity.TasklistFilters;
import cn.tuoyu.support.Browser;
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
    @SuppressWarnings("unchecked")
    Map<String, Object> layout = (Map<String, Object>) page.evaluate(LAYOUT_PROBLEMS);
    @SuppressWarnings("unchecked")
    List<String> problems = (List<String>) layout.get("problems");
    assertThat(((Number) layout.get("shapes")).intValue()).isGreaterThan(30);
    assertThat(problems).as("overlapping shapes, crossing flows, flows through shapes").isEmpty();
    supervisor.screenshot("cockpit-meeting-diagram");
  }

  /**
   * The diagram as bpmn-js drew it (as in RegistrationBrowserIT), the expanded sub-process left out: it
   * contains its own shapes and flows by design.
   */
  private static final String LAYOUT_PROBLEMS = """
      () => {
        const root = document.querySelector('.djs-container');
        const shapes = [];
        for (const g of root.querySelectorAll('g.djs-element.djs-shape[data-element-id]')) {
          const id = g.getAttribute('data-element-id');
          const visual = g.querySelector(':scope > .djs-visual');
          if (!visual || id.endsWith('_label') || id.startsWith('SubProcess_')) continue;
          const m = g.transform.baseVal.consolidate();
          const x = m ? m.matrix.e : 0, y = m ? m.matrix.f : 0;
          const box = visual.getBBox();
          if (box.width === 0) continue;
          shapes.push({id, l: x + box.x, t: y + box.y, r: x + box.x + box.width, b: y + box.y + box.height});
        }
        const flows = [];
        for (const g of root.querySelectorAll('g.djs-element.djs-connection[data-element-id]')) {
          const d = g.querySelector(':scope > .djs-visual > path').getAttribute('d');
          const points = [];
          for (const [, , args] of d.matchAll(/([MLC])([^MLC]*)/g)) {
            const n = args.split(/[ ,]+/).filter(Boolean).map(Number);
            points.push({x: n[n.length - 2], y: n[n.length - 1]});
          }
          flows.push({id: g.getAttribute('data-element-id'), points});
        }
        const problems = [];
        const inside = (p, s, m) => p.x > s.l - m && p.x < s.r + m && p.y > s.t - m && p.y < s.b + m;
        const centre = s => ({x: (s.l + s.r) / 2, y: (s.t + s.b) / 2});
        const attached = (e, host) => e.id.startsWith('BoundaryEvent_') && inside(centre(e), host, 0.5);
        for (let i = 0; i < shapes.length; i++) for (let j = i + 1; j < shapes.length; j++) {
          const a = shapes[i], b = shapes[j];
          const overlap = Math.min(a.r, b.r) - Math.max(a.l, b.l) > 0 && Math.min(a.b, b.b) - Math.max(a.t, b.t) > 0;
          if (overlap && !attached(a, b) && !attached(b, a)) problems.push('shapes overlap: ' + a.id + ' / ' + b.id);
        }
        const side = (a, b, c) => Math.sign((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x));
        const cross = (p1, p2, p3, p4) => side(p3, p4, p1) * side(p3, p4, p2) < 0 && side(p1, p2, p3) * side(p1, p2, p4) < 0;
        const segments = f => f.points.slice(1).map((p, k) => [f.points[k], p]);
        for (let i = 0; i < flows.length; i++) for (let j = i + 1; j < flows.length; j++) {
          if (segments(flows[i]).some(([a, b]) => segments(flows[j]).some(([c, e]) => cross(a, b, c, e)))) {
            problems.push('flows cross: ' + flows[i].id + ' / ' + flows[j].id);
          }
        }
        for (const f of flows) {
          const first = f.points[0], last = f.points[f.points.length - 1];
          for (const s of shapes) {
            if (inside(first, s, 2) || inside(last, s, 2)) continue;
            const box = {l: s.l + 2, t: s.t + 2, r: s.r - 2, b: s.b - 2};
            if (segments(f).some(([a, b]) => Math.min(Math.max(a.x, b.x), box.r) >= Math.max(Math.min(a.x, b.x), box.l)
                && Math.min(Math.max(a.y, b.y), box.b) >= Math.max(Math.min(a.y, b.y), box.t))) {
              problems.push('flow ' + f.id + ' runs through ' + s.id);
            }
          }
        }
        return {shapes: shapes.length, flows: flows.length, problems};
      }
      """;

  private String baseUrl() {
    return "http://localhost:" + port;
  }

  private static void searchByBusinessKey(Page page, String businessKey) {
    Locator search = page.locator("[cam-widget-search] input.main-field");
    search.click();
    search.fill("流程实例业务标识");
    page.locator("ul.dropdown-menu li:visible")
        .getByText("流程实例业务标识", new Locator.GetByTextOptions().setExact(true)).click();
    Locator pill = page.locator("[cam-widget-search] [cam-widget-search-pill]").last();
    Locator value = pill.locator("input[type=text]");
    value.fill(businessKey);
    value.press("Enter");
    assertThat(pill).containsText(businessKey);
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
