package cn.tuoyu.rectification;

import static cn.tuoyu.support.EngineFixtures.at;
import static cn.tuoyu.support.EngineFixtures.candidateGroups;
import static cn.tuoyu.support.EngineFixtures.task;
import static cn.tuoyu.support.EngineFixtures.timer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.tuoyu.calendar.WorkingDayCalendar;
import cn.tuoyu.institution.Institution;
import cn.tuoyu.institution.InstitutionNature;
import cn.tuoyu.institution.InstitutionRepository;
import cn.tuoyu.institution.InstitutionStatus;
import cn.tuoyu.rectification.RectificationProcess.Elements;
import cn.tuoyu.rectification.RectificationProcess.Variables;
import cn.tuoyu.rectification.RectificationRepository.Order;
import cn.tuoyu.rectification.RectificationRepository.Penalty;
import cn.tuoyu.registration.RegistrationFixtures;
import cn.tuoyu.support.Registry;
import cn.tuoyu.support.TestEnginePlugin;
import cn.tuoyu.system.NotFoundException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * RectificationProcess on the in-memory engine with the real delegates and service over real tables
 * (H2 with the Flyway migrations), started top-level with the variables AnnualInspectionProcess passes.
 * The engine clock stands on Thursday 2026-02-12, so every first deadline crosses Spring Festival.
 */
@Deployment(resources = {
    "processes/rectification/RectificationProcess.bpmn",
    "processes/rectification/RectificationDeadlineDecision.dmn"})
class RectificationProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder(TestEnginePlugin.CONFIGURATION).assertClassCoverageAtLeast(0.9).build();

  private static final String COUNTY = "610602";
  private static final String ORDERED = "2026-02-12T10:00:00+08:00";

  private static JdbcClient jdbc;

  private ProcessEngine engine;
  private RectificationRepository repository;
  private RectificationSettings settings;
  private RectificationService rectifications;
  private String creditCode;
  private String inspectionKey;

  @BeforeAll
  static void registry() {
    jdbc = JdbcClient.create(Registry.migrated("rectification-test"));
  }

  @BeforeEach
  void wire() {
    ClockUtil.setCurrentTime(at(ORDERED));
    engine = extension.getProcessEngine();
    repository = new RectificationRepository(jdbc);
    settings = new RectificationSettings();
    WorkingDayCalendar workdays = WorkingDayCalendar.bundled();
    rectifications = new RectificationService(engine.getRuntimeService(), engine.getIdentityService(), repository,
        workdays, settings);
    RectificationDelegates delegates = new RectificationDelegates();
    Mocks.register("workdays", workdays);
    Mocks.register("rectificationSettings", settings);
    Mocks.register("issueRectificationOrderDelegate", delegates.issueRectificationOrderDelegate(rectifications));
    Mocks.register("issueFollowUpOrderDelegate", delegates.issueFollowUpOrderDelegate(rectifications));
    Mocks.register("recordReportOverdueDelegate", delegates.recordReportOverdueDelegate(rectifications));
    Mocks.register("recordRectificationPassedDelegate", delegates.recordRectificationPassedDelegate(rectifications));
    Mocks.register("recordPenaltyDelegate", delegates.recordPenaltyDelegate(rectifications));
    Mocks.register("rectificationReviewPreparer", delegates.rectificationReviewPreparer(rectifications));
    Mocks.register("rectificationReviewChecker", delegates.rectificationReviewChecker(rectifications));
    Mocks.register("penaltyPreparer", delegates.penaltyPreparer(rectifications));
    Mocks.register("penaltyChecker", delegates.penaltyChecker(rectifications));

    creditCode = RegistrationFixtures.creditCode(COUNTY);
    inspectionKey = creditCode + "-2025";
    new InstitutionRepository(jdbc).insert(new Institution(creditCode, "阳光宝贝托育中心", InstitutionNature.FOR_PROFIT,
        false, COUNTY, "延安市宝塔区枣园路 18 号", "王建华", 10, 20, 30, new BigDecimal("1800"), "approval", null,
        OffsetDateTime.parse("2024-03-01T09:00:00+08:00"), InstitutionStatus.FILED, false, null, null), "test");
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void failWithoutCriticalFindings_20WorkingDaysAcrossSpringFestival_reportReviewedAsPassed() {
    ProcessInstance instance = start("FAIL", 0);
    assertThat(instance.getBusinessKey()).isEqualTo(inspectionKey);
    assertThat(instance.getTenantId()).isEqualTo(COUNTY);
    assertThat(instance).isWaitingAt(Elements.AWAIT_REPORT)
        .hasPassed(Elements.DETERMINE_DEADLINE, Elements.ISSUE_ORDER)
        .variables().containsEntry(Variables.SEVERITY, "GENERAL").containsEntry(Variables.DEADLINE_WORKING_DAYS, 20)
        .containsEntry(Variables.REVIEW_ROUND, 1);

    // 20 working days from Thu 02-12: 13, 14 (make-up Sat), 24–28 (28th make-up Sat), Mar 2–6, 9–13, 16–18.
    assertThat(variable(instance, Variables.DUE_DATE)).isEqualTo(at("2026-03-18T23:59:59+08:00"));
    assertThat(timer(engine, instance, Elements.REPORT_OVERDUE).getDuedate())
        .isEqualTo(at("2026-03-19T00:00:00+08:00"));
    Order order = orders().get(0);
    assertThat(order.orderNo()).matches("整改〔2026〕610602-\\d{4}号");
    assertThat(order.dueDate()).isEqualTo(LocalDate.of(2026, 3, 18));
    assertThat(order.severity()).isEqualTo("GENERAL");
    assertThat(order.status()).isEqualTo("ORDERED");
    assertThat(rectifications.status(inspectionKey).status()).isEqualTo("AWAITING_REPORT");

    ClockUtil.setCurrentTime(at("2026-03-02T15:00:00+08:00"));
    report("已更换破损护栏，完成消防通道清理");
    Task review = task(engine, instance, Elements.REVIEW);
    assertThat(candidateGroups(engine, review)).containsExactly("inspector");
    assertThat((String) engine.getTaskService().getVariable(review.getId(), Variables.ORDER_SUMMARY))
        .contains(order.orderNo()).contains("20 个工作日").contains("2026年3月18日前");
    assertThat((String) engine.getTaskService().getVariable(review.getId(), Variables.REPORT_SUMMARY))
        .contains("已更换破损护栏").contains("整改完成日期：2026年3月1日");
    assertThat(rectifications.status(inspectionKey).status()).isEqualTo("UNDER_REVIEW");

    review(review, "PASS", null);
    assertThat(instance).isEnded().hasPassed(Elements.RECORD_PASSED, Elements.END_PASSED);
    assertThat(passed(instance)).isTrue();
    assertThat(orders()).singleElement().satisfies(o -> {
      assertThat(o.status()).isEqualTo("PASSED");
      assertThat(o.reviewResult()).isEqualTo("PASS");
    });
    RectificationStatus status = rectifications.status(inspectionKey);
    assertThat(status.status()).isEqualTo("PASSED");
    assertThat(status.rounds()).singleElement().satisfies(r -> assertThat(r.reports()).hasSize(1));
    assertThat(status.penalty()).isNull();
  }

  @Test
  void basicPass_gets30WorkingDays() {
    ProcessInstance instance = start("BASIC_PASS", 0);
    assertThat(instance).variables().containsEntry(Variables.SEVERITY, "MINOR")
        .containsEntry(Variables.DEADLINE_WORKING_DAYS, 30);
    // … Mar 16–20, 23–27, 30, 31, Apr 1: the 30th working day.
    assertThat(variable(instance, Variables.DUE_DATE)).isEqualTo(at("2026-04-01T23:59:59+08:00"));
    assertThat(timer(engine, instance, Elements.REPORT_OVERDUE).getDuedate())
        .isEqualTo(at("2026-04-02T00:00:00+08:00"));
  }

  @Test
  void criticalFinding_gets10WorkingDays() {
    ProcessInstance instance = start("FAIL", 2);
    assertThat(instance).variables().containsEntry(Variables.SEVERITY, "SERIOUS")
        .containsEntry(Variables.DEADLINE_WORKING_DAYS, 10);
    assertThat(variable(instance, Variables.DUE_DATE)).isEqualTo(at("2026-03-04T23:59:59+08:00"));
    assertThat(timer(engine, instance, Elements.REPORT_OVERDUE).getDuedate())
        .isEqualTo(at("2026-03-05T00:00:00+08:00"));
    assertThat(rectifications.status(inspectionKey).severityLabel()).isEqualTo("严重");
  }

  @Test
  void failedReview_ordersASecondRoundCountedFromTheReview_thenPasses() {
    ProcessInstance instance = start("FAIL", 0);
    report("已整改");
    Task review = task(engine, instance, Elements.REVIEW);
    assertThatThrownBy(() -> review(review, "FAIL", " ")).hasMessageContaining("整改不合格必须写明理由");
    assertThatThrownBy(() -> review(review, null, null)).hasMessageContaining("请选择复查结论");
    assertThat(instance).isWaitingAt(Elements.REVIEW);

    ClockUtil.setCurrentTime(at("2026-03-10T16:00:00+08:00"));
    review(review, "FAIL", "消防通道仍被杂物占用");
    assertThat(instance).hasPassed(Elements.ISSUE_FOLLOW_UP).isWaitingAt(Elements.AWAIT_REPORT)
        .variables().containsEntry(Variables.REVIEW_ROUND, 2).doesNotContainKey(Variables.REVIEW_RESULT);
    // 20 working days from Tue 03-10, across Qingming (Apr 4–6): … Apr 1–3, 7, 8.
    assertThat(variable(instance, Variables.ORDERED_AT)).isEqualTo(at("2026-03-10T16:00:00+08:00"));
    assertThat(timer(engine, instance, Elements.REPORT_OVERDUE).getDuedate())
        .isEqualTo(at("2026-04-09T00:00:00+08:00"));
    List<Order> orders = orders();
    assertThat(orders).extracting(Order::round, Order::status, Order::dueDate).containsExactly(
        org.assertj.core.groups.Tuple.tuple(1, "FAILED", LocalDate.of(2026, 3, 18)),
        org.assertj.core.groups.Tuple.tuple(2, "ORDERED", LocalDate.of(2026, 4, 8)));
    assertThat(orders.get(1).orderNo()).isNotEqualTo(orders.get(0).orderNo());
    assertThat(orders.get(0).reviewComment()).isEqualTo("消防通道仍被杂物占用");

    report("已清理消防通道并安排专人巡查");
    Task second = task(engine, instance, Elements.REVIEW);
    assertThat((String) engine.getTaskService().getVariable(second.getId(), Variables.ORDER_SUMMARY))
        .contains("第 1 轮").contains("复查结论：整改不合格（消防通道仍被杂物占用）").contains("第 2 轮");
    review(second, "PASS", "复查合格");
    assertThat(instance).isEnded().hasPassed(Elements.END_PASSED);
    assertThat(passed(instance)).isTrue();
    assertThat(rectifications.status(inspectionKey).currentRound()).isEqualTo(2);
  }

  @Test
  void failedLastRound_goesToThePenaltyOfTheMarketRegulator() {
    ProcessInstance instance = start("FAIL", 0);
    report("已整改");
    review(task(engine, instance, Elements.REVIEW), "FAIL", "未整改到位");
    report("再次整改");
    review(task(engine, instance, Elements.REVIEW), "FAIL", "仍未整改到位");

    assertThat(instance).hasPassed(Elements.PENALTY_MERGE).isWaitingAt(Elements.DECIDE_PENALTY);
    Task penalty = task(engine, instance, Elements.DECIDE_PENALTY);
    assertThat(candidateGroups(engine, penalty)).containsExactly("market");
    assertThat((String) engine.getTaskService().getVariable(penalty.getId(), Variables.PENALTY_SUMMARY))
        .startsWith("处罚事由：整改复查不合格").contains("仍未整改到位");
    assertThat(rectifications.status(inspectionKey).status()).isEqualTo("PENALTY_PENDING");

    assertThatThrownBy(() -> decide(penalty, null, null, "延市监罚〔2026〕12号"))
        .hasMessageContaining("请选择处罚种类");
    assertThatThrownBy(() -> decide(penalty, "FINE", null, "延市监罚〔2026〕12号"))
        .hasMessageContaining("请填写罚款金额");
    assertThatThrownBy(() -> decide(penalty, "WARNING", 500, "延市监罚〔2026〕12号"))
        .hasMessageContaining("警告不涉及金额");
    assertThatThrownBy(() -> decide(penalty, "FINE", 5000, " ")).hasMessageContaining("请填写处罚决定书文号");
    assertThat(instance).isWaitingAt(Elements.DECIDE_PENALTY);

    decide(penalty, "FINE", 5000, "延市监罚〔2026〕12号");
    assertThat(instance).isEnded().hasPassed(Elements.RECORD_PENALTY, Elements.END_PENALIZED);
    assertThat(passed(instance)).isFalse();
    Penalty recorded = repository.penalty(inspectionKey).orElseThrow();
    assertThat(recorded.reason()).isEqualTo("REVIEW_FAILED");
    assertThat(recorded.department()).isEqualTo("market");
    assertThat(recorded.penaltyKind()).isEqualTo("FINE");
    assertThat(recorded.fineAmount()).isEqualByComparingTo("5000");
    assertThat(recorded.decisionNo()).isEqualTo("延市监罚〔2026〕12号");
    RectificationStatus status = rectifications.status(inspectionKey);
    assertThat(status.status()).isEqualTo("PENALIZED");
    assertThat(status.penalty().penaltyKindLabel()).isEqualTo("罚款");
    assertThat(status.rounds()).hasSize(2);
  }

  @Test
  void noReportByTheDeadline_goesToThePenalty() {
    ProcessInstance instance = start("FAIL", 2);
    engine.getManagementService().executeJob(timer(engine, instance, Elements.REPORT_OVERDUE).getId());

    assertThat(instance).hasPassed(Elements.REPORT_OVERDUE, Elements.RECORD_OVERDUE)
        .isWaitingAt(Elements.DECIDE_PENALTY);
    assertThat(orders().get(0).status()).isEqualTo("OVERDUE");
    Task penalty = task(engine, instance, Elements.DECIDE_PENALTY);
    assertThat((String) engine.getTaskService().getVariable(penalty.getId(), Variables.PENALTY_SUMMARY))
        .startsWith("处罚事由：逾期未提交整改报告").contains("逾期未提交整改报告");
    assertThat(rectifications.status(inspectionKey).statusLabel()).isEqualTo("逾期未提交整改报告，待作出行政处罚决定");
    // a report after the deadline finds no case waiting for it
    assertThatThrownBy(() -> report("迟交的报告")).isInstanceOf(NotFoundException.class);

    decide(penalty, "SUSPENSION", null, "延市监罚〔2026〕13号");
    assertThat(instance).isEnded().hasPassed(Elements.END_PENALIZED);
    assertThat(passed(instance)).isFalse();
    assertThat(repository.penalty(inspectionKey).orElseThrow().reason()).isEqualTo("OVERDUE");
  }

  @Test
  void oneReviewRoundConfigured_theFirstFailureGoesToThePenaltyOfTheConfiguredDepartment() {
    settings.setMaxReviewRounds(1);
    settings.setPenaltyDepartment("health");
    ProcessInstance instance = start("BASIC_PASS", 0);
    report("已整改");
    review(task(engine, instance, Elements.REVIEW), "FAIL", "收费公示仍不完整");
    assertThat(instance).isWaitingAt(Elements.DECIDE_PENALTY);
    assertThat(orders()).hasSize(1);
    assertThat(candidateGroups(engine, task(engine, instance, Elements.DECIDE_PENALTY))).containsExactly("health");
  }

  @Test
  void settingsRefuseValuesThatWouldBreakTheProcess() {
    RectificationSettings defaults = new RectificationSettings();
    assertThat(defaults.getMaxReviewRounds()).isEqualTo(2);
    assertThat(defaults.getPenaltyDepartment()).isEqualTo("market");
    assertThatThrownBy(() -> defaults.setMaxReviewRounds(0)).hasMessageContaining("max-review-rounds");
    assertThatThrownBy(() -> defaults.setPenaltyDepartment("nobody")).hasMessageContaining("penalty-department");
  }

  @Test
  void reportWithoutAWaitingCase_isNotFoundAndWritesNothing() {
    assertThatThrownBy(() -> report("无此案件")).isInstanceOf(NotFoundException.class)
        .hasMessageContaining(inspectionKey);
    ProcessInstance instance = start("FAIL", 0);
    report("已整改");
    // under review: no second report
    assertThatThrownBy(() -> report("补充报告")).isInstanceOf(NotFoundException.class);
    assertThat(jdbc.sql("select count(*) from rectification_report where inspection_key = ?").param(inspectionKey)
        .query(Integer.class).single()).isEqualTo(1);
    assertThat(instance).isWaitingAt(Elements.REVIEW);
  }

  @Test
  void statusIsForTheCountysClerksInspectorsAndSupervisors() {
    start("FAIL", 0);
    var identity = engine.getIdentityService();
    identity.setAuthentication("baota-health-clerk", List.of("clerk", "health"), List.of(COUNTY));
    assertThat(rectifications.status(inspectionKey).county()).isEqualTo(COUNTY);
    identity.setAuthentication("ansai-health-clerk", List.of("clerk", "health"), List.of("610603"));
    assertThatThrownBy(() -> rectifications.status(inspectionKey)).isInstanceOf(NotFoundException.class);
    identity.setAuthentication("portal", List.of("portal"), List.of(COUNTY));
    assertThatThrownBy(() -> rectifications.status(inspectionKey)).isInstanceOf(AuthorizationException.class);
    identity.clearAuthentication();
    assertThatThrownBy(() -> rectifications.status("91610602MA0000000X-2025")).isInstanceOf(NotFoundException.class);
  }


  /**
   * The contract of docs/annual-inspection.md from the caller's side: a call activity passing the business
   * key and the seven variables gets rectificationPassed back; the case inherits the caller's county as
   * tenant, and a report finds it by the business key it shares with its (subscription-less) caller.
   */
  @Test
  void calledAsTheContractSays_returnsRectificationPassedToTheCaller() {
    var call = Bpmn.createExecutableProcess("ContractCallerProcess").camundaHistoryTimeToLive(1)
        .startEvent()
        .callActivity("Call_Rectification").calledElement(RectificationProcess.KEY)
        .camundaInBusinessKey("#{execution.processBusinessKey}");
    for (String name : List.of(Variables.COUNTY, Variables.CREDIT_CODE, Variables.INSPECTION_YEAR,
        Variables.INSPECTION_KIND, Variables.INSPECTION_KEY, Variables.VERDICT, Variables.CRITICAL_FINDINGS)) {
      call = call.camundaIn(name, name);
    }
    BpmnModelInstance caller = call.camundaOut(Variables.RECTIFICATION_PASSED, Variables.RECTIFICATION_PASSED)
        .receiveTask("Task_Hold").endEvent().done();
    engine.getRepositoryService().createDeployment().addModelInstance("ContractCallerProcess.bpmn", caller).deploy();

    Map<String, Object> variables = contractVariables("FAIL", 0);
    ProcessInstance parent = engine.getRuntimeService()
        .startProcessInstanceByKey("ContractCallerProcess", inspectionKey, variables);
    ProcessInstance child = engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(parent.getId()).singleResult();
    assertThat(child.getBusinessKey()).isEqualTo(inspectionKey);
    assertThat(child.getTenantId()).isEqualTo(COUNTY);
    assertThat(child).isWaitingAt(Elements.AWAIT_REPORT);

    report("已整改");
    review(task(engine, child, Elements.REVIEW), "PASS", null);
    assertThat(child).isEnded();
    assertThat(engine.getRuntimeService().getVariable(parent.getId(), Variables.RECTIFICATION_PASSED))
        .isEqualTo(true);
  }

  // --- helpers

  private ProcessInstance start(String verdict, int criticalFindings) {
    return engine.getRuntimeService().startProcessInstanceByKey(RectificationProcess.KEY, inspectionKey,
        contractVariables(verdict, criticalFindings));
  }

  /** What AnnualInspectionProcess passes (docs/annual-inspection.md). */
  private Map<String, Object> contractVariables(String verdict, int criticalFindings) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.COUNTY, COUNTY);
    variables.put(Variables.CREDIT_CODE, creditCode);
    variables.put(Variables.INSPECTION_YEAR, 2025);
    variables.put(Variables.INSPECTION_KIND, "ANNUAL");
    variables.put(Variables.INSPECTION_KEY, inspectionKey);
    variables.put(Variables.VERDICT, verdict);
    variables.put(Variables.CRITICAL_FINDINGS, criticalFindings);
    return variables;
  }

  private void report(String text) {
    rectifications.submitReport(inspectionKey,
        new RectificationReportRequest(text, "整改措施：" + text, LocalDate.of(2026, 3, 1)));
  }

  private void review(Task task, String result, String comment) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.REVIEW_RESULT, result);
    variables.put(Variables.REVIEW_COMMENT, comment);
    engine.getTaskService().complete(task.getId(), variables);
  }

  private void decide(Task task, String kind, Integer amount, String decisionNo) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.PENALTY_KIND, kind);
    variables.put(Variables.PENALTY_AMOUNT, amount);
    variables.put(Variables.PENALTY_DECISION_NO, decisionNo);
    variables.put(Variables.LEGAL_BASIS, "《托育机构管理规范（试行）》及相关法律法规");
    variables.put(Variables.PENALTY_TEXT, "责令改正，并予以处罚");
    engine.getTaskService().complete(task.getId(), variables);
  }

  private List<Order> orders() {
    return repository.orders(inspectionKey);
  }

  private Object variable(ProcessInstance instance, String name) {
    return engine.getRuntimeService().getVariable(instance.getId(), name);
  }

  private Boolean passed(ProcessInstance instance) {
    return (Boolean) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(Variables.RECTIFICATION_PASSED).singleResult().getValue();
  }
}
