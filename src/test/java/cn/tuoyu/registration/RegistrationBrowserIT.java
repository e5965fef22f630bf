package cn.tuoyu.registration;

import static cn.tuoyu.support.Browser.enter;
import static cn.tuoyu.support.TasklistPage.choose;
import static cn.tuoyu.support.TasklistPage.containing;
import static cn.tuoyu.support.TasklistPage.error;
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
import cn.tuoyu.identity.Department;
import cn.tuoyu.identity.TaskAudience;
import cn.tuoyu.identity.TasklistFilters;
import cn.tuoyu.institution.CreditCode;
import cn.tuoyu.institution.Institution;
import cn.tuoyu.institution.InstitutionNature;
import cn.tuoyu.institution.InstitutionRepository;
import cn.tuoyu.institution.InstitutionStatus;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 登记备案衔接 in a real Chromium, as the people who work it: the county health clerk reviews a
 * filing in Tasklist, the public finds the filed institution on the disclosure page, the city
 * supervisor looks at the process in Cockpit, and a registration clerk enters a registration
 * through the start form. Screenshots go to target/screenshots.
 */
class RegistrationBrowserIT extends IntegrationTest {

  @RegisterExtension
  static final Browser browser = new Browser();

  private static final String CHINESE = "zh-CN";
  private static final String PW = DemoUsers.PASSWORD;
  private static final String BAOTA = "610602";
  private static final String HEALTH_CLERK = "baota-health-clerk";
  private static final String HEALTH_CLERK_NAME = "王丽";
  private static final String APPROVAL_CLERK = "baota-approval-clerk";
  private static final String SUPERVISOR = "city-supervisor";
  /** The legal representative of {@link RegistrationFixtures#registration}: registered, but never public. */
  private static final String LEGAL_REPRESENTATIVE = "王建华";
  /** An 18-character ID number (身份证号) anywhere in a text. */
  private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");
  /** English a Chinese screen must not show (the buttons and labels of Tasklist and form-js). */
  private static final List<String> ENGLISH_LABELS = List.of("Claim", "Complete", "Save", "Start", "Close", "Back",
      "Select", "Submit", "Reset", "No results");
  private static final Locator.GetByLabelOptions EXACT = new Locator.GetByLabelOptions().setExact(true);

  @Autowired InstitutionRepository institutions;

