package cn.tuoyu.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import cn.tuoyu.identity.DemoUsers;
import cn.tuoyu.identity.TasklistFilters;
import cn.tuoyu.support.Browser;
import cn.tuoyu.support.Browser.Person;
import cn.tuoyu.support.EngineRest.Response;
import cn.tuoyu.support.IntegrationTest;
import cn.tuoyu.support.ProbeModels;
import cn.tuoyu.support.ProbeModels.Multipart;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Camunda webapps in a real Chromium, as the people who use them: a county clerk in Tasklist,
 * the city supervisor in Cockpit, a clerk and the administrator at Admin, in a Chinese and an
 * English browser. Every step is a click on the real page; screenshots go to target/screenshots.
 */
class WebappsBrowserIT extends IntegrationTest {

  @RegisterExtension
  static final Browser browser = new Browser();

  /**
   * Labels of the English webapps that must not be left on a Chinese screen. Checked only against
   * text a person can see (see {@link Person#visibleTexts()}). Not listed: English that the
   * translation files cannot reach because Camunda hard-codes it ("Failed Job" in Cockpit's
   * incident table, "Actions" over Cockpit's variable table, the app names Cockpit/Tasklist/Admin/
   * Welcome in the header's app menu) or that comes from the server ("Forbidden" after a refused
   * login).
   */
  static final List<String> ENGLISH_LABELS = List.of("Claim", "Complete", "Filter", "Filters",
      "Processes", "Dashboard", "Users", "Groups", "Logout", "Start process", "Add a simple filter");

  private static final String CHINESE = "zh-CN";
  private static final String ENGLISH = "en-US";
  private static final String PW = DemoUsers.PASSWORD;
  private static final String CLERK = "baota-health-clerk";
  private static final String CLERK_NAME = "王丽";
  private static final String SUPERVISOR = "city-supervisor";
  private static final String BAOTA = "610602";

  static final String INCIDENT_KEY = "IncidentProbeProcess";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;

  /** The test models are deployed once per test class (the fluent builder's ids differ at every call). */
  private static boolean deployed;

  @BeforeEach
  void deployTestProcesses() {
    if (deployed) {
      return;
    }
    deploy("access-probe", ProbeModels.PROCESS_KEY + ".bpmn", ProbeModels.accessProbe());
    deploy("incident-probe", INCIDENT_KEY + ".bpmn", failingServiceProcess());
    deployed = true;
  }

