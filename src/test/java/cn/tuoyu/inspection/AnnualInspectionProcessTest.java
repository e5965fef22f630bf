package cn.tuoyu.inspection;

import static cn.tuoyu.support.EngineFixtures.at;
import static cn.tuoyu.support.EngineFixtures.candidateGroups;
import static cn.tuoyu.support.EngineFixtures.task;
import static cn.tuoyu.support.EngineFixtures.timer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.tuoyu.identity.CountyRepository;
import cn.tuoyu.inspection.AnnualInspectionProcess.Elements;
import cn.tuoyu.inspection.AnnualInspectionProcess.Variables;
import cn.tuoyu.institution.InspectionHistory.Inspection;
import cn.tuoyu.institution.InspectionHistory;
import cn.tuoyu.institution.InspectionResult;
import cn.tuoyu.institution.Institution;
import cn.tuoyu.institution.InstitutionNature;
import cn.tuoyu.institution.InstitutionRepository;
import cn.tuoyu.institution.InstitutionStatus;
import cn.tuoyu.registration.RegistrationFixtures;
import cn.tuoyu.support.Registry;
import cn.tuoyu.support.TestCalendars;
import cn.tuoyu.support.TestEnginePlugin;
import cn.tuoyu.system.ConflictException;
import cn.tuoyu.system.NotFoundException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * AnnualInspectionProcess on the in-memory engine with the real delegates, the real verdict decision
 * and the inspection history over real migrations (H2). RectificationProcess is a stand-in whose one
 * task sets {@code rectificationPassed}; {@code startClosureDelegate} records whom it would close.
 */
@Deployment(resources = {
    "processes/inspection/AnnualInspectionProcess.bpmn",
    "processes/inspection/InspectionVerdictDecision.dmn",
    "inspection/RectificationProcessStub.bpmn"})
class AnnualInspectionProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder(TestEnginePlugin.CONFIGURATION).assertClassCoverageAtLeast(0.9).build();

  private static final String COUNTY = "610602";
  private static final int YEAR = 2026;
  private static final String STUB_REVIEW = "Task_ReviewRectification";

  private static JdbcClient jdbc;

  private ProcessEngine engine;
  private InspectionHistory history;
  private InstitutionRepository institutions;
  private InspectionService inspections;
  private InspectionSettings settings;
  private final List<String> closures = new ArrayList<>();
  private String creditCode;

  @BeforeAll
  static void registry() {
    jdbc = JdbcClient.create(Registry.migrated("inspection-process-test"));
  }

  @BeforeEach
  void wire() {
    engine = extension.getProcessEngine();
    history = new InspectionHistory(jdbc);
    institutions = new InstitutionRepository(jdbc);
    inspections = new InspectionService(engine.getRuntimeService(), engine.getIdentityService(), history,
        institutions, new CountyRepository(jdbc));
    settings = new InspectionSettings();
    InspectionDelegates delegates = new InspectionDelegates();
    Mocks.register("workdays", TestCalendars.bundledAndFixture());
    Mocks.register("inspectionSettings", settings);
    Mocks.register("openInspectionDelegate", delegates.openInspectionDelegate(inspections));
    Mocks.register("markSelfReportOverdueDelegate", delegates.markSelfReportOverdueDelegate(inspections));
    Mocks.register("recordInspectionVerdictDelegate", delegates.recordInspectionVerdictDelegate(inspections));
    Mocks.register("recordInspectionResultDelegate", delegates.recordInspectionResultDelegate(inspections));
    Mocks.register("deskReviewPreparer", delegates.deskReviewPreparer(inspections));
    Mocks.register("deskReviewChecker", delegates.deskReviewChecker(inspections));
    Mocks.register("onSiteInspectionChecker", delegates.onSiteInspectionChecker(inspections));
    Mocks.register("coSignChecker", delegates.coSignChecker(inspections));
    Mocks.register("startClosureDelegate",
        (JavaDelegate) execution -> closures.add((String) execution.getVariable(Variables.CREDIT_CODE)));
    creditCode = institution(InstitutionStatus.FILED);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void annualPass_selfReportDeskReviewOnSiteCoSign() {
    ProcessInstance instance = startAnnual(creditCode, YEAR);
    String key = InspectionHistory.annualKey(creditCode, YEAR);
    assertThat(instance.getBusinessKey()).isEqualTo(key);
    assertThat(instance.getTenantId()).isEqualTo(COUNTY);
    assertThat(instance).isWaitingAt(Elements.AWAIT_SELF_REPORT);
    // Waiting for the self-report, the case stores no variable: the start's were transient and the
    // deadline's timer counts from the engine clock.
    assertThat(engine.getRuntimeService().getVariables(instance.getId())).isEmpty();

    var submitted = inspections.submitSelfReport(key, new SelfReportRequest(" 本年度开展消防演练 4 次。 ", 45, 12, 0));
    assertThat(submitted.processInstanceId()).isEqualTo(instance.getId());
    Task desk = task(engine, instance, Elements.DESK_REVIEW);
    // The desk review writes the references and the summary from the rows.
    assertThat(engine.getRuntimeService().getVariables(instance.getId()))
        .containsEntry(Variables.COUNTY, COUNTY).containsEntry(Variables.CREDIT_CODE, creditCode)
        .containsEntry(Variables.INSPECTION_YEAR, YEAR).containsEntry(Variables.INSPECTION_KIND, "ANNUAL")
        .containsEntry(Variables.INSPECTION_KEY, key);
    assertThat((String) variable(instance, Variables.INSTITUTION_SUMMARY)).contains("2026 年度检查").contains(creditCode);
    assertThat(candidateGroups(engine, desk)).containsExactly("health");
    assertThat((String) engine.getTaskService().getVariableLocal(desk.getId(), Variables.SELF_REPORT_SUMMARY))
        .contains("在托婴幼儿数：45 人").contains("工作人员数：12 人").contains("本年度开展消防演练 4 次。");
    engine.getTaskService().claim(desk.getId(), "baota-health-clerk");
    engine.getTaskService().complete(desk.getId(),
        Map.of(Variables.DESK_REVIEW_NOTE, "自查报告完整", Variables.ON_SITE_FOCUS, "消防通道"));

    Task onSite = task(engine, instance, Elements.ON_SITE_INSPECTION);
    assertThat(candidateGroups(engine, onSite)).containsExactly("inspector");
    checklist(onSite, "inspector-a", scores(95, 90, 88.5, 92, 100), 0, null);
    Task coSign = task(engine, instance, Elements.CO_SIGN_INSPECTION);
    assertThat(candidateGroups(engine, coSign)).containsExactly("inspector");
    coSign(coSign, "inspector-b");

    assertThat(instance).isEnded()
        .hasPassed(Elements.DECIDE_VERDICT, Elements.RECORD_RESULT, Elements.END_INSPECTION_COMPLETED)
        .hasNotPassed(Elements.RECTIFICATION, Elements.MARK_SELF_REPORT_OVERDUE);
    Inspection row = row(key);
    assertThat(row.selfReport()).isEqualTo("本年度开展消防演练 4 次。");
    assertThat(row.selfReportOverdue()).isFalse();
    assertThat(row.deskReviewNote()).isEqualTo("自查报告完整");
    assertThat(row.inspector1()).isEqualTo("inspector-a");
    assertThat(row.inspector2()).isEqualTo("inspector-b");
    assertThat(row.inspectedAt()).isNotNull();
    assertThat(row.staffingScore()).isEqualByComparingTo("88.5");
    assertThat(row.verdict()).isEqualTo("PASS");
    assertThat(row.verdictReason()).contains("年检合格");
    assertThat(row.result()).isEqualTo("PASSED");
    assertThat(closures).isEmpty();
  }

  @Test
  void basicPass_rectificationPasses_passed() {
    ProcessInstance instance = startAtOnSite(creditCode, YEAR);
    checklist(task(engine, instance, Elements.ON_SITE_INSPECTION),
        "inspector-a", scores(90, 75, 90, 90, 90), 0, "卫生消毒记录不全");
    coSign(task(engine, instance, Elements.CO_SIGN_INSPECTION), "inspector-b");
    assertThat(variable(instance, Variables.VERDICT)).isEqualTo("BASIC_PASS");
    assertThat(variable(instance, Variables.VERDICT_RESULT)).isNull();

    ProcessInstance rectification = rectification(instance);
    assertThat(rectification.getBusinessKey()).isEqualTo(instance.getBusinessKey());
    assertThat(rectification.getTenantId()).isEqualTo(COUNTY);
    Map<String, Object> passedOn = engine.getRuntimeService().getVariables(rectification.getId());
    assertThat(passedOn).containsEntry(Variables.COUNTY, COUNTY).containsEntry(Variables.CREDIT_CODE, creditCode)
        .containsEntry(Variables.INSPECTION_YEAR, YEAR).containsEntry(Variables.INSPECTION_KIND, "ANNUAL")
        .containsEntry(Variables.INSPECTION_KEY, instance.getBusinessKey())
        .containsEntry(Variables.VERDICT, "BASIC_PASS").containsEntry(Variables.CRITICAL_FINDINGS, 0)
        .doesNotContainKey(Variables.SAFETY_SCORE);
    finishRectification(rectification, true);

    assertThat(instance).isEnded().hasPassed(Elements.RECTIFICATION, Elements.END_INSPECTION_COMPLETED);
    assertThat(history.resultOf(creditCode, YEAR)).contains(InspectionResult.PASSED);
    assertThat(row(instance.getBusinessKey()).verdict()).isEqualTo("BASIC_PASS");
  }

  @Test
  void fail_rectificationPasses_passed() {
    ProcessInstance instance = startAtOnSite(creditCode, YEAR);
    inspect(instance, scores(90, 90, 90, 90, 90), 1, "二楼消防通道堵塞");
    assertThat(variable(instance, Variables.VERDICT)).isEqualTo("FAIL");
    assertThat((String) variable(instance, Variables.VERDICT_REASON)).contains("重大安全隐患");
    finishRectification(rectification(instance), true);
    assertThat(instance).isEnded();
    assertThat(history.resultOf(creditCode, YEAR)).contains(InspectionResult.PASSED);
    assertThat(closures).isEmpty();
  }

  @Test
  void fail_rectificationFails_failed_firstYear_noClosure() {
    ProcessInstance instance = startAtOnSite(creditCode, YEAR);
    inspect(instance, scores(50, 90, 90, 90, 90), 0, "安全管理制度缺失");
    finishRectification(rectification(instance), false);
    assertThat(instance).isEnded().hasPassed(Elements.END_INSPECTION_COMPLETED).hasNotPassed(Elements.START_CLOSURE);
    assertThat(history.resultOf(creditCode, YEAR)).contains(InspectionResult.FAILED);
    assertThat(row(instance.getBusinessKey()).result()).isEqualTo("FAILED");
    assertThat(closures).isEmpty();
  }

  @Test
  void failedTwoYearsInARow_startsClosure() {
    history.enterPriorResult(creditCode, YEAR - 1, InspectionResult.FAILED, "纸质档案补录", "admin");
    ProcessInstance instance = startAtOnSite(creditCode, YEAR);
    checklist(task(engine, instance, Elements.ON_SITE_INSPECTION), "inspector-a", scores(90, 90, 90, 90, 90), 2,
        "无消防验收；食品留样缺失");
    // A crafted completion that relabels the case as special does not dodge the rule: the row decides.
    Task coSign = task(engine, instance, Elements.CO_SIGN_INSPECTION);
    engine.getTaskService().claim(coSign.getId(), "inspector-b");
    engine.getTaskService().complete(coSign.getId(), Map.of(Variables.CO_SIGN_CONFIRMED, true,
        Variables.INSPECTION_KIND, "SPECIAL", Variables.INSPECTION_KEY, "other"));
    finishRectification(rectification(instance), false);

    assertThat(variable(instance, Variables.FAILED_TWO_YEARS_IN_A_ROW)).isEqualTo(true);
    assertThat(instance).isWaitingAt(Elements.START_CLOSURE);
    assertThat(closures).as("asynchronous: nothing before the job runs").isEmpty();
    Job job = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .activityId(Elements.START_CLOSURE).singleResult();
    engine.getManagementService().executeJob(job.getId());
    assertThat(closures).containsExactly(creditCode);
    assertThat(instance).isEnded().hasPassed(Elements.END_CLOSURE_STARTED);
  }

  @Test
  void failedAfterAPassedYear_noClosure() {
    history.enterPriorResult(creditCode, YEAR - 1, InspectionResult.PASSED, null, "admin");
    ProcessInstance instance = startAtOnSite(creditCode, YEAR);
    inspect(instance, scores(40, 90, 90, 90, 90), 0, "安全管理不合格");
    finishRectification(rectification(instance), false);
    assertThat(variable(instance, Variables.FAILED_TWO_YEARS_IN_A_ROW)).isEqualTo(false);
    assertThat(instance).isEnded().hasPassed(Elements.END_INSPECTION_COMPLETED);
    assertThat(closures).isEmpty();
  }

  /** Fri 2026-09-25 (中秋) + 20 working days: 28–30 Sep, National Day off, 8–10 Oct (10th make-up), … 29 Oct. */
  @Test
  void selfReportMissing_overdueIsRecordedAndTheInspectionGoesOn() {
    ClockUtil.setCurrentTime(at("2026-09-25T10:00:00+08:00"));
    ProcessInstance instance = startAnnual(creditCode, YEAR);

    Job timer = timer(engine, instance, Elements.SELF_REPORT_OVERDUE);
    assertThat(timer.getDuedate()).isEqualTo(at("2026-10-30T00:00:00+08:00"));
    ClockUtil.setCurrentTime(at("2026-10-30T00:00:01+08:00"));
    engine.getManagementService().executeJob(timer.getId());

    assertThat(instance).hasPassed(Elements.MARK_SELF_REPORT_OVERDUE).isWaitingAt(Elements.DESK_REVIEW);
    assertThat(row(instance.getBusinessKey()).selfReportOverdue()).isTrue();
    assertThat(variable(instance, Variables.SELF_REPORT_OVERDUE)).isEqualTo(true);
    Task desk = task(engine, instance, Elements.DESK_REVIEW);
    assertThat((String) engine.getTaskService().getVariableLocal(desk.getId(), Variables.SELF_REPORT_SUMMARY))
        .startsWith("自查报告：逾期未提交");
    assertThatThrownBy(() -> inspections.submitSelfReport(instance.getBusinessKey(),
            new SelfReportRequest("迟交的报告", 10, 3, 0)))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("没有等待提交年度自查报告的年检");
    assertThat(row(instance.getBusinessKey()).selfReport()).as("nothing half-written").isNull();

    assertThatThrownBy(() -> engine.getTaskService().complete(desk.getId(), Map.of(Variables.DESK_REVIEW_NOTE, "x")))
        .hasMessageContaining("无法确定由谁完成书面审查");
    engine.getTaskService().claim(desk.getId(), "baota-health-clerk");
    assertThatThrownBy(() -> engine.getTaskService().complete(desk.getId(), Map.of(Variables.DESK_REVIEW_NOTE, " ")))
        .hasMessageContaining("请填写书面审查意见");
    engine.getTaskService().complete(desk.getId(), Map.of(Variables.DESK_REVIEW_NOTE, "逾期未提交自查报告，已电话督促"));
    assertThat(instance).isWaitingAt(Elements.ON_SITE_INSPECTION);
  }

  @Test
  void selfReportDeadline_comesFromTheSettingsInWorkingDays() {
    settings.setSelfReportWorkingDays(5);
    Map<String, Object> given = Map.of(Variables.SELF_REPORT_FROM, at("2026-09-30T09:00:00+08:00"));
    ProcessInstance instance = startAnnual(creditCode, YEAR, given);
    // Wed 30 Sep; 1–7 Oct off; 8, 9, 10 (make-up Sat), 12, 13 → overdue from Wed 14 Oct.
    assertThat(timer(engine, instance, Elements.SELF_REPORT_OVERDUE).getDuedate())
        .isEqualTo(at("2026-10-14T00:00:00+08:00"));
    assertThatThrownBy(() -> settings.setSelfReportWorkingDays(0)).hasMessageContaining("至少为 1 个工作日");
  }

  @Test
  void theTwoInspectorsMustBeTwoPeople() {
    ProcessInstance instance = startAtOnSite(creditCode, YEAR);
    checklist(task(engine, instance, Elements.ON_SITE_INSPECTION), "inspector-a", scores(90, 90, 90, 90, 90), 0, null);
    Task coSign = task(engine, instance, Elements.CO_SIGN_INSPECTION);
    assertThat(variable(instance, Variables.INSPECTOR1)).isEqualTo("inspector-a");

    assertThatThrownBy(() -> engine.getTaskService().claim(coSign.getId(), "inspector-a"))
        .hasMessageContaining("复核签字须由另一名检查人员完成");
    assertThat(task(engine, instance, Elements.CO_SIGN_INSPECTION).getAssignee()).isNull();

    engine.getIdentityService().setAuthentication("inspector-a", List.of("inspector"), List.of(COUNTY));
    assertThatThrownBy(() -> engine.getTaskService().complete(coSign.getId(), Map.of(Variables.CO_SIGN_CONFIRMED, true)))
        .hasMessageContaining("现场检查记录已由 inspector-a 提交");
    assertThatThrownBy(() -> engine.getTaskService().complete(coSign.getId(),
            Map.of(Variables.CO_SIGN_CONFIRMED, true, Variables.INSPECTOR1, "inspector-b")))
        .as("the form posts inspector1 back; the check reads the record")
        .hasMessageContaining("现场检查记录已由 inspector-a 提交");
    engine.getIdentityService().clearAuthentication();
    assertThatThrownBy(() -> engine.getTaskService().complete(coSign.getId(), Map.of(Variables.CO_SIGN_CONFIRMED, true)))
        .hasMessageContaining("请先认领任务");

    engine.getTaskService().claim(coSign.getId(), "inspector-b");
    assertThatThrownBy(() -> engine.getTaskService().complete(coSign.getId(), Map.of(Variables.CO_SIGN_CONFIRMED, false)))
        .hasMessageContaining("请确认");
    Map<String, Object> tampered = new HashMap<>(scores(100, 90, 90, 90, 90));
    tampered.put(Variables.CO_SIGN_CONFIRMED, true);
    assertThatThrownBy(() -> engine.getTaskService().complete(coSign.getId(), tampered))
        .hasMessageContaining("不能修改现场检查评分");
    assertThatThrownBy(() -> engine.getTaskService().complete(coSign.getId(),
            Map.of(Variables.CO_SIGN_CONFIRMED, true, Variables.CRITICAL_FINDINGS, 1)))
        .hasMessageContaining("不能修改重大安全隐患数");
    assertThat(row(instance.getBusinessKey()).inspector2()).isNull();

    // The form posts the read-only scores back unchanged: that is fine.
    Map<String, Object> asShown = new HashMap<>(scores(90, 90, 90, 90, 90));
    asShown.put(Variables.CO_SIGN_CONFIRMED, true);
    engine.getTaskService().complete(coSign.getId(), asShown);
    assertThat(row(instance.getBusinessKey()).inspector2()).isEqualTo("inspector-b");
    assertThat(instance).isEnded();
  }

  @Test
  void aCoSignatureNeedsAChecklist() {
    history.openAnnual(creditCode, YEAR, "campaign");
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceByKey(AnnualInspectionProcess.KEY)
        .businessKey(InspectionHistory.annualKey(creditCode, YEAR))
        .setVariables(annualVariables(creditCode, YEAR))
        .startBeforeActivity(Elements.CO_SIGN_INSPECTION)
        .execute();
    Task coSign = task(engine, instance, Elements.CO_SIGN_INSPECTION);
    engine.getTaskService().claim(coSign.getId(), "inspector-b");
    assertThatThrownBy(() -> engine.getTaskService().complete(coSign.getId(), Map.of(Variables.CO_SIGN_CONFIRMED, true)))
        .hasMessageContaining("还没有现场检查记录");
  }

  @Test
  void anIncompleteChecklistStaysOpenWithTheReason() {
    ProcessInstance instance = startAtOnSite(creditCode, YEAR);
    Task onSite = task(engine, instance, Elements.ON_SITE_INSPECTION);
    engine.getTaskService().claim(onSite.getId(), "inspector-a");
    Map<String, Object> incomplete = new HashMap<>(scores(90, 90, 90, 90, 90));
    incomplete.remove(Variables.SAFETY_SCORE);
    incomplete.put(Variables.FACILITIES_SCORE, 100.5);
    incomplete.put(Variables.CRITICAL_FINDINGS, 1);
    assertThatThrownBy(() -> engine.getTaskService().complete(onSite.getId(), incomplete))
        .hasMessageContaining("安全管理得分须为 0–100 之间的数字")
        .hasMessageContaining("设施设备得分须为 0–100 之间的数字")
        .hasMessageContaining("发现重大安全隐患时请在“检查发现的问题”中逐项写明");
    Map<String, Object> fractions = new HashMap<>(scores(90.25, 90, 90, 90, 90));
    fractions.put(Variables.CRITICAL_FINDINGS, 0.5);
    assertThatThrownBy(() -> engine.getTaskService().complete(onSite.getId(), fractions))
        .hasMessageContaining("最多保留一位小数").hasMessageContaining("重大安全隐患数须为不小于 0 的整数");
    assertThat(instance).isWaitingAt(Elements.ON_SITE_INSPECTION);

    Task unclaimed = onSite;
    engine.getTaskService().setAssignee(unclaimed.getId(), null);
    Map<String, Object> complete = new HashMap<>(scores(90, 90, 90, 90, 90));
    complete.put(Variables.CRITICAL_FINDINGS, 0L);
    assertThatThrownBy(() -> engine.getTaskService().complete(unclaimed.getId(), complete))
        .hasMessageContaining("请先认领任务");
  }

  @Test
  void special_skipsSelfReportAndDeskReview_andNeverStartsClosure() {
    history.enterPriorResult(creditCode, YEAR - 1, InspectionResult.FAILED, "纸质档案补录", "admin");
    var started = inspections.startSpecial(new SpecialInspectionRequest(creditCode.toLowerCase(), "群众举报：超收费用"));
    int year = LocalDate.now(InspectionService.ZONE).getYear();
    assertThat(started.inspectionKey()).isEqualTo(creditCode + "-" + year + "-S1");
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(started.processInstanceId()).singleResult();
    assertThat(instance.getBusinessKey()).isEqualTo(started.inspectionKey());
    assertThat(instance).isWaitingAt(Elements.ON_SITE_INSPECTION);
    assertThat(variable(instance, Variables.INSPECTION_KIND)).isEqualTo("SPECIAL");
    assertThat((String) variable(instance, Variables.INSTITUTION_SUMMARY)).contains("专项检查").contains("群众举报：超收费用");
    assertThat(row(started.inspectionKey()).specialReason()).isEqualTo("群众举报：超收费用");

    inspect(instance, scores(30, 90, 90, 90, 90), 1, "超标准收费");
    finishRectification(rectification(instance), false);
    assertThat(instance).isEnded().hasPassed(Elements.END_INSPECTION_COMPLETED)
        .hasNotPassed(Elements.AWAIT_SELF_REPORT, Elements.DESK_REVIEW, Elements.START_CLOSURE);
    assertThat(row(started.inspectionKey()).result()).isEqualTo("FAILED");
    assertThat(history.resultOf(creditCode, year)).as("the annual result of the year is not touched").isEmpty();
    assertThat(closures).isEmpty();

    assertThat(inspections.startSpecial(new SpecialInspectionRequest(creditCode, "复查")).inspectionKey())
        .isEqualTo(creditCode + "-" + year + "-S2");
    assertThatThrownBy(() -> inspections.submitSelfReport(started.inspectionKey(), new SelfReportRequest("x", 1, 1, 0)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void special_onlyForKnownFiledInstitutions() {
    String unknown = RegistrationFixtures.creditCode(COUNTY);
    assertThatThrownBy(() -> inspections.startSpecial(new SpecialInspectionRequest(unknown, "举报")))
        .isInstanceOf(NotFoundException.class).hasMessageContaining(unknown);
    String registered = institution(InstitutionStatus.REGISTERED);
    assertThatThrownBy(() -> inspections.startSpecial(new SpecialInspectionRequest(registered, "举报")))
        .isInstanceOf(ConflictException.class).hasMessageContaining("只有已备案的机构");
    assertThat(jdbc.sql("select count(*) from inspection where credit_code = ?").param(registered)
        .query(Integer.class).single()).isZero();
  }

  @Test
  void special_byAHealthClerkOfTheCountyOnly() {
    var identity = engine.getIdentityService();
    identity.setAuthentication("baota-market-clerk", List.of("clerk", "market"), List.of(COUNTY));
    assertThatThrownBy(() -> inspections.startSpecial(new SpecialInspectionRequest(creditCode, "举报")))
        .hasMessageContaining("只有卫健部门");
    identity.setAuthentication("ansai-health-clerk", List.of("clerk", "health"), List.of("610603"));
    assertThatThrownBy(() -> inspections.startSpecial(new SpecialInspectionRequest(creditCode, "举报")))
        .isInstanceOf(NotFoundException.class);
    identity.setAuthentication("baota-health-clerk", List.of("clerk", "health"), List.of(COUNTY));
    assertThat(inspections.startSpecial(new SpecialInspectionRequest(creditCode, "举报")).inspectionKey()).endsWith("-S1");
  }

  @Test
  void selfReportForAnUnknownInspection_isNotFound() {
    assertThatThrownBy(() -> inspections.submitSelfReport(creditCode + "-1999", new SelfReportRequest("x", 1, 1, 0)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aCaseWithoutItsInspectionRowDoesNotStart() {
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(AnnualInspectionProcess.KEY,
            creditCode + "-2030", annualVariables(creditCode, 2030)))
        .hasMessageContaining("没有业务编号为 " + creditCode + "-2030 的检查记录");
    history.openAnnual(creditCode, 2031, "campaign");
    Map<String, Object> wrongKind = annualVariables(creditCode, 2031);
    wrongKind.put(Variables.INSPECTION_KIND, "SPECIAL");
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(AnnualInspectionProcess.KEY,
            creditCode + "-2031", wrongKind))
        .hasMessageContaining("登记为 ANNUAL");
    Map<String, Object> otherInstitution = annualVariables(creditCode, 2031);
    otherInstitution.put(Variables.CREDIT_CODE, institution(InstitutionStatus.FILED));
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(AnnualInspectionProcess.KEY,
            creditCode + "-2031", otherInstitution))
        .hasMessageContaining("与检查记录不一致");
    ProcessInstance withoutBusinessKey = engine.getRuntimeService().startProcessInstanceByKey(AnnualInspectionProcess.KEY,
        annualVariables(creditCode, 2031));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(withoutBusinessKey.getId())
        .singleResult().getBusinessKey()).isEqualTo(creditCode + "-2031");
    wrongKind.put(Variables.INSPECTION_KIND, "OTHER");
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(AnnualInspectionProcess.KEY,
            creditCode + "-2031", wrongKind))
        .hasMessageContaining("inspectionKind 的值 OTHER 无效");
  }

  // --- helpers

  private ProcessInstance startAnnual(String code, int year) {
    return startAnnual(code, year, Map.of());
  }

  /** As the campaign does: the row first, then the case with the contract's variables, transient. */
  private ProcessInstance startAnnual(String code, int year, Map<String, Object> extra) {
    assertThat(history.openAnnual(code, year, "campaign")).isTrue();
    VariableMap variables = org.camunda.bpm.engine.variable.Variables.createVariables();
    annualVariables(code, year).forEach((name, value) ->
        variables.putValueTyped(name, org.camunda.bpm.engine.variable.Variables.untypedValue(value, true)));
    variables.putAll(extra);
    return engine.getRuntimeService().startProcessInstanceByKey(AnnualInspectionProcess.KEY,
        InspectionHistory.annualKey(code, year), variables);
  }

  private ProcessInstance startAtOnSite(String code, int year) {
    history.openAnnual(code, year, "campaign");
    return engine.getRuntimeService().createProcessInstanceByKey(AnnualInspectionProcess.KEY)
        .businessKey(InspectionHistory.annualKey(code, year))
        .setVariables(annualVariables(code, year))
        .startBeforeActivity(Elements.ON_SITE_INSPECTION)
        .execute();
  }

  private static Map<String, Object> annualVariables(String code, int year) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.COUNTY, COUNTY);
    variables.put(Variables.CREDIT_CODE, code);
    variables.put(Variables.INSPECTION_YEAR, year);
    variables.put(Variables.INSPECTION_KIND, "ANNUAL");
    variables.put(Variables.INSPECTION_KEY, InspectionHistory.annualKey(code, year));
    return variables;
  }

  private void inspect(ProcessInstance instance, Map<String, Object> scores, int criticalFindings, String findings) {
    checklist(task(engine, instance, Elements.ON_SITE_INSPECTION), "inspector-a", scores, criticalFindings, findings);
    coSign(task(engine, instance, Elements.CO_SIGN_INSPECTION), "inspector-b");
  }

  private void checklist(Task task, String inspector, Map<String, Object> scores, int criticalFindings, String findings) {
    engine.getTaskService().claim(task.getId(), inspector);
    Map<String, Object> variables = new HashMap<>(scores);
    // as form-js posts a whole number: a Long
    variables.put(Variables.CRITICAL_FINDINGS, (long) criticalFindings);
    variables.put(Variables.FINDINGS, findings);
    engine.getTaskService().complete(task.getId(), variables);
  }

  private void coSign(Task task, String inspector) {
    engine.getTaskService().claim(task.getId(), inspector);
    engine.getTaskService().complete(task.getId(), Map.of(Variables.CO_SIGN_CONFIRMED, true));
  }

  private static Map<String, Object> scores(Number safety, Number healthCare, Number staffing, Number facilities,
      Number feeDisclosure) {
    Map<String, Object> scores = new HashMap<>();
    scores.put(Variables.SAFETY_SCORE, safety);
    scores.put(Variables.HEALTH_CARE_SCORE, healthCare);
    scores.put(Variables.STAFFING_SCORE, staffing);
    scores.put(Variables.FACILITIES_SCORE, facilities);
    scores.put(Variables.FEE_DISCLOSURE_SCORE, feeDisclosure);
    return scores;
  }

  private ProcessInstance rectification(ProcessInstance parent) {
    assertThat(parent).isWaitingAt(Elements.RECTIFICATION);
    return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(parent.getId()).singleResult();
  }

  private void finishRectification(ProcessInstance rectification, boolean passed) {
    Task review = engine.getTaskService().createTaskQuery().processInstanceId(rectification.getId())
        .taskDefinitionKey(STUB_REVIEW).singleResult();
    engine.getTaskService().complete(review.getId(), Map.of(Variables.RECTIFICATION_PASSED, passed));
  }

  private String institution(InstitutionStatus status) {
    String code = RegistrationFixtures.creditCode(COUNTY);
    institutions.insert(new Institution(code, "年检测试托育园" + code.substring(12), InstitutionNature.FOR_PROFIT,
        false, COUNTY, "延安市宝塔区宝塔山路 1 号", "张三", 10, 20, 30, BigDecimal.valueOf(1800), "approval", null,
        OffsetDateTime.now(), status, false, null, null), "test");
    return code;
  }

  private Inspection row(String key) {
    return history.find(key).orElseThrow();
  }

  private Object variable(ProcessInstance instance, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).list().stream().findFirst().map(v -> v.getValue()).orElse(null);
  }
}