  /** Steps 1–3: filed through the portal, reviewed in Tasklist, then listed as filed on the public page. */
  @Test
  void countyHealthClerkApprovesAFilingInTasklistAndThePublicSeesItFiled() {
    Filed filed = registerAndFile();

    // --- Tasklist: 本部门待办, found by the institution's credit code among whatever else is open ---
    Person clerk = browser.person(baseUrl(), CHINESE).loginTasklist(HEALTH_CLERK, PW);
    Page page = clerk.page();
    filterEntry(page, TasklistFilters.DEPARTMENT_TASKS).click();
    assertThat(page.locator(".task-filter.active")).containsText(TasklistFilters.DEPARTMENT_TASKS);
    searchByBusinessKey(page, filed.creditCode());
    Locator listed = page.locator(".tasks-list li.task");
    assertThat(listed).hasCount(1);
    assertThat(listed).containsText("审核备案材料");
    assertThat(listed).containsText("托育机构登记备案衔接");
    listed.locator("a[href*='task=" + filed.reviewTaskId() + "']").click();

    Locator task = page.locator("[cam-tasklist-task]");
    assertThat(task.locator("h2.task")).hasText("审核备案材料");
    Locator claim = task.locator("button.claim");
    assertThat(claim).hasText("认领");
    claim.click();
    assertThat(claim).hasCount(0);
    assertThat(task.locator("li.assignee")).containsText(HEALTH_CLERK_NAME);

    // --- the Camunda Form with the case's data ---
    Locator form = task.locator("form.fjs-form");
    String staffId = filed.filing().staff().get(0).idNumber();
    assertThat(form.getByLabel("机构登记信息", EXACT)).hasValue(containing("机构名称：" + filed.name()));
    assertThat(form.getByLabel("自动核验结果", EXACT)).hasValue(containing("黑名单比对：未命中"));
    assertThat(form.getByLabel("备案材料", EXACT)).hasValue(containing("消防安全："));
    assertThat(form.getByLabel("人员名单", EXACT)).hasValue(containing(staffId));
    assertThat(form.getByLabel("人员名单", EXACT)).isDisabled();
    assertThat(form.getByLabel("机构登记信息", EXACT)).not().isEditable();

    // Tasklist clips its panels to the window: read and photograph the form in a window tall enough for all of it.
    List<String> texts = onWholePage(clerk, () -> {
      clerk.screenshot("registration-review-form");
      return formTexts(clerk);
    });
    assertThat(texts).as("what the reviewer can read").contains("审核备案材料", "机构登记信息", "自动核验结果",
        "备案材料", "人员名单", "审核结论", "审核意见", "予以备案", "退回补正", "不予备案", "完成");
    assertThat(texts).anyMatch(t -> t.contains("机构名称：" + filed.name()));
    assertThat(texts).anyMatch(t -> t.contains("所在区县：宝塔区"));
    assertThat(texts).anyMatch(t -> t.contains("消防安全：消防验收合格"));
    assertThat(texts).anyMatch(t -> t.contains("黑名单比对：未命中"));
    assertThat(texts).anyMatch(t -> t.contains("持证上岗率：100.0%（目标 ≥ 90%，达标）"));
    assertThat(texts).anyMatch(t -> t.contains("身份证号校验：全部有效"));
    assertThat(texts).as("the full ID number of %s in the staff list", filed.filing().staff().get(0).name())
        .anyMatch(t -> t.contains(staffId));
    assertNoEnglish(texts, "registration-review-form", List.of());

    // --- 予以备案 and 完成 ---
    form.getByLabel("予以备案", EXACT).check();
    assertThat(form.getByLabel("予以备案", EXACT)).isChecked();
    task.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("完成").setExact(true)).click();
    assertThat(page.locator(".tasks-list li.task")).hasCount(0);
    assertThat(page.locator(".tasks-list")).containsText("没有符合过滤条件的任务");
    assertThat(page.locator("[cam-tasklist-task] h2.task")).hasCount(0);
    EngineRest health = as(HEALTH_CLERK, PW);
    assertThat(health.get("/engine-rest/task/" + filed.reviewTaskId()).status()).isEqualTo(404);
    assertThat(tasks(health, filed.creditCode(), null)).isEmpty();
    Institution registry = await("the registry to say FILED for " + filed.creditCode(),
        () -> institutions.find(filed.creditCode()).filter(i -> i.status() == InstitutionStatus.FILED));
    assertThat(registry.filingReceiptNo()).startsWith("托备〔").contains(BAOTA);
    assertThat(registry.filedAt()).isNotNull();
    clerk.screenshot("registration-review-completed");

    // --- 信息公示: anyone, no login ---
    Person citizen = browser.person(baseUrl(), CHINESE);
    Page disclosure = citizen.page();
    disclosure.navigate(baseUrl() + "/public/institutions.html");
    assertThat(disclosure.locator("h1")).hasText("托育机构信息公示");
    disclosure.getByLabel("机构名称").fill(filed.name());
    disclosure.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查询").setExact(true)).click();
    Locator rows = disclosure.locator("#results tbody tr");
    assertThat(rows).hasCount(1);
    Locator row = rows.first();
    assertThat(row.locator("td[data-label='机构名称']")).containsText(filed.name());
    assertThat(row.locator("td[data-label='统一社会信用代码']")).hasText(filed.creditCode());
    assertThat(row.locator("td[data-label='所在区县']")).hasText("宝塔区");
    assertThat(row.locator("td[data-label='备案状态']")).hasText("已备案");
    assertThat(row.locator("td[data-label='备案日期']"))
        .hasText(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
    assertThat(disclosure.locator("#summary")).hasText("共 1 家机构");
    List<String> publicTexts = citizen.visibleTexts();
    assertThat(publicTexts).contains("已备案", "宝塔区");
    String html = disclosure.content();
    assertThat(html).as("the public page names no legal representative").doesNotContain(LEGAL_REPRESENTATIVE);
    assertThat(html).as("the public page shows no ID number").doesNotContainPattern(ID_NUMBER);
    for (var staff : filed.filing().staff()) {
      assertThat(html).doesNotContain(staff.idNumber()).doesNotContain(staff.name());
    }
    citizen.screenshot("public-institutions");
  }