  @Test
  void countyClerkClaimsADepartmentTaskInChineseTasklist() {
    String taskId = startProbeCase(BAOTA, "health");
    Person clerk = browser.person(baseUrl(), CHINESE);
    Page page = clerk.page();

    clerk.openLogin("tasklist");
    assertThat(page.locator("form[name=signinForm] button[type=submit]")).hasText("登录");
    assertThat(page.locator("form[name=signinForm] input[type=text]")).hasAttribute("placeholder", "用户名");
    assertThat(page.locator("form[name=signinForm] input[type=password]")).hasAttribute("placeholder", "密码");
    assertChineseScreen(clerk, "tasklist-login");
    clerk.screenshot("tasklist-login");

    clerk.submitLogin(CLERK, PW).awaitLoggedIn();
    assertThat(page.locator(".brand-name")).hasText("托育机构监管业务平台 任务中心");
    for (String filter : List.of(TasklistFilters.MY_TASKS, TasklistFilters.DEPARTMENT_TASKS, TasklistFilters.DUE_SOON)) {
      assertThat(filterEntry(page, filter)).isVisible();
    }
    assertThat(page.locator(".start-process-action")).hasText("发起流程");

    filterEntry(page, TasklistFilters.DEPARTMENT_TASKS).click();
    assertThat(page.locator(".task-filter.active")).containsText(TasklistFilters.DEPARTMENT_TASKS);
    Locator listedTask = taskInList(page, taskId);
    assertThat(listedTask).isVisible();
    assertThat(listedTask).containsText("办理探针任务");
    assertThat(listedTask).containsText("权限探针流程");
    assertThat(page.locator("section.tasks-list")).containsText("创建时间");
    assertChineseScreen(clerk, "tasklist-department-tasks");
    clerk.screenshot("tasklist-department-tasks");

    listedTask.locator("a[href*='task=" + taskId + "']").click();
    Locator task = page.locator("[cam-tasklist-task]");
    assertThat(task.locator("h2.task")).hasText("办理探针任务");
    Locator claim = task.locator("button.claim");
    assertThat(claim).hasText("认领");
    assertThat(task.locator(".nav-tabs")).containsText("表单");
    assertChineseScreen(clerk, "tasklist-task-opened");
    clerk.screenshot("tasklist-task-opened");

    claim.click();
    assertThat(claim).hasCount(0);
    assertThat(task.locator("li.assignee")).containsText(CLERK_NAME);
    assertThat(task.locator("button.unclaim")).isVisible();
    assertThat(task.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("完成").setExact(true))).isEnabled();
    assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo(CLERK);
    assertChineseScreen(clerk, "tasklist-task-claimed");
    clerk.screenshot("tasklist-task-claimed");
  }

  @Test
  void supervisorSeesTheDashboardAndAProcessDiagramInChineseCockpit() {
    startProbeCase(BAOTA, "health");
    Person supervisor = browser.person(baseUrl(), CHINESE).loginCockpit(SUPERVISOR, PW);
    Page page = supervisor.page();

    assertThat(page.locator(".brand-name")).hasText("托育机构监管业务平台 流程监控");
    awaitDashboardLoaded(page);
    Locator dashboard = page.locator("[ng-view]");
    for (String text : List.of("当前", "运行中的流程实例", "未解决的异常", "未完成的人工任务", "已部署", "流程定义", "部署")) {
      assertThat(dashboard.getByText(text, new Locator.GetByTextOptions().setExact(true)).first()).isVisible();
    }
    assertChineseScreen(supervisor, "cockpit-dashboard");
    supervisor.screenshot("cockpit-dashboard");

    openProcessDefinition(page, ProbeModels.PROCESS_KEY);
    assertThat(page.locator("ul.cam-breadcrumb")).containsText("权限探针流程");
    Locator diagram = page.locator(".djs-container");
    assertThat(diagram.locator("[data-element-id='Task_Probe']")).isVisible();
    assertThat(diagram.locator("[data-element-id='Task_Probe']")).containsText("办理探针任务");
    assertThat(diagram.locator(".instances-overlay").first()).isVisible();
    assertThat(page.getByText("定义版本：")).isVisible();
    assertThat(tab(page, "流程实例")).isVisible();
    assertChineseScreen(supervisor, "cockpit-process-definition");
    supervisor.screenshot("cockpit-process-definition");
  }

  @Test
  void supervisorOpensAnIncidentInChineseCockpit() {
    String instanceId = startFailingCase();
    Person supervisor = browser.person(baseUrl(), CHINESE).loginCockpit(SUPERVISOR, PW);
    Page page = supervisor.page();

    awaitDashboardLoaded(page);
    assertThat(page.locator("[ng-view]").getByText("未解决的异常", new Locator.GetByTextOptions().setExact(true)))
        .isVisible();
    openProcessDefinition(page, INCIDENT_KEY);
    Locator failingTask = page.locator(".djs-container [data-element-id='Task_Failing']");
    assertThat(failingTask).containsText("调用失败的服务");
    // The red badge on the failing activity counts its incidents.
    assertThat(page.locator(".djs-overlays[data-container-id='Task_Failing'] .badge-important")).isVisible();
    assertChineseScreen(supervisor, "cockpit-incident-process");
    supervisor.screenshot("cockpit-incident-process");

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(instanceId).setExact(true)).click();
    assertThat(page.locator("ul.cam-breadcrumb")).containsText(instanceId);
    tab(page, "异常").click();
    Locator incidents = page.locator("table.incidents-tab");
    for (String header : List.of("消息", "时间戳", "活动", "失败的活动", "类型", "操作")) {
      assertThat(incidents.locator("thead")).containsText(header);
    }
    Locator incident = incidents.locator("tbody tr");
    assertThat(incident).hasCount(1);
    assertThat(incident).containsText("调用失败的服务");
    assertThat(incident.locator("td.message")).containsText("missing");
    assertThat(page.locator(".ctn-tabbed .nav-tabs li.active")).hasText("异常");
    assertChineseScreen(supervisor, "cockpit-incident");
    supervisor.screenshot("cockpit-incident");
  }

  @Test
  void aClerkIsRefusedByAdmin() {
    Person clerk = browser.person(baseUrl(), CHINESE).openLogin("admin");
    Page page = clerk.page();
    clerk.submitLogin(CLERK, PW);

    // Camunda refuses the login (HTTP 403) and shows its "登录失败" notification; the form stays.
    // The line under it is the server's reason, "Forbidden" (Spring Boot's error body, see ENGLISH_LABELS).
    Locator refusal = page.locator(".notifications .alert-danger");
    assertThat(refusal).isVisible();
    assertThat(refusal).containsText("登录失败");
    assertThat(page.locator("form[name=signinForm] input[type=text]")).isVisible();
    assertThat(page.locator("[cam-widget-header] li.account")).hasCount(0);
    assertThat(page.locator(".sections-menu a[href='#/users']")).hasCount(0);
    assertChineseScreen(clerk, "admin-clerk-refused");
    clerk.screenshot("admin-clerk-refused");

    // No Admin session came of it: the user list still asks for a login.
    page.navigate(baseUrl() + "/camunda/app/admin/default/#/users");
    page.reload();
    page.waitForLoadState(LoadState.NETWORKIDLE);
    assertThat(page.locator("form[name=signinForm] input[type=text]")).isVisible();
    assertThat(page.getByText("用户列表", new Page.GetByTextOptions().setExact(true))).hasCount(0);
  }

  @Test
  void adminSeesUsersAndTheClerkGroupsAuthorizationsInChinese() {
    Person admin = browser.person(baseUrl(), CHINESE).loginAdmin(DemoUsers.ADMIN_ID, DemoUsers.ADMIN_PASSWORD);
    Page page = admin.page();
    assertThat(page.locator(".brand-name")).hasText("托育机构监管业务平台 系统管理");

    page.locator(".sections-menu a[href='#/users']").click();
    assertThat(page.getByText("用户列表", new Page.GetByTextOptions().setExact(true))).isVisible();
    Locator users = page.locator("table").first();
    for (String header : List.of("ID", "名", "姓", "电子邮箱", "操作")) {
      assertThat(users.locator("thead")).containsText(header);
    }
    Locator clerkRow = users.locator("tbody tr").filter(new Locator.FilterOptions().setHasText(CLERK));
    assertThat(clerkRow).containsText(CLERK_NAME);
    assertThat(clerkRow).containsText("宝塔区卫健局经办");
    assertThat(clerkRow.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("编辑"))).isVisible();
    assertChineseScreen(admin, "admin-users");
    admin.screenshot("admin-users");

    // Admin has no authorization tab on a group: its grants are listed per resource type.
    page.locator(".sections-menu a[href^='#/authorization']").click();
    page.locator("aside, .ctn-sidebar, [ng-view]").getByRole(AriaRole.LINK,
        new Locator.GetByRoleOptions().setName("应用").setExact(true)).first().click();
    assertThat(page.locator("h1, h2, h3").filter(new Locator.FilterOptions().setHasText("应用 授权")).first())
        .isVisible();
    Locator grants = page.locator("table").filter(new Locator.FilterOptions().setHasText("用户 / 用户组"));
    for (String header : List.of("类型", "用户 / 用户组", "权限", "资源 ID", "操作")) {
      assertThat(grants.locator("thead")).containsText(header);
    }
    Locator clerkGrants = grants.locator("tbody tr").filter(new Locator.FilterOptions()
        .setHas(page.getByText("clerk", new Page.GetByTextOptions().setExact(true))));
    assertThat(clerkGrants).hasCount(1);
    assertThat(clerkGrants).containsText("允许");
    assertThat(clerkGrants).containsText("ACCESS");
    assertThat(clerkGrants).containsText("tasklist");
    assertChineseScreen(admin, "admin-group-authorizations");
    admin.screenshot("admin-group-authorizations");
  }

  @Test
  void anEnglishBrowserGetsEnglishAndAChineseBrowserChineseAgain() {
    String taskId = startProbeCase(BAOTA, "health");

    Person english = browser.person(baseUrl(), ENGLISH);
    Page page = english.page();
    english.openLogin("tasklist");
    assertThat(page.locator("form[name=signinForm] button[type=submit]")).hasText("Log in");
    english.submitLogin(CLERK, PW).awaitLoggedIn();
    assertThat(page.locator(".start-process-action")).hasText("Start process");
    assertThat(page.locator(".create-task-action")).hasText("Create task");
    filterEntry(page, TasklistFilters.DEPARTMENT_TASKS).click();
    taskInList(page, taskId).locator("a[href*='task=" + taskId + "']").click();
    assertThat(page.locator("[cam-tasklist-task] button.claim")).hasText("Claim");
    assertThat(page.locator("[cam-tasklist-task] .nav-tabs")).containsText("Form");
    assertThat(english.visibleTexts()).contains("Claim", "Start process");
    english.screenshot("tasklist-english");

    Person chinese = browser.person(baseUrl(), CHINESE);
    page = chinese.page();
    chinese.openLogin("tasklist");
    assertThat(page.locator("form[name=signinForm] button[type=submit]")).hasText("登录");
    chinese.submitLogin(CLERK, PW).awaitLoggedIn();
    assertThat(page.locator(".start-process-action")).hasText("发起流程");
    filterEntry(page, TasklistFilters.DEPARTMENT_TASKS).click();
    taskInList(page, taskId).locator("a[href*='task=" + taskId + "']").click();
    assertThat(page.locator("[cam-tasklist-task] button.claim")).hasText("认领");
    assertChineseScreen(chinese, "tasklist-chinese-again");
    chinese.screenshot("tasklist-chinese-again");
  }

  // --- the screens ---

  /** No label of {@link #ENGLISH_LABELS} among the texts the person can see. */
  private static void assertChineseScreen(Person person, String screen) {
    List<String> texts = person.visibleTexts();
    List<String> english = ENGLISH_LABELS.stream()
        .filter(label -> texts.stream().anyMatch(text -> word(label).matcher(text).find()))
        .toList();
    assertThat(english).as("English labels on the Chinese screen %s; visible texts: %s", screen, texts).isEmpty();
    assertThat(texts).as("Chinese texts on %s", screen)
        .anyMatch(text -> text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
  }

  private static Pattern word(String label) {
    return Pattern.compile("(?<![A-Za-z])" + Pattern.quote(label) + "(?![A-Za-z])");
  }

  private static Locator filterEntry(Page page, String name) {
    return page.locator(".task-filter").filter(new Locator.FilterOptions()
        .setHas(page.locator("h4.name a").filter(new Locator.FilterOptions().setHasText(name))));
  }

  private static Locator taskInList(Page page, String taskId) {
    return page.locator(".tasks-list li.task").filter(new Locator.FilterOptions()
        .setHas(page.locator("a[href*='task=" + taskId + "']")));
  }

  /** A tab of Cockpit's lower panel (流程实例, 异常, 变量 …). */
  private static Locator tab(Page page, String name) {
    return page.locator(".ctn-tabbed .nav-tabs li")
        .getByText(name, new Locator.GetByTextOptions().setExact(true));
  }

  /** The dashboard shows its figures greyed out until they are loaded. */
  private static void awaitDashboardLoaded(Page page) {
    for (String section : List.of("section.actual", "section.deployed")) {
      assertThat(page.locator(section)).isVisible();
      assertThat(page.locator(section)).not().hasClass(Pattern.compile("\\bloading\\b"));
    }
  }

  /**
   * From anywhere in Cockpit: header 流程, then the definition's key in the list; waits for its
   * diagram, its version in the side panel and its list of instances.
   */
  private static void openProcessDefinition(Page page, String key) {
    page.locator(".sections-menu a[href='#/processes']").click();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(key).setExact(true)).click();
    assertThat(page.locator(".djs-container svg").first()).isVisible();
    assertThat(page.locator("dd.definition-version")).containsText(Pattern.compile("\\d"));
    assertThat(page.locator(".ctn-tabbed table tbody tr").first()).isVisible();
  }

  // --- the cases ---

  private String baseUrl() {
    return "http://localhost:" + port;
  }

  private void deploy(String name, String fileName, BpmnModelInstance model) {
    // As Camunda Modeler's deploy button does: multipart over HTTP Basic, as the administrator.
    Multipart deployment = ProbeModels.deploymentRequest(name, fileName, Bpmn.convertToString(model));
    Response deployed = as(DemoUsers.ADMIN_ID, DemoUsers.ADMIN_PASSWORD)
        .postMultipart("/engine-rest/deployment/create", deployment.boundary(), deployment.body());
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
  }

  /** Starts a probe case and returns the id of its task. */
  private String startProbeCase(String county, String department) {
    String instanceId = runtime.startProcessInstanceByKey(ProbeModels.PROCESS_KEY, "browser-" + UUID.randomUUID(),
        Map.of("county", county, "department", department)).getId();
    return tasks.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
  }

  /** A process whose only service task always throws, asynchronously: its job ends in an incident. */
  static BpmnModelInstance failingServiceProcess() {
    return Bpmn.createExecutableProcess(INCIDENT_KEY)
        .name("异常探针流程")
        .camundaHistoryTimeToLive(30)
        .startEvent("StartEvent_IncidentStarted").name("开始")
        .serviceTask("Task_Failing").name("调用失败的服务").camundaAsyncBefore()
            .camundaExpression("${execution.getVariable('missing').toString()}")
        .endEvent("EndEvent_IncidentDone").name("结束")
        .done();
  }

  /**
   * Starts a case of the failing process in 宝塔区 and executes its job until the retries are used
   * up and the engine has created the incident (the job executor may take some of the attempts).
   */
  private String startFailingCase() {
    String instanceId = runtime.startProcessInstanceByKey(INCIDENT_KEY, "browser-" + UUID.randomUUID(),
        Map.of("county", BAOTA)).getId();
    long deadline = System.currentTimeMillis() + 60_000;
    while (runtime.createIncidentQuery().processInstanceId(instanceId).count() == 0) {
      if (System.currentTimeMillis() > deadline) {
        fail("no incident for process instance " + instanceId + " after 60 s");
      }
      Job job = management.createJobQuery().processInstanceId(instanceId).singleResult();
      if (job != null && job.getRetries() > 0) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException expected) {
          // The expression throws (or the job executor ran the job at the same moment): one retry used.
        }
      } else {
        pause();
      }
    }
    return instanceId;
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
