package cn.tuoyu.closure;

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
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.tuoyu.closure.ClosureProcess.Elements;
import cn.tuoyu.closure.ClosureProcess.Variables;
import cn.tuoyu.closure.ClosureRepository.ClosureCase;
import cn.tuoyu.identity.CountyRepository;
import cn.tuoyu.identity.Supervisors;
import cn.tuoyu.institution.BlacklistRepository;
import cn.tuoyu.institution.Certificate;
import cn.tuoyu.institution.FilingRepository;
import cn.tuoyu.institution.InspectionHistory;
import cn.tuoyu.institution.InspectionResult;
import cn.tuoyu.institution.Institution;
import cn.tuoyu.institution.InstitutionNature;
import cn.tuoyu.institution.InstitutionRepository;
import cn.tuoyu.institution.InstitutionStatus;
import cn.tuoyu.institution.StaffRole;
import cn.tuoyu.registration.RegistrationFixtures;
import cn.tuoyu.support.Registry;
import cn.tuoyu.support.TestCalendars;
import cn.tuoyu.support.TestEnginePlugin;
import cn.tuoyu.system.NotFoundException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * ClosureProcess on the in-memory engine with the real delegates and services over a real registry
 * (H2 with the Flyway migrations): the whole path once, each detour in its own test.
 */