  /** Step 4: the process definition in Cockpit, its diagram readable and tidy. */
  @Test
  void citySupervisorSeesATidyRegistrationDiagramInCockpit() {
    String code = newCreditCode();
    register(code, "浏览器测试托育园" + code.substring(11, 17));

    Person supervisor = browser.person(baseUrl(), CHINESE);
    Page page = supervisor.page();
    // A large window: Cockpit fits the diagram into its panel, so the names stay legible on the screenshot.
    page.setViewportSize(1920, 1200);
    supervisor.loginCockpit(SUPERVISOR, PW);
    page.locator(".sections-menu a[href='#/processes']").click();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
        .setName(RegistrationFilingProcess.KEY).setExact(true)).click();
    assertThat(page.locator("ul.cam-breadcrumb")).containsText("托育机构登记备案衔接");
    Locator diagram = page.locator(".djs-container");
    assertThat(diagram.locator("svg").first()).isVisible();
    assertThat(page.locator("dd.definition-version")).containsText(Pattern.compile("\\d"));
    assertThat(page.locator(".ctn-tabbed table tbody tr").first()).isVisible();

    Map<String, String> names = Map.of(
        "StartEvent_RegistrationApproved", "机构已核准登记",
        "Task_PushRegistration", "推送登记信息",
        "Task_AcknowledgeRegistration", "签收登记信息",
        "Task_AwaitFiling", "等待机构提交备案材料",
        "Task_RunFilingChecks", "自动核验备案材料",
        "Task_ReviewFiling", "审核备案材料",
        "Task_IssueFilingReceipt", "出具备案回执",
        "Task_HandleOverdueFiling", "处置逾期未备案",
        "Gateway_ReviewDecision", "审核结论？");
    names.forEach((id, name) -> {
      assertThat(diagram.locator("[data-element-id='" + id + "']")).isVisible();
      // Tasks carry their name inside the shape, events and gateways in a label of their own.
      String named = id.startsWith("Task_") ? id : id + "_label";
      assertThat(diagram.locator("[data-element-id='" + named + "']")).containsText(name);
    });
    // The new case waits for its push and its filing: Cockpit counts it on both.
    assertThat(page.locator(".djs-overlays[data-container-id='Task_PushRegistration'] .instances-overlay")).isVisible();
    assertThat(page.locator(".djs-overlays[data-container-id='Task_AwaitFiling'] .instances-overlay")).isVisible();

