package cn.tuoyu.registration;

import static cn.tuoyu.support.EngineFixtures.at;
import static cn.tuoyu.support.EngineFixtures.candidateGroups;
import static cn.tuoyu.support.EngineFixtures.candidateUsers;
import static cn.tuoyu.support.EngineFixtures.deleteUsersAndGroups;
import static cn.tuoyu.support.EngineFixtures.supervisor;
import static cn.tuoyu.support.EngineFixtures.task;
import static cn.tuoyu.support.EngineFixtures.timer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.tuoyu.calendar.WorkingDayCalendar;
import cn.tuoyu.identity.CountyRepository;
import cn.tuoyu.identity.Supervisors;
import cn.tuoyu.institution.BlacklistRepository;
import cn.tuoyu.institution.FilingRepository;
import cn.tuoyu.institution.Institution;
import cn.tuoyu.institution.InstitutionNature;
import cn.tuoyu.institution.InstitutionRepository;
import cn.tuoyu.institution.InstitutionStatus;
import cn.tuoyu.registration.RegistrationFilingProcess.Elements;
import cn.tuoyu.registration.RegistrationFilingProcess.Variables;
import cn.tuoyu.support.Registry;
import cn.tuoyu.support.TestCalendars;
import cn.tuoyu.support.TestEnginePlugin;
import jakarta.validation.Validation;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * RegistrationFilingProcess on the in-memory engine with the real delegates and services over a
 * real registry (H2 with the Flyway migrations): every path of the model once.
 */