@Deployment(resources = "processes/closure/ClosureProcess.bpmn")
class ClosureProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder(TestEnginePlugin.CONFIGURATION).assertClassCoverageAtLeast(0.9).build();

  private static final String COUNTY = "610602";
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final int YEAR = 2026;
  private static final AtomicInteger SERIAL = new AtomicInteger(100);

  private static JdbcClient jdbc;

  private ProcessEngine engine;
  private TaskService tasks;
  private InstitutionRepository institutions;
  private ClosureRepository closures;
  private ClosureService service;
  private ClosureDelegates delegates;
  private String creditCode;
  /** Staff row ids and full ID numbers of the latest filed list. */
  private long legalRepresentativeId;
  private long principalId;
  private long caregiverId;
  private String principalIdNumber;
  private String legalRepresentativeIdNumber;

  @BeforeAll
  static void registry() {
    jdbc = JdbcClient.create(Registry.migrated("closure-test"));
  }

  @BeforeEach
  void wire() {
    engine = extension.getProcessEngine();
    tasks = engine.getTaskService();
    institutions = new InstitutionRepository(jdbc);
    closures = new ClosureRepository(jdbc);
    service = new ClosureService(engine.getRuntimeService(), engine.getIdentityService(), closures, institutions,
        new BlacklistRepository(jdbc), new CountyRepository(jdbc), new ClosureSettings(10), new InspectionHistory(jdbc));
    delegates = new ClosureDelegates();
    Mocks.register("workdays", TestCalendars.bundledAndFixture());
    Mocks.register("supervisors", new Supervisors(engine.getIdentityService()));
    Mocks.register("closureService", service);
    Mocks.register("openClosureCaseDelegate", delegates.openClosureCaseDelegate(service));
    Mocks.register("recordClosureDecisionDelegate", delegates.recordClosureDecisionDelegate(service));
    Mocks.register("closeInstitutionDelegate", delegates.closeInstitutionDelegate(service));
    Mocks.register("closureDraftRecorder", delegates.closureDraftRecorder(service));
    Mocks.register("closureApprovalChecker", delegates.closureApprovalChecker(service));
    Mocks.register("deregistrationRecorder", delegates.deregistrationRecorder(service));
    Mocks.register("placementPlanRecorder", delegates.placementPlanRecorder(service));
    Mocks.register("announcementPreparer", delegates.announcementPreparer(service));
    Mocks.register("announcementChecker", delegates.announcementChecker(service));
    supervisor(engine, "baota-health-supervisor", "health", COUNTY);
    supervisor(engine, "baota-establishment-supervisor", "establishment", COUNTY);
    creditCode = failedTwiceInstitution("establishment");
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    deleteUsersAndGroups(engine);
  }

  @Test
  void happyPath_draftApproveDeregisterPlaceAnnounce() {
    assertThat(service.start(creditCode, COUNTY, YEAR)).isTrue();
    ProcessInstance instance = instance();
    assertThat(instance.getTenantId()).isEqualTo(COUNTY);
    assertThat(instance.getBusinessKey()).isEqualTo(creditCode + "-closure");
    assertThat(instance).isWaitingAt(Elements.DRAFT_DECISION);

    Task draft = task(engine, instance, Elements.DRAFT_DECISION);
    assertThat(candidateGroups(engine, draft)).containsExactly("health");
    Map<String, Object> shown = tasks.getVariables(draft.getId());
    assertThat((String) shown.get(Variables.FAILED_YEARS))
        .contains("2025 年度年审：不合格（补录）。消防通道堵塞，整改复查不合格")
        .contains("2026 年度年审：不合格。重大安全隐患 2 项");
    assertThat((String) shown.get(Variables.INSTITUTION_SUMMARY)).contains("阳光宝贝托育中心").contains("编办");
    assertThat((String) shown.get(Variables.DECISION_DRAFT)).contains("2025 年度、2026 年度连续两年年审不合格");
    String candidates = shown.get(Variables.BLACKLIST_CANDIDATES).toString();
    // The legal representative and the principal of the latest filed list, masked; no caregiver, no old list.
    assertThat(candidates).contains("王建华（法定代表人、其他人员，身份证号 610602********")
        .contains("刘强（机构负责人，身份证号 610602********")
        .contains("\"value\":\"" + principalId + "\"")
        .doesNotContain("李梅", "张旧", principalIdNumber, legalRepresentativeIdNumber);

    claimAndComplete(draft, "baota-health-clerk", Map.of(
        Variables.DECISION_DRAFT, "关于关闭阳光宝贝托育中心的决定（草稿）",
        Variables.BLACKLIST_PERSONS, json(principalId, legalRepresentativeId),
        Variables.BAN_KIND, "BLACKLIST"));
    assertThat(closures.get(creditCode).decisionDraft()).isEqualTo("关于关闭阳光宝贝托育中心的决定（草稿）");

    Task approval = task(engine, instance, Elements.APPROVE_DECISION);
    assertThat(candidateUsers(engine, approval)).containsExactly("baota-health-supervisor");
    claimAndComplete(approval, "baota-health-supervisor", Map.of(
        Variables.APPROVAL_DECISION, "APPROVE",
        Variables.BLACKLIST_PERSONS, json(principalId),
        Variables.BAN_KIND, "LIFETIME_BAN"));

    LocalDate today = LocalDate.now(CHINA);
    ClosureCase decided = closures.get(creditCode);
    assertThat(decided.decisionNo()).matches("延卫托关〔\\d{4}〕610602-\\d{4}号");
    assertThat(decided.decidedOn()).isEqualTo(today);
    assertThat(decided.decidedBy()).isEqualTo("baota-health-supervisor");
    assertThat(decided.banKind()).isEqualTo("LIFETIME_BAN");
    assertThat(closures.bannedPersons(decided.id())).extracting(p -> p.name() + "/" + p.lifetimeBan())
        .containsExactly("刘强/true");
    assertThat(jdbc.sql("select name, lifetime_ban, source_key from staff_blacklist where id_number = ?")
        .param(principalIdNumber).query().listOfRows())
        .hasSize(1).first().satisfies(row -> {
          assertThat(row.get("NAME")).isEqualTo("刘强");
          assertThat(row.get("LIFETIME_BAN")).isEqualTo(true);
          assertThat(row.get("SOURCE_KEY")).isEqualTo(creditCode + "-closure");
        });
    assertThat(new BlacklistRepository(jdbc).inForce(legalRepresentativeIdNumber, today)).isEmpty();

    assertThat(instance).isWaitingAt(Elements.DEREGISTER, Elements.PLAN_PLACEMENT);
    Task deregister = task(engine, instance, Elements.DEREGISTER);
    assertThat(candidateGroups(engine, deregister)).containsExactly("establishment");
    LocalDate lastDay = TestCalendars.bundledAndFixture().lastDay(today, 10);
    assertThat(deregister.getDueDate()).isEqualTo(Date.from(lastDay.atTime(23, 59, 59).atZone(CHINA).toInstant()));
    assertThat(timer(engine, instance, Elements.DEREGISTRATION_OVERDUE).getDuedate())
        .isEqualTo(Date.from(lastDay.plusDays(1).atStartOfDay(CHINA).toInstant()));

    List<Task> placements = tasks.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(Elements.PLAN_PLACEMENT).list();
    assertThat(placements).extracting(t -> candidateGroups(engine, t).get(0))
        .containsExactlyInAnyOrder("health", "education");
    Task health = placements.stream().filter(t -> candidateGroups(engine, t).contains("health"))
        .findFirst().orElseThrow();
    Task education = placements.stream().filter(t -> candidateGroups(engine, t).contains("education"))
        .findFirst().orElseThrow();
    assertThatThrownBy(() -> tasks.complete(health.getId(), Map.of(Variables.PLACEMENT_DESTINATION, "就近托育机构")))
        .hasMessageContaining("在托婴幼儿人数");
    claimAndComplete(health, "baota-health-clerk", Map.of(Variables.CHILDREN_COUNT, 23,
        Variables.PLACEMENT_DESTINATION, "转入宝塔区妇幼保健院托育园 15 人", Variables.PLACEMENT_NOTE, "已退还预收费用"));
    // Each department fills in its own plan: education's form starts empty.
    assertThat(tasks.getVariable(education.getId(), Variables.CHILDREN_COUNT)).isNull();
    assertThat(tasks.getVariable(education.getId(), Variables.PLACEMENT_DEPARTMENT)).isEqualTo("education");
    claimAndComplete(education, "baota-education-clerk", Map.of(Variables.CHILDREN_COUNT, 23L,
        Variables.PLACEMENT_DESTINATION, "转入枣园幼儿园托班 8 人"));
    assertThat(closures.placements(decided.id())).extracting(p -> p.department() + ":" + p.childrenCount())
        .containsExactly("education:23", "health:23");

    assertThatThrownBy(() -> tasks.complete(deregister.getId(), Map.of(Variables.DEREGISTERED_ON, today.toString())))
        .hasMessageContaining("注销登记文书编号");
    claimAndComplete(deregister, "baota-establishment-clerk", Map.of(Variables.DEREGISTERED_ON, today.toString(),
        Variables.DEREGISTRATION_DOCUMENT_NO, "延编注字〔2026〕3号"));
    assertThat(closures.get(creditCode).deregistrationDocumentNo()).isEqualTo("延编注字〔2026〕3号");

    Task announcement = task(engine, instance, Elements.PUBLISH_ANNOUNCEMENT);
    assertThat(candidateGroups(engine, announcement)).containsExactly("health");
    assertThat(tasks.getVariable(announcement.getId(), Variables.ANNOUNCEMENT_DATE)).isEqualTo(today.toString());
    assertThat((String) tasks.getVariable(announcement.getId(), Variables.ANNOUNCEMENT_TEXT))
        .contains(decided.decisionNo()).contains("注销其登记");
    claimAndComplete(announcement, "baota-health-clerk", Map.of(Variables.ANNOUNCEMENT_TEXT, "关于关闭阳光宝贝托育中心的公告"));

    assertThat(instance).isEnded().hasPassed(Elements.CLOSE_INSTITUTION, Elements.END_CLOSED);
    assertThat(institutions.find(creditCode).orElseThrow().status()).isEqualTo(InstitutionStatus.DEREGISTERED);
    assertThat(jdbc.sql("select from_status || '>' || to_status from institution_status_history where credit_code = ? "
            + "order by id").param(creditCode).query(String.class).list())
        .endsWith("FILED>CLOSED", "CLOSED>DEREGISTERED");
    ClosureCase closed = closures.get(creditCode);
    assertThat(closed.announcementDate()).isEqualTo(today);
    assertThat(closed.announcementText()).isEqualTo("关于关闭阳光宝贝托育中心的公告");
    assertThat(closed.announcedBy()).isEqualTo("system");

    engine.getIdentityService().setAuthentication("baota-supervisor", List.of("supervisor"), List.of(COUNTY));
    try {
      ClosureView view = service.view(creditCode);
      assertThat(view.statusLabel()).isEqualTo("已注销");
      assertThat(view.banKindLabel()).isEqualTo("终身禁入");
      assertThat(view.bannedPersons()).containsExactly(new ClosureView.Person("刘强", "机构负责人", true));
      assertThat(view.placements()).extracting(ClosureView.Placement::department).containsExactly("education", "health");
      assertThat(view.announcementDate()).isEqualTo(today);
      assertThat(view.toString()).doesNotContain(principalIdNumber);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }

    // Nothing in the history holds a full ID number.
    for (HistoricVariableInstance v : engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).list()) {
      assertThat(String.valueOf(v.getValue())).as(v.getName())
          .doesNotContain(principalIdNumber, legalRepresentativeIdNumber);
    }
  }

  @Test
  void sendBack_loopsToTheDrafterWithTheComment() {
    service.start(creditCode, COUNTY, YEAR);
    ProcessInstance instance = instance();
    claimAndComplete(task(engine, instance, Elements.DRAFT_DECISION), "baota-health-clerk",
        Map.of(Variables.DECISION_DRAFT, "草稿一"));

    Task approval = task(engine, instance, Elements.APPROVE_DECISION);
    assertThatThrownBy(() -> tasks.complete(approval.getId(), Map.of(Variables.APPROVAL_DECISION, "RETURN")))
        .hasMessageContaining("退回修改必须写明审批意见");
    assertThatThrownBy(() -> tasks.complete(approval.getId(), Map.of()))
        .hasMessageContaining("请选择审批结论");
    tasks.complete(approval.getId(), Map.of(Variables.APPROVAL_DECISION, "RETURN",
        Variables.APPROVAL_COMMENT, "请补充机构负责人的责任"));

    assertThat(instance).hasPassed(Elements.DRAFT_MERGE).isWaitingAt(Elements.DRAFT_DECISION);
    Task redraft = task(engine, instance, Elements.DRAFT_DECISION);
    assertThat(tasks.getVariable(redraft.getId(), Variables.APPROVAL_COMMENT)).isEqualTo("请补充机构负责人的责任");
    // Persons must come with a ban, and only responsible persons of the filed list can be named.
    assertThatThrownBy(() -> tasks.complete(redraft.getId(), Map.of(Variables.DECISION_DRAFT, "草稿二",
        Variables.BLACKLIST_PERSONS, json(principalId)))).hasMessageContaining("请选择对所列人员的处理");
    assertThatThrownBy(() -> tasks.complete(redraft.getId(), Map.of(Variables.DECISION_DRAFT, "草稿二",
        Variables.BLACKLIST_PERSONS, json(caregiverId), Variables.BAN_KIND, "BLACKLIST")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("不是该机构备案人员名单中的负责人");
    assertThatThrownBy(() -> tasks.complete(redraft.getId(), Map.of(Variables.DECISION_DRAFT, " ")))
        .hasMessageContaining("请填写关闭决定");
    tasks.complete(redraft.getId(), Map.of(Variables.DECISION_DRAFT, "草稿二",
        Variables.BLACKLIST_PERSONS, json(principalId), Variables.BAN_KIND, "BLACKLIST"));

    Task second = task(engine, instance, Elements.APPROVE_DECISION);
    assertThat(tasks.getVariables(second.getId())).doesNotContainKeys(Variables.APPROVAL_DECISION,
        Variables.APPROVAL_COMMENT);
    // The supervisor takes nobody onto the list: the decision stands without a ban.
    tasks.complete(second.getId(), Map.of(Variables.APPROVAL_DECISION, "APPROVE",
        Variables.BLACKLIST_PERSONS, json()));
    assertThat(instance).hasPassed(Elements.RECORD_DECISION).isWaitingAt(Elements.DEREGISTER, Elements.PLAN_PLACEMENT);
    ClosureCase decided = closures.get(creditCode);
    assertThat(decided.decisionDraft()).isEqualTo("草稿二");
    assertThat(decided.banKind()).isNull();
    assertThat(closures.bannedPersons(decided.id())).isEmpty();
    assertThat(jdbc.sql("select count(*) from staff_blacklist where source_key = ?").param(creditCode + "-closure")
        .query(Integer.class).single()).isZero();
  }

  @Test
  void deregistrationOverdueAcrossSpringFestival_escalatesToTheAuthoritysSupervisor() {
    String approved = failedTwiceInstitution("approval");
    supervisor(engine, "baota-approval-supervisor", "approval", COUNTY);
    closures.openIfAbsent(approved, COUNTY, YEAR);
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.COUNTY, COUNTY);
    variables.put(Variables.CREDIT_CODE, approved);
    variables.put(Variables.INSPECTION_YEAR, YEAR);
    variables.put(Variables.REGISTRATION_AUTHORITY, "approval");
    // Approved on Thursday 2026-02-12: 10 working days are 13, 14 (make-up Sat), 24–28 (28th make-up Sat), Mar 2, 3, 4.
    variables.put(Variables.DECIDED_AT, Date.from(OffsetDateTime.parse("2026-02-12T00:00:00+08:00").toInstant()));
    variables.put(Variables.DEREGISTRATION_WORKING_DAYS, 10);
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceByKey(ClosureProcess.KEY)
        .businessKey(ClosureProcess.businessKey(approved))
        .setVariables(variables)
        .startBeforeActivity(Elements.DEREGISTER)
        .execute();

    Task deregister = task(engine, instance, Elements.DEREGISTER);
    assertThat(candidateGroups(engine, deregister)).containsExactly("approval");
    assertThat(deregister.getDueDate()).isEqualTo(at("2026-03-04T23:59:59+08:00"));
    Job timer = timer(engine, instance, Elements.DEREGISTRATION_OVERDUE);
    assertThat(timer.getDuedate()).isEqualTo(at("2026-03-05T00:00:00+08:00"));
    engine.getManagementService().executeJob(timer.getId());

    Task escalation = task(engine, instance, Elements.ESCALATE_DEREGISTRATION);
    assertThat(candidateUsers(engine, escalation)).containsExactly("baota-approval-supervisor");
    assertThat(instance).isWaitingAt(Elements.DEREGISTER, Elements.ESCALATE_DEREGISTRATION);
    tasks.complete(escalation.getId(), Map.of(Variables.ESCALATION_NOTE, "请于三日内办结注销登记"));
    assertThat(instance).hasPassed(Elements.END_ESCALATED).isWaitingAt(Elements.DEREGISTER);

    assertThatThrownBy(() -> tasks.complete(deregister.getId(), Map.of(
        Variables.DEREGISTERED_ON, LocalDate.now(CHINA).plusDays(1).toString(),
        Variables.DEREGISTRATION_DOCUMENT_NO, "延审批注字〔2026〕15号"))).hasMessageContaining("不能晚于今天");
    tasks.complete(deregister.getId(), Map.of(Variables.DEREGISTERED_ON, "2026-03-06",
        Variables.DEREGISTRATION_DOCUMENT_NO, "延审批注字〔2026〕15号"));
    assertThat(closures.get(approved).deregisteredOn()).isEqualTo(LocalDate.of(2026, 3, 6));
  }

  @Test
  void startClosureDelegate_startsOneCasePerInstitution() throws Exception {
    JavaDelegate start = delegates.startClosureDelegate(service);
    DelegateExecution inspection = mock(DelegateExecution.class);
    when(inspection.getVariable("creditCode")).thenReturn(creditCode);
    when(inspection.getVariable("county")).thenReturn(COUNTY);
    when(inspection.getVariable("inspectionYear")).thenReturn(YEAR);

    start.execute(inspection);
    start.execute(inspection);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(creditCode + "-closure").count()).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from closure_case where credit_code = ?").param(creditCode)
        .query(Integer.class).single()).isEqualTo(1);
    assertThat(closures.get(creditCode).processInstanceId()).isEqualTo(instance().getId());

    // Finished or cancelled, the case still counts: a later failed year starts nothing new.
    engine.getRuntimeService().deleteProcessInstance(instance().getId(), "test");
    new InspectionHistory(jdbc).enterPriorResult(creditCode, YEAR + 1, InspectionResult.FAILED, null, "test");
    assertThat(service.start(creditCode, COUNTY, YEAR + 1)).isFalse();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(creditCode + "-closure").count()).isZero();

    when(inspection.getVariable("inspectionYear")).thenReturn(null);
    assertThatThrownBy(() -> start.execute(inspection)).hasMessageContaining("inspectionYear");
  }

  @Test
  void startClosureDelegate_refusesWithoutTwoFailedReviewsInARow() {
    String passedLastYear = RegistrationFixtures.creditCode(COUNTY);
    institutions.insert(new Institution(passedLastYear, "合格托育中心" + passedLastYear.substring(12),
        InstitutionNature.FOR_PROFIT, false, COUNTY, "延安市宝塔区测试路 2 号", "赵六", 10, 10, 10, null, "approval", null,
        OffsetDateTime.parse("2023-03-01T00:00:00+08:00"), InstitutionStatus.FILED, false, null, null), "test");
    InspectionHistory history = new InspectionHistory(jdbc);
    history.enterPriorResult(passedLastYear, YEAR - 1, InspectionResult.PASSED, null, "test");
    history.enterPriorResult(passedLastYear, YEAR, InspectionResult.FAILED, null, "test");
    assertThatThrownBy(() -> service.start(passedLastYear, COUNTY, YEAR))
        .hasMessageContaining("并非连续两年不合格");
    assertThat(closures.find(passedLastYear)).isEmpty();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(passedLastYear + "-closure").count()).isZero();
  }

  @Test
  void theCaseIsReadByOfficialsOfItsCountyOnly() {
    service.start(creditCode, COUNTY, YEAR);
    var identity = engine.getIdentityService();
    try {
      identity.setAuthentication("baota-health-clerk", List.of("clerk", "health"), List.of(COUNTY));
      ClosureView view = service.view(creditCode);
      assertThat(view.institutionName()).startsWith("阳光宝贝托育中心");
      assertThat(view.statusLabel()).isEqualTo("已备案");
      assertThat(view.inspectionYear()).isEqualTo(YEAR);
      assertThat(view.deregistrationAuthority()).isEqualTo("establishment");
      assertThat(view.processInstanceId()).isEqualTo(instance().getId());
      assertThat(view.decisionNo()).isNull();

      identity.setAuthentication("ansai-health-clerk", List.of("clerk", "health"), List.of("610603"));
      assertThatThrownBy(() -> service.view(creditCode)).isInstanceOf(NotFoundException.class);
      identity.setAuthentication("portal", List.of("portal"), List.of(COUNTY));
      assertThatThrownBy(() -> service.view(creditCode)).isInstanceOf(NotFoundException.class);
      identity.setAuthentication("admin", List.of("camunda-admin"), List.of());
      assertThat(service.view(creditCode).creditCode()).isEqualTo(creditCode);
      assertThatThrownBy(() -> service.view(failedTwiceInstitution("approval")))
          .isInstanceOf(NotFoundException.class).hasMessageContaining("没有机构");
    } finally {
      identity.clearAuthentication();
    }
  }

  @Test
  void blacklistEntriesOfACaseAreWrittenOnce() {
    BlacklistRepository blacklist = new BlacklistRepository(jdbc);
    assertThat(blacklist.addOnce(principalIdNumber, "刘强", "测试", true, "once-test")).isTrue();
    assertThat(blacklist.addOnce(principalIdNumber, "刘强", "测试", true, "once-test")).isFalse();
    assertThat(jdbc.sql("select count(*) from staff_blacklist where source_key = 'once-test'")
        .query(Integer.class).single()).isEqualTo(1);
  }

  // --- fixtures

  /**
   * A filed institution whose reviews of 2025 (entered by hand) and 2026 failed, with an old returned
   * staff list and a newer approved one: legal representative 王建华 (other staff), principal 刘强,
   * caregiver 李梅.
   */
  private String failedTwiceInstitution(String authority) {
    String code = RegistrationFixtures.creditCode(COUNTY);
    institutions.insert(new Institution(code, "阳光宝贝托育中心" + code.substring(12), InstitutionNature.NON_PROFIT, true,
        COUNTY, "延安市宝塔区枣园路 18 号", "王建华", 10, 20, 30, new BigDecimal("1800"), authority, null,
        OffsetDateTime.parse("2023-03-01T00:00:00+08:00"), InstitutionStatus.REGISTERED, false, null, null), "test");
    institutions.markFiled(code, "托备〔2023〕610602-0001号", "test");
    FilingRepository filings = new FilingRepository(jdbc);
    long old = filings.insertSubmission(code, "52610602MJ0000001K", "场地", "消防", "卫生", "收费");
    filings.insertStaff(old, code, "张旧", idNumber(), StaffRole.PRINCIPAL, List.of());
    filings.recordDecision(old, "RETURN", "补充证书", "test");
    long latest = filings.insertSubmission(code, "52610602MJ0000001K", "场地", "消防", "卫生", "收费");
    legalRepresentativeIdNumber = idNumber();
    principalIdNumber = idNumber();
    filings.insertStaff(latest, code, "王建华", legalRepresentativeIdNumber, StaffRole.OTHER, List.of());
    filings.insertStaff(latest, code, "刘强", principalIdNumber, StaffRole.PRINCIPAL, List.of());
    filings.insertStaff(latest, code, "李梅", idNumber(), StaffRole.CAREGIVER, List.of(Certificate.CHILDCARE_WORKER));
    filings.recordDecision(latest, "APPROVE", null, "test");
    List<Long> ids = jdbc.sql("select id from institution_staff where submission_id = ? order by id")
        .param(latest).query(Long.class).list();
    legalRepresentativeId = ids.get(0);
    principalId = ids.get(1);
    caregiverId = ids.get(2);
    InspectionHistory history = new InspectionHistory(jdbc);
    history.enterPriorResult(code, YEAR - 1, InspectionResult.FAILED, "消防通道堵塞，整改复查不合格", "test");
    history.openAnnual(code, YEAR, "test");
    history.recordResult(code, YEAR, InspectionResult.FAILED, "重大安全隐患 2 项");
    return code;
  }

  private static String idNumber() {
    return RegistrationFixtures.idNumber(COUNTY, LocalDate.of(1980, 1, 1).plusDays(SERIAL.get()),
        SERIAL.incrementAndGet());
  }

  private static Object json(long... staffIds) {
    StringBuilder list = new StringBuilder("[");
    for (long id : staffIds) {
      list.append(list.length() > 1 ? "," : "").append('"').append(id).append('"');
    }
    return SpinValues.jsonValue(list.append(']').toString()).create();
  }

  private ProcessInstance instance() {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(ClosureProcess.businessKey(creditCode)).singleResult();
  }

  private void claimAndComplete(Task task, String userId, Map<String, Object> variables) {
    tasks.claim(task.getId(), userId);
    tasks.complete(task.getId(), variables);
  }
}