    DiagramLayout.Report layout = DiagramLayout.of(page);
    assertThat(layout.shapes()).as("shapes drawn").isGreaterThanOrEqualTo(names.size());
    assertThat(layout.flows()).as("sequence flows drawn").isGreaterThanOrEqualTo(names.size());
    assertThat(layout.problems()).as("overlapping shapes, crossing flows, flows through shapes").isEmpty();
    supervisor.screenshot("cockpit-registration-diagram");
  }

  /** Step 5: the registration clerk's start form in Tasklist starts a case and writes the registry. */
  @Test
  void registrationClerkEntersARegistrationThroughTheStartForm() {
    String code = newCreditCode();
    String name = "浏览器发起托育园" + code.substring(11, 17);
    // Today in Beijing, as a clerk types it: validation counts days in China (ValidationClock), also
    // between 00:00 and 08:00 Beijing time on a UTC server.
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    Person clerk = browser.person(baseUrl(), CHINESE).loginTasklist(APPROVAL_CLERK, PW);
    Page page = clerk.page();
    page.locator(".start-process-action").click();
    Locator dialog = page.locator(".modal-content");
    assertThat(dialog.locator(".modal-title, h3").first()).containsText("发起流程");
    dialog.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("托育机构登记备案衔接").setExact(true)).click();
    assertThat(dialog.locator(".modal-title, h3").first()).containsText("托育机构登记备案衔接");
    Locator form = dialog.locator("form.fjs-form");
    assertThat(form.locator("h3")).hasText("核准登记信息录入");
    for (String label : List.of("统一社会信用代码", "机构名称", "机构性质", "所在区县", "普惠性托育机构", "法定代表人",
        "机构地址", "乳儿班托位数", "托小班托位数", "托大班托位数", "收费标准（元/月）", "业务主管部门", "核准登记日期")) {
      assertThat(fieldLabel(form, label)).isVisible();
    }
    assertThat(dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("发起").setExact(true)))
        .isVisible();
    // form-js hard-codes "Select" for an empty select field; hardcoded-texts-zh.js puts the Chinese in.
    assertThat(field(form, "机构性质").locator(".fjs-select-display")).hasText("请选择");
    assertThat(field(form, "业务主管部门").locator(".fjs-select-display")).hasText("请选择");
    assertNoEnglish(clerk.visibleTexts(), "registration-start-form", List.of());
    clerk.screenshot("registration-start-form");

    // --- what form-js refuses, in Chinese (its messages are hard-coded English, with the field's settings) ---
    Locator creditCode = form.getByLabel("统一社会信用代码");
    enter(creditCode, "91-ABC");
    assertThat(error(form, "统一社会信用代码")).hasText("格式不正确。");
    enter(creditCode, "");
    assertThat(error(form, "统一社会信用代码")).hasText("此项为必填项。");
    enter(form.getByLabel("机构名称"), "托".repeat(201));
    assertThat(error(form, "机构名称")).hasText("不能超过 200 个字。");
    enter(form.getByLabel("乳儿班托位数"), "-1");
    assertThat(error(form, "乳儿班托位数")).hasText("不能小于 0。");
    enter(form.getByLabel("托小班托位数"), "1.5");
    assertThat(error(form, "托小班托位数")).hasText("请输入整数。");
    enter(form.getByLabel("收费标准（元/月）"), "12.345");
    assertThat(error(form, "收费标准（元/月）")).hasText("最多保留 2 位小数。");
    assertThat(form.locator(".fjs-form-field-error")).hasCount(5);
    assertThat(FormJsTexts.english(form)).as("English left in the form").isEmpty();
    assertNoEnglish(clerk.visibleTexts(), "registration-start-form-errors", List.of());
    clerk.screenshot("registration-start-form-errors");

    enter(form.getByLabel("统一社会信用代码"), code);
    enter(form.getByLabel("机构名称"), name);
    choose(form, "机构性质", "营利性");
    choose(form, "所在区县", "宝塔区");
    form.getByLabel("普惠性托育机构").check();
    enter(form.getByLabel("法定代表人"), "赵红梅");
    enter(form.getByLabel("机构地址"), "延安市宝塔区百米大道 6 号");
    enter(form.getByLabel("乳儿班托位数"), "5");
    enter(form.getByLabel("托小班托位数"), "15");
    enter(form.getByLabel("托大班托位数"), "20");
    enter(form.getByLabel("收费标准（元/月）"), "1500");
    // The date picker (flatpickr) takes typed input as the placeholder shows it (yyyy/mm/dd); Enter
    // makes it parse the text, no calendar clicking. It then shows the date in the browser's zh-CN
    // format, without leading zeros (2027/1/5).
    Locator approvedAt = form.getByLabel("核准登记日期");
    String typed = today.format(DateTimeFormatter.ofPattern("yyyy/MM/dd"));
    String shown = today.format(DateTimeFormatter.ofPattern("yyyy/M/d"));
    approvedAt.click();
    // The calendar (flatpickr) speaks Chinese too: hardcoded-texts-zh.js sets its locale, week from Monday.
    Locator calendar = form.locator(".flatpickr-calendar.open");
    assertThat(calendar.locator(".flatpickr-weekday").first()).hasText("周一");
    assertThat(calendar.locator("select.flatpickr-monthDropdown-months option:checked"))
        .hasText(Pattern.compile("^[一二三四五六七八九十]+月$"));
    clerk.screenshot("registration-start-form-date-picker");
    approvedAt.pressSequentially(typed);
    approvedAt.press("Enter");
    assertThat(approvedAt).hasValue(shown);
    assertThat(form.locator(".fjs-form-field-error")).hasCount(0);
    clerk.screenshot("registration-start-form-filled");

    dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("发起").setExact(true)).click();
    assertThat(page.locator(".modal-content")).hasCount(0);
    assertThat(page.locator(".notifications")).containsText("流程已发起");

    EngineRest authority = as(APPROVAL_CLERK, PW);
    List<JsonNode> push = await("a 推送登记信息 task for " + code, () -> Optional.of(
        tasks(authority, code, "Task_PushRegistration")).filter(list -> !list.isEmpty()));
    assertThat(push).hasSize(1);
    assertThat(push.get(0).get("name").asText()).isEqualTo("推送登记信息");
    assertThat(push.get(0).get("tenantId").asText()).isEqualTo(TaskAudience.tenant(BAOTA, Department.APPROVAL.groupId()));
    Institution registered = institutions.find(code).orElseThrow();
    assertThat(registered.name()).isEqualTo(name);
    assertThat(registered.countyCode()).isEqualTo(BAOTA);
    assertThat(registered.nature()).isEqualTo(InstitutionNature.FOR_PROFIT);
    assertThat(registered.inclusive()).isTrue();
    assertThat(registered.legalRepresentative()).isEqualTo("赵红梅");
    assertThat(registered.totalCapacity()).isEqualTo(40);
    assertThat(registered.monthlyFee()).isEqualByComparingTo("1500");
    assertThat(registered.registrationAuthority()).isEqualTo("approval");
    assertThat(registered.approvedAt().atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate()).isEqualTo(today);
    assertThat(registered.status()).isEqualTo(InstitutionStatus.REGISTERED);
  }

  // --- Tasklist and form-js ---

  private static void assertNoEnglish(List<String> texts, String screen, List<String> knownLeftovers) {
    List<String> english = ENGLISH_LABELS.stream()
        .filter(label -> !knownLeftovers.contains(label))
        .filter(label -> texts.stream().anyMatch(text ->
            Pattern.compile("(?<![A-Za-z])" + Pattern.quote(label) + "(?![A-Za-z])").matcher(text).find()))
        .toList();
    assertThat(english).as("English on the Chinese screen %s; visible texts: %s", screen, texts).isEmpty();
  }

  // --- the cases, through the API ---

  /** A case filed through the portal and waiting in 审核备案材料. */
  private record Filed(String creditCode, String name, FilingRequest filing, String reviewTaskId) {}

  private Filed registerAndFile() {
    String code = newCreditCode();
    String name = "浏览器测试托育园" + code.substring(11, 17);
    register(code, name);
    FilingRequest filing = RegistrationFixtures.filing(code, 6, 6, List.of());
    Response filed = as("portal", PW).post("/api/filings", filing);
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    // The checks run asynchronously (Task_RunFilingChecks is asyncBefore): wait for the review task.
    EngineRest health = as(HEALTH_CLERK, PW);
    List<JsonNode> review = await("the 审核备案材料 task of " + code, () -> Optional.of(
        tasks(health, code, "Task_ReviewFiling")).filter(list -> !list.isEmpty()));
    assertThat(review).hasSize(1);
    return new Filed(code, name, filing, review.get(0).get("id").asText());
  }

  private void register(String code, String name) {
    RegistrationRequest template = RegistrationFixtures.registration(code, BAOTA, InstitutionNature.FOR_PROFIT, null,
        LocalDate.now().minusDays(1));
    RegistrationRequest request = new RegistrationRequest(code, name, template.nature(), template.inclusive(),
        template.county(), template.address(), template.legalRepresentative(), template.capacityInfant(),
        template.capacityToddlerSmall(), template.capacityToddlerLarge(), template.monthlyFee(),
        template.supervisoryDepartment(), template.approvedAt());
    Response registered = as(APPROVAL_CLERK, PW).post("/api/registrations", request);
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
  }

  /** A fresh, valid credit code of an enterprise (91…) registered in 宝塔区. */
  private static String newCreditCode() {
    String first17 = "91" + BAOTA + "MA" + String.format("%07d", (System.nanoTime() / 1000) % 10_000_000);
    return first17 + CreditCode.checkCharacter(first17);
  }

  /** The tasks of a case that the user may see, optionally of one activity. */
  private static List<JsonNode> tasks(EngineRest user, String creditCode, String taskKey) {
    Response list = user.get("/engine-rest/task?processInstanceBusinessKey=" + creditCode
        + (taskKey == null ? "" : "&taskDefinitionKey=" + taskKey));
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    List<JsonNode> tasks = new ArrayList<>();
    list.json().forEach(tasks::add);
    return tasks;
  }

  /** Polls until the value is there; the engine's job executor works on its own time. */
  private static <T> T await(String what, Supplier<Optional<T>> probe) {
    long deadline = System.currentTimeMillis() + 60_000;
    while (true) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("waited 60 s for " + what);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private String baseUrl() {
    return "http://localhost:" + port;
  }
}