@Deployment(resources = "processes/registration/RegistrationFilingProcess.bpmn")
class RegistrationFilingProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder(TestEnginePlugin.CONFIGURATION).assertClassCoverageAtLeast(0.9).build();

  private static final String COUNTY = "610602";
  /** Thursday before Spring Festival 2026: the deadlines cross the holiday. */
  private static final LocalDate APPROVED = LocalDate.of(2026, 2, 12);

  private static JdbcClient jdbc;

  private ProcessEngine engine;
  private InstitutionRepository institutions;
  private BlacklistRepository blacklist;
  private FilingService filings;
  private String creditCode;

  @BeforeAll
  static void registry() {
    jdbc = JdbcClient.create(Registry.migrated("registration-test"));
  }

  @BeforeEach
  void wire() {
    engine = extension.getProcessEngine();
    institutions = new InstitutionRepository(jdbc);
    blacklist = new BlacklistRepository(jdbc);
    FilingRepository filingRepository = new FilingRepository(jdbc);
    RegistrationService registrations = new RegistrationService(engine.getRuntimeService(),
        engine.getHistoryService(), engine.getIdentityService(), institutions, new CountyRepository(jdbc),
        Validation.buildDefaultValidatorFactory().getValidator());
    filings = new FilingService(engine.getRuntimeService(), engine.getIdentityService(), institutions,
        filingRepository, blacklist);
    RegistrationDelegates delegates = new RegistrationDelegates();
    Mocks.register("workdays", TestCalendars.bundledAndFixture());
    Mocks.register("supervisors", new Supervisors(engine.getIdentityService()));
    Mocks.register("registrationService", registrations);
    Mocks.register("recordRegistrationDelegate", delegates.recordRegistrationDelegate(registrations));
    Mocks.register("runFilingChecksDelegate", delegates.runFilingChecksDelegate(filings));
    Mocks.register("issueFilingReceiptDelegate", delegates.issueFilingReceiptDelegate(filings));
    Mocks.register("recordReturnDelegate", delegates.recordReturnDelegate(filings));
    Mocks.register("recordRejectionDelegate", delegates.recordRejectionDelegate(filings));
    Mocks.register("markFilingOverdueDelegate", delegates.markFilingOverdueDelegate(filings));
    Mocks.register("pushCompletedListener", delegates.pushCompletedListener(filings));
    Mocks.register("filingReviewPreparer", delegates.filingReviewPreparer(filings));
    Mocks.register("filingReviewChecker", delegates.filingReviewChecker(filings));
    creditCode = RegistrationFixtures.creditCode(COUNTY);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    deleteUsersAndGroups(engine);
  }

  @Test
  void happyPath_pushAcknowledgeFileReviewApprove() {
    ProcessInstance instance = start(InstitutionNature.NON_PROFIT, "approval", "education");
    assertThat(instance.getTenantId()).isEqualTo(COUNTY);
    assertThat(instance.getBusinessKey()).isEqualTo(creditCode);
    assertThat(instance).isWaitingAt(Elements.PUSH_REGISTRATION, Elements.AWAIT_FILING);
    assertThat(institution().status()).isEqualTo(InstitutionStatus.REGISTERED);
    assertThat(instance).variables().doesNotContainKey(RegistrationFields.INSTITUTION_NAME)
        .containsEntry(Variables.REGISTRATION_AUTHORITY, "approval");

    Task push = task(engine, instance, Elements.PUSH_REGISTRATION);
    assertThat(candidateGroups(engine, push)).containsExactly("approval");
    assertThat(push.getDueDate()).isEqualTo(at("2026-02-28T23:59:59+08:00"));
    assertThat((String) engine.getTaskService().getVariable(push.getId(), Variables.INSTITUTION_SUMMARY))
        .contains("阳光宝贝托育中心").contains("宝塔区").contains("共 60 个");
    engine.getTaskService().complete(push.getId());
    assertThat(institution().status()).isEqualTo(InstitutionStatus.PUSHED);

    List<Task> acknowledgements = engine.getTaskService().createTaskQuery()
        .processInstanceId(instance.getId()).taskDefinitionKey(Elements.ACKNOWLEDGE_REGISTRATION).list();
    assertThat(acknowledgements).extracting(t -> candidateGroups(engine, t).get(0))
        .containsExactlyInAnyOrder("health", "education");
    acknowledgements.forEach(t -> engine.getTaskService().complete(t.getId()));

    submitFiling(RegistrationFixtures.filing(creditCode, 10, 10, List.of()));
    Task review = task(engine, instance, Elements.REVIEW_FILING);
    assertThat(candidateGroups(engine, review)).containsExactly("health");
    Map<String, Object> shown = engine.getTaskService().getVariables(review.getId());
    assertThat(shown).containsEntry(Variables.BLACKLIST_HITS, 0).containsEntry(Variables.INVALID_IDS, 0)
        .containsEntry(Variables.CERTIFICATION_RATE, 100.0);
    assertThat((String) shown.get(Variables.CHECK_SUMMARY)).contains("黑名单比对：未命中").contains("达标");
    assertThat((String) shown.get(Variables.FILING_MATERIALS)).contains("消防验收合格");
    // The reviewer sees full ID numbers; nobody else does, and history never keeps them.
    String roster = (String) engine.getTaskService().getVariableLocal(review.getId(), Variables.STAFF_ROSTER);
    assertThat(roster).contains(RegistrationFixtures.idNumber("610602", LocalDate.of(1990, 1, 1), 0));

    decide(review, "APPROVE", null);
    assertThat(instance).isEnded().hasPassed(Elements.ISSUE_RECEIPT, Elements.END_FILED, Elements.END_PUSHED);
    Institution filed = institution();
    assertThat(filed.status()).isEqualTo(InstitutionStatus.FILED);
    assertThat(filed.filingReceiptNo()).matches("托备〔\\d{4}〕610602-\\d{4}号");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count())
        .isZero();
  }

  @Test
  void pushOverdue_escalatesToTheAuthoritysSupervisorWhileTheTaskStaysOpen() {
    supervisor(engine, "baota-approval-supervisor", "approval", COUNTY);
    supervisor(engine, "baota-health-supervisor", "health", COUNTY);
    ProcessInstance instance = start(InstitutionNature.FOR_PROFIT, "approval", null);

    Job timer = timer(engine, instance, Elements.PUSH_OVERDUE);
    assertThat(timer.getDuedate()).isEqualTo(at("2026-03-01T00:00:00+08:00"));
    engine.getManagementService().executeJob(timer.getId());

    Task escalation = task(engine, instance, Elements.ESCALATE_PUSH);
    assertThat(candidateUsers(engine, escalation)).containsExactly("baota-approval-supervisor");
    assertThat(instance).isWaitingAt(Elements.PUSH_REGISTRATION, Elements.ESCALATE_PUSH, Elements.AWAIT_FILING);
    engine.getTaskService().complete(escalation.getId());
    assertThat(instance).hasPassed(Elements.END_PUSH_ESCALATED).isWaitingAt(Elements.PUSH_REGISTRATION);
  }

  @Test
  void pushOverdue_withoutASupervisorOfTheAuthority_escalatesToTheCountysSupervisors() {
    supervisor(engine, "baota-health-supervisor", "health", COUNTY);
    supervisor(engine, "ansai-establishment-supervisor", "establishment", "610603");
    ProcessInstance instance = start(InstitutionNature.NON_PROFIT, "establishment", null);
    engine.getManagementService().executeJob(timer(engine, instance, Elements.PUSH_OVERDUE).getId());
    assertThat(candidateUsers(engine, task(engine, instance, Elements.ESCALATE_PUSH)))
        .containsExactly("baota-health-supervisor");
  }

  @Test
  void filingOverdueAcrossSpringFestival_isFlaggedAndHandedToTheCountyHealthClerk() {
    ProcessInstance instance = start(InstitutionNature.FOR_PROFIT, "approval", null);

    // 10 working days from Thu 2026-02-12: 13, 14 (make-up Sat), 24–28 (28th make-up Sat), Mar 2, 3, 4.
    Job timer = timer(engine, instance, Elements.FILING_OVERDUE);
    assertThat(timer.getDuedate()).isEqualTo(at("2026-03-05T00:00:00+08:00"));
    engine.getManagementService().executeJob(timer.getId());

    assertThat(institution().filingOverdue()).isTrue();
    Task handle = task(engine, instance, Elements.HANDLE_OVERDUE_FILING);
    assertThat(candidateGroups(engine, handle)).containsExactly("health");
    engine.getTaskService().complete(handle.getId(), Map.of(Variables.OVERDUE_NOTE, "已电话督促"));
    assertThat(instance).hasPassed(Elements.END_OVERDUE_HANDLED).isWaitingAt(Elements.AWAIT_FILING);

    // A late filing is still taken, and approval clears the overdue flag.
    submitFiling(RegistrationFixtures.filing(creditCode, 10, 9, List.of()));
    decide(task(engine, instance, Elements.REVIEW_FILING), "APPROVE", null);
    assertThat(institution().filingOverdue()).isFalse();
    assertThat(institution().status()).isEqualTo(InstitutionStatus.FILED);
  }

  @Test
  void returnForSupplement_loopsWithANewDeadline() {
    ProcessInstance instance = start(InstitutionNature.FOR_PROFIT, "approval", null);
    submitFiling(RegistrationFixtures.filing(creditCode, 10, 5, List.of()));
    Task review = task(engine, instance, Elements.REVIEW_FILING);
    assertThat((String) engine.getTaskService().getVariable(review.getId(), Variables.CHECK_SUMMARY))
        .contains("持证上岗率：50.0%").contains("未达标");

    assertThatThrownBy(() -> decide(review, "RETURN", " "))
        .hasMessageContaining("必须写明理由");
    decide(review, "RETURN", "持证上岗率未达到 90%，请补充证书");
    assertThat(instance).hasPassed(Elements.RECORD_RETURN).isWaitingAt(Elements.AWAIT_FILING);
    Date newStart = (Date) engine.getRuntimeService().getVariable(instance.getId(), Variables.FILING_DEADLINE_FROM);
    assertThat(newStart).isAfter(at("2026-11-01T00:00:00+08:00"));
    Job timer = timer(engine, instance, Elements.FILING_OVERDUE);
    WorkingDayCalendar workdays = TestCalendars.bundledAndFixture();
    assertThat(timer.getDuedate()).isEqualTo(workdays.overdueFrom(newStart, 10));

    submitFiling(RegistrationFixtures.filing(creditCode, 10, 10, List.of()));
    decide(task(engine, instance, Elements.REVIEW_FILING), "APPROVE", null);
    assertThat(institution().status()).isEqualTo(InstitutionStatus.FILED);
    assertThat(jdbc.sql("select count(*) from filing_submission where credit_code = ?").param(creditCode)
        .query(Integer.class).single()).isEqualTo(2);
  }

  @Test
  void blacklistedStaff_blockApprovalUntilRemovedFromTheList() {
    String banned = RegistrationFixtures.idNumber("610602", LocalDate.of(1985, 5, 5), 7);
    blacklist.add(banned, "李某", "虐待儿童", true, null);
    ProcessInstance instance = start(InstitutionNature.FOR_PROFIT, "approval", null);
    submitFiling(RegistrationFixtures.filing(creditCode, 10, 10, List.of(banned)));

    Task review = task(engine, instance, Elements.REVIEW_FILING);
    assertThat(engine.getTaskService().getVariable(review.getId(), Variables.BLACKLIST_HITS)).isEqualTo(1);
    assertThat((String) engine.getTaskService().getVariableLocal(review.getId(), Variables.STAFF_ROSTER))
        .contains(banned + "　证书：育婴员证　【黑名单人员】");
    assertThatThrownBy(() -> decide(review, "APPROVE", null)).hasMessageContaining("黑名单");
    assertThat(instance).isWaitingAt(Elements.REVIEW_FILING);

    decide(review, "RETURN", "李某在不良记录黑名单上，请移出工作人员名单");
    submitFiling(RegistrationFixtures.filing(creditCode, 10, 10, List.of()));
    decide(task(engine, instance, Elements.REVIEW_FILING), "APPROVE", null);
    assertThat(institution().status()).isEqualTo(InstitutionStatus.FILED);
  }

  @Test
  void rejection_recordsTheReason() {
    ProcessInstance instance = start(InstitutionNature.FOR_PROFIT, "approval", null);
    submitFiling(RegistrationFixtures.filing(creditCode, 10, 10, List.of()));
    Task review = task(engine, instance, Elements.REVIEW_FILING);
    assertThatThrownBy(() -> decide(review, "REJECT", null)).hasMessageContaining("不予备案必须写明理由");
    assertThatThrownBy(() -> decide(review, null, null)).hasMessageContaining("请选择审核结论");

    decide(review, "REJECT", "场地不符合消防要求");
    assertThat(instance).hasPassed(Elements.RECORD_REJECTION, Elements.END_REJECTED);
    assertThat(institution().status()).isEqualTo(InstitutionStatus.FILING_REJECTED);
    assertThat(jdbc.sql("select note from institution_status_history where credit_code = ? and to_status = 'FILING_REJECTED'")
        .param(creditCode).query(String.class).single()).isEqualTo("不予备案：场地不符合消防要求");
  }

  @Test
  void registrationsTheRulesDoNotAllowAreRefusedAndWriteNothing() {
    assertThatThrownBy(() -> start(InstitutionNature.FOR_PROFIT, "establishment", null))
        .isInstanceOf(RegistrationRejectedException.class).hasMessageContaining("营利性托育机构由行政审批局登记");
    String bad = creditCode.substring(0, 17) + (creditCode.charAt(17) == '0' ? '1' : '0');
    assertThatThrownBy(() -> startWith(bad, InstitutionNature.NON_PROFIT, "establishment", null))
        .isInstanceOf(RegistrationRejectedException.class).hasMessageContaining("校验位错误");
    assertThat(institutions.exists(creditCode)).isFalse();

    start(InstitutionNature.NON_PROFIT, "establishment", null);
    assertThatThrownBy(() -> start(InstitutionNature.NON_PROFIT, "establishment", null))
        .isInstanceOf(RegistrationRejectedException.class).hasMessageContaining("已登记");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(creditCode).count())
        .isEqualTo(1);
  }

  private ProcessInstance start(InstitutionNature nature, String authority, String supervisory) {
    return startWith(creditCode, nature, authority, supervisory);
  }

  private ProcessInstance startWith(String code, InstitutionNature nature, String authority, String supervisory) {
    Map<String, Object> variables = new HashMap<>(
        RegistrationFixtures.registration(code, COUNTY, nature, supervisory, APPROVED).toVariables());
    // No user is logged in here: the engine takes the registration authority from the variables.
    variables.put(Variables.REGISTRATION_AUTHORITY, authority);
    return engine.getRuntimeService().startProcessInstanceByKey(RegistrationFilingProcess.KEY, variables);
  }

  private void submitFiling(FilingRequest request) {
    filings.submit(request);
    Job checks = engine.getManagementService().createJobQuery()
        .processInstanceId(engine.getRuntimeService().createProcessInstanceQuery()
            .processInstanceBusinessKey(creditCode).singleResult().getId())
        .activityId(Elements.RUN_FILING_CHECKS).singleResult();
    engine.getManagementService().executeJob(checks.getId());
  }

  private void decide(Task review, String decision, String comment) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.REVIEW_DECISION, decision);
    variables.put(Variables.REVIEW_COMMENT, comment);
    engine.getTaskService().complete(review.getId(), variables);
  }

  private Institution institution() {
    return institutions.find(creditCode).orElseThrow();
  }
}
