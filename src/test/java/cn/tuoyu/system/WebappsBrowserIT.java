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
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
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
   * English of the webapps that must not be left on a Chinese screen, checked against the text a
   * person can see (see {@link Person#visibleTexts()}): labels of the translation files, the texts
   * Camunda hard-codes in its scripts and templates (replaced by app/common/scripts/hardcoded-texts-zh.js:
   * "Failed Job" and "Message is null." in Cockpit's incident table, "Actions" over the variables
   * table, the app names in the header's app menu, bpmn-js's "no diagram to display") and what a
   * server could send after a refused login.
   */
  static final List<String> ENGLISH_LABELS = List.of("Claim", "Complete", "Filter", "Filters",
      "Processes", "Dashboard", "Users", "Groups", "Logout", "Start process", "Add a simple filter",
      "Failed Job", "failedJob", "failedExternalTask", "Message is null", "Actions", "Cockpit", "Tasklist",
      "Admin", "Welcome", "no diagram to display", "Login Failed", "Forbidden", "Unauthorized");

  /** The browser tab: vendor and app name from scripts/config.js, then " | page" in Cockpit. */
  private static final Pattern TASKLIST_TITLE = Pattern.compile("^托育机构监管业务平台 任务中心( \\| .*)?$");
  private static final Pattern COCKPIT_TITLE = Pattern.compile("^托育机构监管业务平台 流程监控( \\| .*)?$");
  private static final Pattern ADMIN_TITLE = Pattern.compile("^托育机构监管业务平台 系统管理( \\| .*)?$");

  private static final String CHINESE = "zh-CN";
  private static final String ENGLISH = "en-US";
  private static final String PW = DemoUsers.PASSWORD;
  private static final String CLERK = "baota-health-clerk";
  private static final String CLERK_NAME = "王丽";
  private static final String SUPERVISOR = "city-supervisor";
  private static final String BAOTA = "610602";

  static final String INCIDENT_KEY = "IncidentProbeProcess";
  static final String NO_DIAGRAM_KEY = "NoDiagramProbeProcess";
  private static final String EXTERNAL_TOPIC = "probe-external-service";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired ExternalTaskService externalTasks;

  /** The test models are deployed once per test class (the fluent builder's ids differ at every call). */
  private static boolean deployed;

  @BeforeEach
  void deployTestProcesses() {
    if (deployed) {
      return;
    }
    deploy("access-probe", ProbeModels.PROCESS_KEY + ".bpmn", Bpmn.convertToString(ProbeModels.accessProbe()));
    deploy("incident-probe", INCIDENT_KEY + ".bpmn", Bpmn.convertToString(failingServiceProcess()));
    deploy("no-diagram-probe", NO_DIAGRAM_KEY + ".bpmn", NO_DIAGRAM_XML);
    deployed = true;
  }

  @Test
  void countyClerkClaimsADepartmentTaskInChineseTasklist() {
    String taskId = startProbeCase(BAOTA, "health");
    Person clerk = browser.person(baseUrl(), CHINESE);
    Page page = clerk.page();

    clerk.openLogin("tasklist");
    assertThat(page).hasTitle(TASKLIST_TITLE);
    assertThat(page.locator("form[name=signinForm] button[type=submit]")).hasText("登录");
    assertThat(page.locator("form[name=signinForm] input[type=text]")).hasAttribute("placeholder", "用户名");
    assertThat(page.locator("form[name=signinForm] input[type=password]")).hasAttribute("placeholder", "密码");
    assertChineseScreen(clerk, "tasklist-login");
    clerk.screenshot("tasklist-login");

    // Before the login the app menu offers every other app, Welcome (门户) included.
    assertThat(openAppMenu(page)).hasText(new String[] {"门户", "系统管理", "流程监控"});
    assertChineseScreen(clerk, "tasklist-login-app-menu");
    clerk.screenshot("tasklist-login-app-menu");
    closeAppMenu(page);

    // A wrong password: Camunda's own translated reason, the server sends no text of its own. An
    // account no other test uses: the engine makes an account wait a few seconds after a failed login.
    clerk.submitLogin("yanchang-establishment-clerk", "wrong-" + PW);
    assertLoginRefused(page);
    assertChineseScreen(clerk, "tasklist-wrong-password");
    clerk.screenshot("tasklist-wrong-password");

    clerk.submitLogin(CLERK, PW).awaitLoggedIn();
    assertThat(page).hasTitle(TASKLIST_TITLE);
    assertThat(page.locator(".brand-name")).hasText("托育机构监管业务平台 任务中心");
    assertEachFilterOnce(page);
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
  void aSupervisorsDepartmentFilterListsTheirDepartmentsTasksOnly() {
    String healthTask = startProbeCase(BAOTA, "health");
    String approvalTask = startProbeCase(BAOTA, "approval");
    // 宝塔区 卫健 supervisor: reads both tasks of the county, but 本部门待办 is 卫健's.
    Person supervisor = browser.person(baseUrl(), CHINESE).loginTasklist("baota-supervisor", PW);
    Page page = supervisor.page();
    assertEachFilterOnce(page);

    filterEntry(page, TasklistFilters.DEPARTMENT_TASKS).click();
    assertThat(page.locator(".task-filter.active")).containsText(TasklistFilters.DEPARTMENT_TASKS);
    assertThat(taskInList(page, healthTask)).isVisible();
    assertThat(taskInList(page, approvalTask)).hasCount(0);
    supervisor.screenshot("tasklist-supervisor-department-tasks");
  }

  /** The three filters, each once: clerks and supervisors read different 本部门待办 of the same name. */
  private static void assertEachFilterOnce(Page page) {
    for (String filter : List.of(TasklistFilters.MY_TASKS, TasklistFilters.DEPARTMENT_TASKS, TasklistFilters.DUE_SOON)) {
      assertThat(filterEntry(page, filter)).hasCount(1);
    }
    assertThat(page.locator(".task-filter")).hasCount(3);
  }

  @Test
  void supervisorSeesTheDashboardAndAProcessDiagramInChineseCockpit() {
    startProbeCase(BAOTA, "health");
    Person supervisor = browser.person(baseUrl(), CHINESE).loginCockpit(SUPERVISOR, PW);
    Page page = supervisor.page();

    assertThat(page.locator(".brand-name")).hasText("托育机构监管业务平台 流程监控");
    awaitDashboardLoaded(page);
    assertThat(page).hasTitle(COCKPIT_TITLE);
    Locator dashboard = page.locator("[ng-view]");
    for (String text : List.of("当前", "运行中的流程实例", "未解决的异常", "未完成的人工任务", "已部署", "流程定义", "部署")) {
      assertThat(dashboard.getByText(text, new Locator.GetByTextOptions().setExact(true)).first()).isVisible();
    }
    assertChineseScreen(supervisor, "cockpit-dashboard");
    supervisor.screenshot("cockpit-dashboard");

    // The supervisor may also use Tasklist; Admin and Welcome are not offered after the login.
    assertThat(openAppMenu(page)).hasText(new String[] {"任务中心"});
    assertChineseScreen(supervisor, "cockpit-app-menu");
    supervisor.screenshot("cockpit-app-menu");
    closeAppMenu(page);

    page.locator(".sections-menu a[href='#/processes']").click();
    assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(ProbeModels.PROCESS_KEY).setExact(true)))
        .isVisible();
    assertThat(page).hasTitle(COCKPIT_TITLE);
    assertChineseScreen(supervisor, "cockpit-processes");
    supervisor.screenshot("cockpit-processes");
    // A tooltip that Camunda writes in English into its template.
    page.locator(".processes-dashboard .section-toggle").hover();
    assertThat(page.locator(".tooltip-inner")).hasText("展开/收起此部分");

    // A model deployed without diagram: Cockpit shows bpmn-js's reason after its own heading.
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(NO_DIAGRAM_KEY).setExact(true)).click();
    Locator noDiagram = page.locator("[cam-widget-bpmn-viewer] .alert-danger");
    assertThat(noDiagram).isVisible();
    assertThat(noDiagram).containsText("模型中没有可显示的流程图");
    assertChineseScreen(supervisor, "cockpit-no-diagram");
    supervisor.screenshot("cockpit-no-diagram");

    openProcessDefinition(page, ProbeModels.PROCESS_KEY);
    assertThat(page.locator("ul.cam-breadcrumb")).containsText("权限探针流程");
    Locator diagram = page.locator(".djs-container");
    assertThat(diagram.locator("[data-element-id='Task_Probe']")).isVisible();
    assertThat(diagram.locator("[data-element-id='Task_Probe']")).containsText("办理探针任务");
    assertThat(diagram.locator(".instances-overlay").first()).isVisible();
    assertThat(page.getByText("定义版本：")).isVisible();
    assertThat(tab(page, "流程实例")).isVisible();
    Locator zoomIn = page.locator("[cam-widget-bpmn-viewer] .navigation button.in");
    assertThat(zoomIn).hasAttribute("title", "放大");
    assertChineseScreen(supervisor, "cockpit-process-definition");
    supervisor.screenshot("cockpit-process-definition");

    page.navigate(baseUrl() + "/camunda/app/cockpit/default/#/repository");
    assertThat(page.locator("[ng-view]").getByText("incident-probe").first()).isVisible();
    assertChineseScreen(supervisor, "cockpit-deployments");
    supervisor.screenshot("cockpit-deployments");
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
    assertThat(incidents.locator("tbody tr")).hasCount(2);
    Locator failedJob = incidents.locator("tbody tr").filter(new Locator.FilterOptions().setHasText("调用失败的服务"));
    assertThat(failedJob.locator("td.message")).containsText("missing");
    assertThat(failedJob.locator("td.type")).hasText("作业执行失败");
    Locator failedExternalTask = incidents.locator("tbody tr").filter(new Locator.FilterOptions().setHasText("调用外部服务"));
    assertThat(failedExternalTask.locator("td.message")).containsText("外部服务不可用");
    assertThat(failedExternalTask.locator("td.type")).hasText("外部任务执行失败");
    assertThat(page.locator(".ctn-tabbed .nav-tabs li.active")).hasText("异常");
    assertThat(page).hasTitle(COCKPIT_TITLE);
    assertChineseScreen(supervisor, "cockpit-incident");
    supervisor.screenshot("cockpit-incident");

    tab(page, "变量").click();
    Locator variables = page.locator("[cam-widget-variables-table] table");
    assertThat(variables.locator("tbody tr").filter(new Locator.FilterOptions().setHasText("county"))).containsText(BAOTA);
    assertThat(variables.locator("thead .actions")).hasText("操作");
    assertChineseScreen(supervisor, "cockpit-instance-variables");
    supervisor.screenshot("cockpit-instance-variables");

    // Data is never translated: a variable named and valued like Camunda's hard-coded English stays.
    runtime.setVariable(instanceId, "Actions", "Failed Job");
    page.reload();
    tab(page, "变量").click();
    Locator dataRow = variables.locator("tbody tr").filter(new Locator.FilterOptions().setHasText("Failed Job"));
    assertThat(dataRow.locator("td.col-name")).hasText("Actions");
    assertThat(dataRow.locator("td.col-value")).hasText("Failed Job");
    assertThat(variables.locator("thead .actions")).hasText("操作");
  }

  @Test
  void aClerkIsRefusedByAdmin() {
    Person clerk = browser.person(baseUrl(), CHINESE).openLogin("admin");
    Page page = clerk.page();
    clerk.submitLogin(CLERK, PW);

    // Camunda refuses the login (HTTP 403) and shows its "登录失败" notification; the form stays.
    // The server sends no reason of its own (server.error.include-message: never), so the line under
    // it is Camunda's translated one, as for a wrong password.
    assertLoginRefused(page);
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
    assertThat(page).hasTitle(ADMIN_TITLE);

    assertThat(openAppMenu(page)).hasText(new String[] {"流程监控", "任务中心"});
    assertChineseScreen(admin, "admin-app-menu");
    admin.screenshot("admin-app-menu");
    closeAppMenu(page);

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

    page.locator(".sections-menu a[href='#/groups']").click();
    Locator groups = page.locator("table").first();
    Locator clerkGroup = groups.locator("tbody tr").filter(new Locator.FilterOptions()
        .setHas(page.getByText("clerk", new Page.GetByTextOptions().setExact(true))));
    assertThat(clerkGroup).hasCount(1);
    assertChineseScreen(admin, "admin-groups");
    admin.screenshot("admin-groups");

    clerkGroup.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("编辑")).click();
    assertThat(page.locator("[ng-view] form").first()).isVisible();
    assertThat(page).hasTitle(ADMIN_TITLE);
    assertChineseScreen(admin, "admin-group-edit");
    admin.screenshot("admin-group-edit");

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
    String failingInstanceId = startFailingCase();

    Person english = browser.person(baseUrl(), ENGLISH);
    Page page = english.page();
    english.openLogin("tasklist");
    assertThat(page.locator("form[name=signinForm] button[type=submit]")).hasText("Log in");
    // Camunda's own English stays: the app menu, as hard-coded in its header.
    assertThat(openAppMenu(page)).hasText(new String[] {"Welcome", "Admin", "Cockpit"});
    closeAppMenu(page);
    english.submitLogin(CLERK, PW).awaitLoggedIn();
    assertThat(page.locator(".start-process-action")).hasText("Start process");
    assertThat(page.locator(".create-task-action")).hasText("Create task");
    filterEntry(page, TasklistFilters.DEPARTMENT_TASKS).click();
    taskInList(page, taskId).locator("a[href*='task=" + taskId + "']").click();
    assertThat(page.locator("[cam-tasklist-task] button.claim")).hasText("Claim");
    assertThat(page.locator("[cam-tasklist-task] .nav-tabs")).containsText("Form");
    assertThat(english.visibleTexts()).contains("Claim", "Start process");
    english.screenshot("tasklist-english");

    Person englishSupervisor = browser.person(baseUrl(), ENGLISH).loginCockpit(SUPERVISOR, PW);
    page = englishSupervisor.page();
    page.navigate(baseUrl() + "/camunda/app/cockpit/default/#/process-instance/" + failingInstanceId
        + "/runtime?tab=incidents-tab");
    Locator incidentTypes = page.locator("table.incidents-tab tbody td.type");
    assertThat(incidentTypes).hasCount(2);
    assertThat(incidentTypes.filter(new Locator.FilterOptions().setHasText("Failed Job"))).hasCount(1);
    assertThat(incidentTypes.filter(new Locator.FilterOptions().setHasText("failedExternalTask"))).hasCount(1);
    tab(page, "Variables").click();
    Locator englishVariables = page.locator("[cam-widget-variables-table] table");
    assertThat(englishVariables.locator("tbody tr").filter(new Locator.FilterOptions().setHasText("county")))
        .containsText(BAOTA);
    assertThat(englishVariables.locator("thead .actions")).hasText("Actions");
    assertThat(englishSupervisor.visibleTexts()).contains("Actions", "Variables");
    englishSupervisor.screenshot("cockpit-english-variables");

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
    // Our customScripts module must load under Camunda's content security policy and run without errors.
    assertThat(person.consoleErrors()).as("console errors on %s", screen)
        .noneMatch(error -> error.contains("Content Security Policy") || error.contains("hardcoded-texts-zh"));
    assertThat(texts).as("Chinese texts on %s", screen)
        .anyMatch(text -> text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
  }

  /**
   * Camunda's refusal of a login: its notification 登录失败 with its own translated reason, no text
   * from the server.
   */
  private static void assertLoginRefused(Page page) {
    Locator refusal = page.locator(".notifications .alert-danger");
    assertThat(refusal).isVisible();
    assertThat(refusal).containsText("登录失败");
    assertThat(refusal).containsText("用户名或密码错误、用户已被锁定，或没有访问本应用的权限");
  }

  /** Opens the app menu behind the home icon at the top right and returns its entries. */
  private static Locator openAppMenu(Page page) {
    Locator menu = page.locator("[cam-widget-header] li.app-switch");
    menu.locator("a.dropdown-toggle").click();
    Locator entries = menu.locator(".dropdown-menu li a");
    assertThat(entries.first()).isVisible();
    return entries;
  }

  private static void closeAppMenu(Page page) {
    page.keyboard().press("Escape");
    assertThat(page.locator("[cam-widget-header] li.app-switch .dropdown-menu")).not().isVisible();
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

  private void deploy(String name, String fileName, String xml) {
    // As Camunda Modeler's deploy button does: multipart over HTTP Basic, as the administrator.
    Multipart deployment = ProbeModels.deploymentRequest(name, fileName, xml);
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

  /**
   * Two failing branches: a service task that always throws, asynchronously (its job ends in an
   * incident of type failedJob), and an external task whose worker gives up (failedExternalTask).
   */
  static BpmnModelInstance failingServiceProcess() {
    return Bpmn.createExecutableProcess(INCIDENT_KEY)
        .name("异常探针流程")
        .camundaHistoryTimeToLive(30)
        .startEvent("StartEvent_IncidentStarted").name("开始")
        .parallelGateway("Gateway_Split")
        .serviceTask("Task_Failing").name("调用失败的服务").camundaAsyncBefore()
            .camundaExpression("${execution.getVariable('missing').toString()}")
        .parallelGateway("Gateway_Join")
        .endEvent("EndEvent_IncidentDone").name("结束")
        .moveToNode("Gateway_Split")
        .serviceTask("Task_External").name("调用外部服务").camundaExternalTask(EXTERNAL_TOPIC)
        .connectTo("Gateway_Join")
        .done();
  }

  /** A model as some tools write it: a process without BPMNDiagram, nothing for bpmn-js to draw. */
  private static final String NO_DIAGRAM_XML = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_NoDiagram"
          targetNamespace="http://tuoyu.cn/probe">
        <bpmn:process id="NoDiagramProbeProcess" name="无流程图探针流程" isExecutable="true"
            camunda:historyTimeToLive="30">
          <bpmn:startEvent id="StartEvent_NoDiagram" />
          <bpmn:sequenceFlow id="Flow_NoDiagram" sourceRef="StartEvent_NoDiagram" targetRef="EndEvent_NoDiagram" />
          <bpmn:endEvent id="EndEvent_NoDiagram" />
        </bpmn:process>
      </bpmn:definitions>
      """;

  /**
   * Starts a case of the failing process in 宝塔区, lets a worker give up on its external task and
   * executes its job until the retries are used up and the engine has created both incidents (the
   * job executor may take some of the attempts).
   */
  private String startFailingCase() {
    String businessKey = "browser-" + UUID.randomUUID();
    String instanceId = runtime.startProcessInstanceByKey(INCIDENT_KEY, businessKey, Map.of("county", BAOTA)).getId();
    String worker = "browser-test-worker";
    LockedExternalTask external = externalTasks.fetchAndLock(1, worker).topic(EXTERNAL_TOPIC, 60_000)
        .businessKey(businessKey).execute().get(0);
    externalTasks.handleFailure(external.getId(), worker, "外部服务不可用", 0, 0);
    long deadline = System.currentTimeMillis() + 60_000;
    while (runtime.createIncidentQuery().processInstanceId(instanceId).incidentType("failedJob").count() == 0) {
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
