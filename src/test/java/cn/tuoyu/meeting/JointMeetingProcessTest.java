package cn.tuoyu.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.tuoyu.calendar.WorkingDayCalendar;
import cn.tuoyu.identity.CountyRepository;
import cn.tuoyu.identity.Supervisors;
import cn.tuoyu.meeting.JointMeetingProcess.Elements;
import cn.tuoyu.meeting.JointMeetingProcess.Variables;
import cn.tuoyu.meeting.MeetingQueries.DepartmentItems;
import cn.tuoyu.meeting.MeetingQueries.MeetingSummary;
import cn.tuoyu.support.TestEnginePlugin;
import cn.tuoyu.system.NotFoundException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * JointMeetingProcess on the in-memory engine with the real delegates, services and tables (H2 with the
 * Flyway migrations). The engine clock starts on Thursday 2026-02-12, so the progress reports' 5 working
 * days cross Spring Festival: 13th, 14th (make-up Saturday), 24th, 25th, 26th.
 */
@Deployment(resources = "processes/meeting/JointMeetingProcess.bpmn")
class JointMeetingProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder(TestEnginePlugin.CONFIGURATION).assertClassCoverageAtLeast(0.9).build();

  static final String CITY = "610600";
  static final String START = "2026-02-12T10:00:00+08:00";

  private static JdbcClient jdbc;

  private ProcessEngine engine;
  private MeetingRepository repository;
  private MeetingService meetings;
  private MeetingQueries queries;

  @BeforeAll
  static void registry() {
    DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:meeting-test;DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    jdbc = JdbcClient.create(dataSource);
  }

  @BeforeEach
  void wire() {
    ClockUtil.setCurrentTime(at(START));
    engine = extension.getProcessEngine();
    repository = new MeetingRepository(jdbc);
    WorkingDayCalendar workdays = WorkingDayCalendar.bundled();
    CountyRepository counties = new CountyRepository(jdbc);
    meetings = new MeetingService(engine.getRuntimeService(), engine.getTaskService(), engine.getIdentityService(),
        repository, counties, workdays, MeetingSettings.defaults());
    queries = new MeetingQueries(repository, counties, engine.getIdentityService());
    MeetingDelegates delegates = new MeetingDelegates();
    Mocks.register("workdays", workdays);
    Mocks.register("supervisors", new Supervisors(engine.getIdentityService()));
    Mocks.register("meetingService", meetings);
    Mocks.register("registerMeetingDelegate", delegates.registerMeetingDelegate(meetings));
    Mocks.register("agendaChecker", delegates.agendaChecker(meetings));
    Mocks.register("requestReportsDelegate", delegates.requestReportsDelegate(meetings));
    Mocks.register("progressReportPreparer", delegates.progressReportPreparer(meetings));
    Mocks.register("progressReportChecker", delegates.progressReportChecker(meetings));
    Mocks.register("remindLaggardsDelegate", delegates.remindLaggardsDelegate(meetings));
    Mocks.register("recordOverdueReportsDelegate", delegates.recordOverdueReportsDelegate(meetings));
    Mocks.register("overdueReportsPreparer", delegates.overdueReportsPreparer(meetings));
    Mocks.register("meetingRecordPreparer", delegates.meetingRecordPreparer(meetings));
    Mocks.register("meetingRecordChecker", delegates.meetingRecordChecker(meetings));
    Mocks.register("itemCompletionPreparer", delegates.itemCompletionPreparer(meetings));
    Mocks.register("itemCompletionChecker", delegates.itemCompletionChecker(meetings));
    Mocks.register("recordItemOverdueDelegate", delegates.recordItemOverdueDelegate(meetings));
    Mocks.register("overdueItemPreparer", delegates.overdueItemPreparer(meetings));
    Mocks.register("recordItemNotDoneDelegate", delegates.recordItemNotDoneDelegate(meetings));
    Mocks.register("itemAcceptancePreparer", delegates.itemAcceptancePreparer(meetings));
    Mocks.register("itemAcceptanceChecker", delegates.itemAcceptanceChecker(meetings));
    Mocks.register("closeMeetingDelegate", delegates.closeMeetingDelegate(meetings));
    supervisor("city-supervisor", "health", CITY);
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    ClockUtil.reset();
    var identity = engine.getIdentityService();
    identity.clearAuthentication();
    identity.createUserQuery().list().forEach(u -> identity.deleteUser(u.getId()));
    identity.createGroupQuery().list().forEach(g -> identity.deleteGroup(g.getId()));
  }

  @Test
  void allReportsInOnTime_meetingRecorded_itemDoneOnTime_closedWithSummary() {
    ProcessInstance instance = start("2026年第一季度婴幼儿照护服务工作联席会议");
    long id = meetingId(instance);
    assertThat(instance.getBusinessKey()).isEqualTo("meeting-" + id);
    assertThat(instance.getTenantId()).isEqualTo(CITY);
    assertThat(instance).isWaitingAt(Elements.DRAFT_AGENDA);
    assertThat(candidateGroups(task(instance, Elements.DRAFT_AGENDA))).containsExactly("health");
    assertThat(queries.status(id).status()).isEqualTo("DRAFTING");

    draft(instance, List.of("health", "education", "civil-affairs"));
    List<Task> reports = tasks(instance, Elements.SUBMIT_PROGRESS_REPORT);
    assertThat(reports).hasSize(3).allSatisfy(t ->
        assertThat(t.getDueDate()).isEqualTo(at("2026-02-26T23:59:59+08:00")));
    assertThat(reports.stream().flatMap(t -> candidateGroups(t).stream()))
        .containsExactlyInAnyOrder("health", "education", "civil-affairs");
    assertThat(timer(instance, Elements.REPORT_REMINDER).getDuedate()).isEqualTo(at("2026-02-25T09:00:00+08:00"));
    assertThat(timer(instance, Elements.REPORTS_OVERDUE).getDuedate()).isEqualTo(at("2026-02-27T00:00:00+08:00"));
    assertThat((String) engine.getTaskService().getVariable(reports.get(0).getId(), Variables.MEETING_BRIEF))
        .contains("2026年第一季度").contains("通报工作进展").contains("2026年2月26日前");
    assertThat(queries.status(id).status()).isEqualTo("REPORTING");
    assertThat(queries.status(id).reportDueDate()).isEqualTo(LocalDate.of(2026, 2, 26));

    ClockUtil.setCurrentTime(at("2026-02-24T10:00:00+08:00"));
    report(instance, "health", "已完成全市托育机构备案核查");
    report(instance, "education", "新增托班 12 个");
    assertThat(queries.status(id).reportsSubmitted()).as("the convener sees two of three counted").isEqualTo(2);
    report(instance, "civil-affairs", "社区托育点纳入社区服务体系");

    assertThat(instance).isWaitingAt(Elements.RECORD_MEETING).hasNotPassed(Elements.REMIND_LAGGARDS,
        Elements.RECORD_OVERDUE_REPORTS);
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(repository.reportReminders(id)).isEmpty();
    Task record = task(instance, Elements.RECORD_MEETING);
    assertThat(candidateGroups(record)).containsExactly("health");
    assertThat((String) engine.getTaskService().getVariable(record.getId(), Variables.REPORTS_SUMMARY))
        .startsWith("已通报 3/3 个成员单位（按期 3，逾期 0）").contains("【教育局】按期通报").contains("新增托班 12 个");
    var status = queries.status(id);
    assertThat(status.status()).isEqualTo("MEETING");
    assertThat(status.reportsSubmitted()).isEqualTo(3);
    assertThat(status.reports()).allSatisfy(r -> assertThat(r.onTime()).isTrue());

    ClockUtil.setCurrentTime(at("2026-02-25T15:00:00+08:00"));
    recordMeeting(instance, "[{\"planTask\":\"2.1.3\",\"deadline\":\"2026-03-20\"}]");
    assertThat(instance).isWaitingAt(Elements.REPORT_ITEM_COMPLETION);
    List<Task> parts = tasks(instance, Elements.REPORT_ITEM_COMPLETION);
    assertThat(parts.stream().flatMap(t -> candidateGroups(t).stream()))
        .as("the plan's 责任部门 of 2.1.3: 市总工会、市妇联").containsExactlyInAnyOrder("trade-union", "women-federation");
    assertThat(parts).allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(at("2026-03-20T23:59:59+08:00")));
    assertThat(timer(instance, Elements.ITEM_OVERDUE).getDuedate()).isEqualTo(at("2026-03-21T00:00:00+08:00"));
    assertThat((String) engine.getTaskService().getVariable(parts.get(0).getId(), Variables.ITEM_BRIEF))
        .contains("加强单位婴幼儿照护保障能力").contains("2.1.3").contains("2026年3月20日");
    assertThat(queries.status(id).status()).isEqualTo("ACTIONS");

    ClockUtil.setCurrentTime(at("2026-03-10T10:00:00+08:00"));
    completeItem(instance, "trade-union", "已推动 3 家企业举办职工托育点");
    completeItem(instance, "women-federation", "已开展家庭科学育儿指导 20 场");
    Task accept = task(instance, Elements.ACCEPT_ITEM);
    assertThat(candidateGroups(accept)).containsExactly("health");
    assertThat((String) engine.getTaskService().getVariable(accept.getId(), Variables.ITEM_REPORTS))
        .contains("【总工会】2026年3月10日报告（按期）").contains("【妇联】").contains("佐证材料：");
    ClockUtil.setCurrentTime(at("2026-03-11T10:00:00+08:00"));
    decide(accept, "ACCEPT", null, null);

    assertThat(instance).isEnded().hasPassed(Elements.END_ITEM_DONE, Elements.CLOSE_MEETING, Elements.END_MEETING_CLOSED);
    assertThat(historic(instance, Variables.ITEMS_ON_TIME)).isEqualTo(1);
    assertThat(historic(instance, Variables.ITEMS_LATE)).isEqualTo(0);
    assertThat(historic(instance, Variables.ITEMS_NOT_DONE)).isEqualTo(0);
    MeetingSummary summary = queries.summary(id);
    assertThat(summary.status()).isEqualTo("CLOSED");
    assertThat(summary.onTime()).isEqualTo(1);
    assertThat(summary.items()).singleElement().satisfies(i -> {
      assertThat(i.outcome()).isEqualTo("ON_TIME");
      assertThat(i.outcomeLabel()).isEqualTo("按期完成");
      assertThat(i.departments()).containsExactlyInAnyOrder("trade-union", "women-federation");
      assertThat(i.description()).isEqualTo("加强单位婴幼儿照护保障能力");
    });
    assertThat(queries.openItems(id)).isEmpty();
  }

  @Test
  void aLateDepartmentGetsTheReminder_andTheConvenerTheEscalation() {
    ProcessInstance instance = start("联席会议");
    long id = meetingId(instance);
    draft(instance, List.of("health", "education", "market"));
    ClockUtil.setCurrentTime(at("2026-02-24T10:00:00+08:00"));
    report(instance, "health", "备案核查完成");
    report(instance, "market", "收费检查完成");

    ClockUtil.setCurrentTime(at("2026-02-25T09:00:00+08:00"));
    execute(timer(instance, Elements.REPORT_REMINDER));
    assertThat(instance).hasPassed(Elements.REMIND_LAGGARDS, Elements.END_LAGGARDS_REMINDED)
        .isWaitingAt(Elements.SUBMIT_PROGRESS_REPORT);
    Task laggard = reportTask(instance, "education");
    assertThat(laggard.getFollowUpDate()).isEqualTo(at("2026-02-25T09:00:00+08:00"));
    assertThat(laggard.getPriority()).isEqualTo(MeetingService.REMINDED_PRIORITY);
    assertThat(comments(laggard)).singleElement().asString().contains("催办").contains("2026年2月26日前");
    assertThat(repository.reminderKinds(id, "education")).containsExactly("REPORT_DUE");
    assertThat(repository.reminderKinds(id, "health")).as("who reported is not reminded").isEmpty();
    assertThat(repository.reminderKinds(id, "market")).isEmpty();
    assertThat(task(instance, Elements.ESCALATE_OVERDUE_REPORTS)).isNull();

    ClockUtil.setCurrentTime(at("2026-02-27T00:00:00+08:00"));
    execute(timer(instance, Elements.REPORTS_OVERDUE));
    Task escalation = task(instance, Elements.ESCALATE_OVERDUE_REPORTS);
    assertThat(candidateUsers(escalation)).containsExactly("city-supervisor");
    assertThat((String) engine.getTaskService().getVariable(escalation.getId(), Variables.OVERDUE_SUMMARY))
        .contains("已通报 2/3").contains("逾期未通报：教育局（已催办 2 次）");
    laggard = reportTask(instance, "education");
    assertThat(laggard.getPriority()).isEqualTo(MeetingService.OVERDUE_PRIORITY);
    assertThat(comments(laggard)).hasSize(2).anySatisfy(c -> assertThat(c).contains("督办"));
    assertThat(repository.reminderKinds(id, "education")).containsExactly("REPORT_DUE", "REPORT_OVERDUE");
    var status = queries.status(id);
    assertThat(status.reports()).filteredOn(r -> r.department().equals("education")).singleElement()
        .satisfies(r -> {
          assertThat(r.overdue()).isTrue();
          assertThat(r.reminders()).isEqualTo(2);
          assertThat(r.reportStatus()).isEqualTo("OPEN");
        });

    // The supervisor chases the department; the escalation stays open while it does.
    ClockUtil.setCurrentTime(at("2026-03-02T11:00:00+08:00"));
    report(instance, "education", "托班建设进展滞后，已部署");
    assertThat((String) engine.getTaskService().getVariable(task(instance, Elements.RECORD_MEETING).getId(),
        Variables.REPORTS_SUMMARY)).contains("按期 2，逾期 1").contains("【教育局】逾期通报");
    assertThat(queries.status(id).reportsLate()).isEqualTo(1);

    recordMeeting(instance, null);
    assertThat(instance).isEnded().hasPassed(Elements.END_MEETING_CLOSED).hasNotPassed(Elements.ACTION_ITEM);
    assertThat(engine.getTaskService().createTaskQuery().taskId(escalation.getId()).count())
        .as("the closed meeting ends the escalation left open").isZero();
    assertThat(queries.summary(id).items()).isEmpty();
  }

  @Test
  void theSupervisorMayHoldTheMeetingWithoutTheMissingReport() {
    ProcessInstance instance = start("联席会议");
    long id = meetingId(instance);
    draft(instance, List.of("health", "education", "market"));
    ClockUtil.setCurrentTime(at("2026-02-24T10:00:00+08:00"));
    report(instance, "health", "备案核查完成");
    report(instance, "market", "收费检查完成");
    ClockUtil.setCurrentTime(at("2026-02-27T00:00:00+08:00"));
    execute(timer(instance, Elements.REPORTS_OVERDUE));
    Task escalation = task(instance, Elements.ESCALATE_OVERDUE_REPORTS);

    complete(escalation, Map.of(Variables.ESCALATION_DECISION, "WAIT", Variables.ESCALATION_NOTE, "已督促"));
    assertThat(instance).hasPassed(Elements.END_REPORTS_ESCALATED).isWaitingAt(Elements.SUBMIT_PROGRESS_REPORT)
        .hasNotPassed(Elements.REPORTS_WAIVED);
    assertThat(reportTask(instance, "education")).isNotNull();

    // A week later still nothing: a second escalation (started here as the timer would), and the supervisor stops waiting.
    ClockUtil.setCurrentTime(at("2026-03-06T10:00:00+08:00"));
    engine.getRuntimeService().createProcessInstanceModification(instance.getId())
        .startBeforeActivity(Elements.RECORD_OVERDUE_REPORTS).execute();
    complete(task(instance, Elements.ESCALATE_OVERDUE_REPORTS), Map.of(Variables.ESCALATION_DECISION, "PROCEED",
        Variables.ESCALATION_NOTE, "教育局无法按期通报，按已通报情况召开会议"));
    assertThat(instance).hasPassed(Elements.REPORTS_WAIVED, Elements.REPORTS_IN).isWaitingAt(Elements.RECORD_MEETING);
    assertThat(reportTask(instance, "education")).as("the missing department's task is withdrawn").isNull();
    assertThat((String) engine.getTaskService().getVariable(task(instance, Elements.RECORD_MEETING).getId(),
        Variables.REPORTS_SUMMARY)).startsWith("已通报 2/3 个成员单位").contains("【教育局】未通报");
    assertThat(repository.reminderKinds(id, "education")).containsExactly("REPORT_OVERDUE", "REPORT_OVERDUE");
    assertThat(queries.status(id).reports()).filteredOn(r -> r.department().equals("education")).singleElement()
        .satisfies(r -> assertThat(r.reportStatus()).isEqualTo("OPEN"));
    recordMeeting(instance, null);
    assertThat(instance).isEnded();
  }

  @Test
  void theSupervisorMayCloseAnOverdueItemAsNotDone_andAnAcceptedItemEndsItsOpenEscalation() {
    ProcessInstance instance = toMeeting(List.of("health"));
    long id = meetingId(instance);
    recordMeeting(instance, "[{\"departments\":[\"education\",\"market\"],\"deadline\":\"2026-03-20\",\"description\":\"托班用房排查\"},"
        + "{\"departments\":[\"finance\"],\"deadline\":\"2026-03-20\",\"description\":\"扶持资金\"}]");
    var items = repository.items(id);
    ClockUtil.setCurrentTime(at("2026-03-10T10:00:00+08:00"));
    completeItem(instance, "market", "已排查");

    ClockUtil.setCurrentTime(at("2026-03-21T00:00:00+08:00"));
    engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId(Elements.ITEM_OVERDUE).list().forEach(this::execute);
    List<Task> escalations = tasks(instance, Elements.ESCALATE_OVERDUE_ITEM);
    assertThat(escalations).hasSize(2);

    // Finance reports late and is accepted while its escalation is still open: the item's end ends it too.
    ClockUtil.setCurrentTime(at("2026-03-23T10:00:00+08:00"));
    completeItem(instance, "finance", "已拨付");
    decide(acceptTaskOf(instance, items.get(1).id()), "ACCEPT", null, null);
    assertThat(tasks(instance, Elements.ESCALATE_OVERDUE_ITEM)).hasSize(1);

    Task first = tasks(instance, Elements.ESCALATE_OVERDUE_ITEM).get(0);
    assertThat((String) engine.getTaskService().getVariable(first.getId(), Variables.OVERDUE_SUMMARY))
        .contains("托班用房排查").contains("尚未报告落实情况：教育局");
    complete(first, Map.of(Variables.ESCALATION_DECISION, "CLOSE", Variables.ESCALATION_NOTE, "教育局职能调整，无法落实"));
    assertThat(instance).hasPassed(Elements.ITEM_WAIVED, Elements.RECORD_ITEM_NOT_DONE, Elements.END_ITEM_WAIVED)
        .isEnded();
    MeetingSummary summary = queries.summary(id);
    assertThat(summary.items()).extracting(MeetingQueries.ItemSummary::outcome).containsExactly("NOT_DONE", "LATE");
    assertThat(summary.items().get(0).note()).isEqualTo("督办后不再等待，未报告：教育局");
    assertThat(repository.assignments(items.get(0).id())).extracting(MeetingRepository.Assignment::status)
        .containsOnly("CLOSED");
  }

  @Test
  void anActionItemWithThreeResponsibleDepartmentsNeedsAllThree() {
    ProcessInstance instance = toMeeting(List.of("health"));
    long id = meetingId(instance);
    recordMeeting(instance, "[{\"departments\":[\"education\",\"housing\",\"finance\"],"
        + "\"deadline\":\"2026-03-31\",\"description\":\"新建幼儿园同步规划托班用房\"}]");
    assertThat(tasks(instance, Elements.REPORT_ITEM_COMPLETION).stream().flatMap(t -> candidateGroups(t).stream()))
        .containsExactlyInAnyOrder("education", "housing", "finance");
    assertThat(queries.openItems(id)).extracting(DepartmentItems::department)
        .containsExactly("education", "housing", "finance");

    completeItem(instance, "education", "已出台规划指引");
    completeItem(instance, "housing", "已纳入配套建设要求");
    assertThat(task(instance, Elements.ACCEPT_ITEM)).as("two of three is not enough").isNull();
    assertThat(instance).isWaitingAt(Elements.REPORT_ITEM_COMPLETION);
    assertThat(queries.openItems(id)).filteredOn(d -> d.department().equals("housing")).singleElement()
        .satisfies(d -> assertThat(d.items()).singleElement().satisfies(i -> assertThat(i.status()).isEqualTo("REPORTED")));

    completeItem(instance, "finance", "已安排扶持资金");
    assertThat(task(instance, Elements.ACCEPT_ITEM)).isNotNull();
    assertThat((String) engine.getTaskService().getVariable(task(instance, Elements.ACCEPT_ITEM).getId(),
        Variables.ITEM_REPORTS)).contains("【教育局】", "【住建局】", "【财政局】");
  }

  @Test
  void sendBack_onlyTheReturnedDepartmentReportsAgain_untilAccepted() {
    ProcessInstance instance = toMeeting(List.of("health"));
    long id = meetingId(instance);
    recordMeeting(instance, "[{\"departments\":[\"education\",\"housing\"],\"deadline\":\"2026-03-31\","
        + "\"description\":\"托班用房配套\"}]");
    completeItem(instance, "education", "已完成");
    completeItem(instance, "housing", "基本完成");
    Task accept = task(instance, Elements.ACCEPT_ITEM);
    assertThatThrownBy(() -> decide(accept, "SEND_BACK", null, null)).hasMessageContaining("请填写验收意见");
    assertThatThrownBy(() -> decide(accept, null, null, null)).hasMessageContaining("请选择验收结论");
    assertThatThrownBy(() -> decide(accept, "SEND_BACK", "[\"finance\"]", "补充"))
        .hasMessageContaining("不是本事项的责任部门");
    assertThatThrownBy(() -> decide(accept, "MAYBE", null, null)).hasMessageContaining("无效");

    decide(accept, "SEND_BACK", "[\"housing\"]", "请补充验收文件");
    assertThat(instance).hasPassed(Elements.ITEM_DECISION).isWaitingAt(Elements.REPORT_ITEM_COMPLETION);
    List<Task> again = tasks(instance, Elements.REPORT_ITEM_COMPLETION);
    assertThat(again).singleElement().satisfies(t -> assertThat(candidateGroups(t)).containsExactly("housing"));
    assertThat((String) engine.getTaskService().getVariable(again.get(0).getId(), Variables.ITEM_BRIEF))
        .contains("退回重办（第 1 次）：请补充验收文件");
    assertThat(queries.openItems(id)).filteredOn(d -> d.department().equals("housing")).singleElement()
        .satisfies(d -> assertThat(d.items().get(0).statusLabel()).isEqualTo("退回重办"));

    completeItem(instance, "housing", "已补充验收文件");
    Task second = task(instance, Elements.ACCEPT_ITEM);
    decide(second, "SEND_BACK", null, "两个部门均需补充照片");
    assertThat(tasks(instance, Elements.REPORT_ITEM_COMPLETION).stream().flatMap(t -> candidateGroups(t).stream()))
        .as("no department chosen: all are sent back").containsExactlyInAnyOrder("education", "housing");
    completeItem(instance, "education", "已补充照片");
    completeItem(instance, "housing", "已补充照片");
    decide(task(instance, Elements.ACCEPT_ITEM), "ACCEPT", null, "同意");
    assertThat(instance).isEnded();
    assertThat(repository.assignments(repository.items(id).get(0).id()))
        .extracting(MeetingRepository.Assignment::department, MeetingRepository.Assignment::returns)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("education", 1),
            org.assertj.core.groups.Tuple.tuple("housing", 2));
    assertThat(queries.summary(id).onTime()).isEqualTo(1);
  }

  @Test
  void overdueItemsEscalate_andTheSummaryTellsOnTimeLateAndNotDone() {
    ProcessInstance instance = toMeeting(List.of("health"));
    long id = meetingId(instance);
    recordMeeting(instance, "[{\"departments\":[\"education\"],\"deadline\":\"2026-03-20\",\"description\":\"托幼一体化方案\"},"
        + "{\"departments\":[\"market\"],\"deadline\":\"2026-03-21\",\"description\":\"收费检查\"},"
        + "{\"departments\":[\"finance\"],\"deadline\":\"2026-03-31\",\"description\":\"扶持资金\"}]");
    var items = repository.items(id);
    assertThat(items).extracting(MeetingRepository.Item::dueDate).as("a Saturday deadline moves to Monday")
        .containsExactly(LocalDate.of(2026, 3, 20), LocalDate.of(2026, 3, 23), LocalDate.of(2026, 3, 31));

    completeItem(instance, "finance", "已拨付");
    decide(acceptTaskOf(instance, items.get(2).id()), "ACCEPT", null, null);

    ClockUtil.setCurrentTime(at("2026-03-21T00:00:00+08:00"));
    Job first = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId(Elements.ITEM_OVERDUE).orderByJobDuedate().asc().list().get(0);
    assertThat(first.getDuedate()).isEqualTo(at("2026-03-21T00:00:00+08:00"));
    execute(first);
    Task escalation = task(instance, Elements.ESCALATE_OVERDUE_ITEM);
    assertThat(candidateUsers(escalation)).containsExactly("city-supervisor");
    assertThat((String) engine.getTaskService().getVariable(escalation.getId(), Variables.OVERDUE_SUMMARY))
        .contains("托幼一体化方案").contains("尚未报告落实情况：教育局");
    Task education = itemTask(instance, "education");
    assertThat(education.getPriority()).isEqualTo(MeetingService.OVERDUE_PRIORITY);
    assertThat(comments(education)).singleElement().asString().contains("督办").contains("第 1 项");
    assertThat(comments(itemTask(instance, "market"))).as("the other item is not overdue yet").isEmpty();
    assertThat(repository.reminderKinds(id, "education")).containsExactly("ITEM_OVERDUE");
    complete(escalation, Map.of(Variables.ESCALATION_DECISION, "WAIT", Variables.ESCALATION_NOTE, "已督促"));
    assertThat(instance).hasPassed(Elements.END_ITEM_ESCALATED).hasNotPassed(Elements.ITEM_WAIVED);
    assertThat(queries.summary(id).items().get(0).outcomeLabel()).isEqualTo("办理中（已逾期）");

    ClockUtil.setCurrentTime(at("2026-03-23T10:00:00+08:00"));
    completeItem(instance, "education", "方案已印发");
    decide(acceptTaskOf(instance, items.get(0).id()), "ACCEPT", null, null);
    completeItem(instance, "market", "检查未开展");
    Task closing = acceptTaskOf(instance, items.get(1).id());
    assertThatThrownBy(() -> decide(closing, "CLOSE", null, null)).hasMessageContaining("不再办理的事项须写明理由");
    decide(closing, "CLOSE", null, "职能调整，转下次会议研究");

    assertThat(instance).isEnded().hasPassed(Elements.END_ITEM_NOT_DONE);
    assertThat(historic(instance, Variables.ITEMS_ON_TIME)).isEqualTo(1);
    assertThat(historic(instance, Variables.ITEMS_LATE)).isEqualTo(1);
    assertThat(historic(instance, Variables.ITEMS_NOT_DONE)).isEqualTo(1);
    MeetingSummary summary = queries.summary(id);
    assertThat(summary.items()).extracting(MeetingQueries.ItemSummary::outcome)
        .containsExactly("LATE", "NOT_DONE", "ON_TIME");
    assertThat(summary.items().get(1).note()).isEqualTo("职能调整，转下次会议研究");
    assertThat(queries.status(id).itemsNotDone()).isEqualTo(1);
  }

  @Test
  void aDepartmentRemovedFromTheMemberListGetsNoTask() {
    ProcessInstance all = start("全体成员单位");
    Task draft = task(all, Elements.DRAFT_AGENDA);
    engine.getTaskService().complete(draft.getId(), Map.of(Variables.AGENDA, "通报工作进展"));
    assertThat(tasks(all, Elements.SUBMIT_PROGRESS_REPORT)).as("no choice: every member department").hasSize(20);

    ProcessInstance withoutTax = start("税务局不参会");
    List<String> members = MeetingService.allDepartments().stream().filter(d -> !d.equals("tax")).toList();
    draft(withoutTax, members);
    List<Task> reports = tasks(withoutTax, Elements.SUBMIT_PROGRESS_REPORT);
    assertThat(reports).hasSize(19);
    assertThat(reports.stream().flatMap(t -> candidateGroups(t).stream())).doesNotContain("tax").hasSize(19);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(withoutTax.getId())
        .taskCandidateGroup("tax").count()).isZero();
    assertThat(queries.status(meetingId(withoutTax)).members()).isEqualTo(19);

    ProcessInstance none = start("无人参会");
    Task noneDraft = task(none, Elements.DRAFT_AGENDA);
    assertThatThrownBy(() -> engine.getTaskService().complete(noneDraft.getId(),
        Map.of(Variables.AGENDA, "议程", Variables.MEMBER_DEPARTMENTS, "[]")))
        .hasMessageContaining("请至少选择一个参会成员单位");
    assertThatThrownBy(() -> engine.getTaskService().complete(noneDraft.getId(),
        Map.of(Variables.AGENDA, "议程", Variables.MEMBER_DEPARTMENTS, "[\"fire-brigade\"]")))
        .hasMessageContaining("fire-brigade 不是已知的部门");
    assertThatThrownBy(() -> engine.getTaskService().complete(noneDraft.getId(),
        Map.of(Variables.MEMBER_DEPARTMENTS, "health"))).hasMessageContaining("请填写会议议程");
    assertThat(none).isWaitingAt(Elements.DRAFT_AGENDA);
  }

  @Test
  void theRecordAndItsItemsAreCheckedBeforeAnythingIsAssigned() {
    ProcessInstance instance = toMeeting(List.of("health"));
    Task record = task(instance, Elements.RECORD_MEETING);
    Map<String, Object> base = Map.of(Variables.HELD_ON, "2026-02-25", Variables.ATTENDEES, "卫健委 张三",
        Variables.MINUTES, "会议纪要");
    assertThatThrownBy(() -> complete(record, with(base, Variables.MINUTES, " "))).hasMessageContaining("请填写会议纪要");
    assertThatThrownBy(() -> complete(record, with(base, Variables.HELD_ON, "2026-03-30")))
        .hasMessageContaining("不能晚于今天");
    assertThatThrownBy(() -> complete(record, with(base, Variables.ACTION_ITEMS,
        "[{\"deadline\":\"2026-03-20\",\"description\":\"无部门\"}]"))).hasMessageContaining("第 1 项议定事项：请选择责任部门");
    assertThatThrownBy(() -> complete(record, with(base, Variables.ACTION_ITEMS,
        "[{\"planTask\":\"9.9\",\"deadline\":\"2026-03-20\"}]"))).hasMessageContaining("责任分工表中没有任务 9.9");
    assertThatThrownBy(() -> complete(record, with(base, Variables.ACTION_ITEMS,
        "[{\"planTask\":\"2.2.3\",\"deadline\":\"2026-02-20\"}]"))).hasMessageContaining("完成时限应晚于会议召开日期");
    assertThatThrownBy(() -> complete(record, with(base, Variables.ACTION_ITEMS,
        "[{\"planTask\":\"2.2.3\"}]"))).hasMessageContaining("请填写完成时限");
    assertThatThrownBy(() -> complete(record, with(base, Variables.ACTION_ITEMS,
        "[{\"departments\":[\"police\"],\"deadline\":\"2026-03-20\",\"description\":\"x\"}]")))
        .hasMessageContaining("police 不是已知的部门");
    assertThatThrownBy(() -> complete(record, with(base, Variables.ACTION_ITEMS, "{oops")))
        .hasMessageContaining("议定事项格式不正确");
    assertThat(instance).isWaitingAt(Elements.RECORD_MEETING);
    assertThat(repository.items(meetingId(instance))).isEmpty();

    // an empty row the form left behind is ignored; chosen departments replace the plan's
    complete(record, with(base, Variables.ACTION_ITEMS, "[{},{\"planTask\":\"2.2.3\",\"departments\":[\"health\","
        + "\"health\"],\"deadline\":\"2026-03-20\",\"description\":\"  新生儿访视全覆盖 \"}]"));
    var item = repository.items(meetingId(instance)).get(0);
    assertThat(item.seq()).isEqualTo(1);
    assertThat(item.description()).isEqualTo("新生儿访视全覆盖");
    assertThat(repository.assignments(item.id())).extracting(MeetingRepository.Assignment::department)
        .containsExactly("health");
  }

  @Test
  void scheduledStartsOneMeetingPerRun_adHocStartChecksCountyAndRole() {
    LocalDate day = LocalDate.of(2026, 4, 1);
    var first = meetings.startScheduled(day);
    assertThat(first).isPresent();
    assertThat(meetings.startScheduled(day)).as("a second node firing the same run").isEmpty();
    var meeting = repository.meeting(first.get()).orElseThrow();
    assertThat(meeting.title()).isEqualTo("2026年第二季度婴幼儿照护服务工作联席会议");
    assertThat(meeting.countyCode()).isEqualTo(CITY);
    assertThat(meeting.startedBy()).isEqualTo("system");

    var identity = engine.getIdentityService();
    identity.setAuthentication("ansai-health-clerk", List.of("clerk", "health"), List.of("610603"));
    assertThatThrownBy(() -> meetings.start("会议", CITY)).isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("延安市本级");
    identity.setAuthentication("city-education-clerk", List.of("clerk", "education"), List.of(CITY));
    assertThatThrownBy(() -> meetings.start("会议", CITY)).isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("卫生健康部门");
    assertThatThrownBy(() -> meetings.start("会议", "999999")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> meetings.start(" ", CITY)).isInstanceOf(IllegalArgumentException.class);
    identity.setAuthentication("city-health-clerk", List.of("clerk", "health"), List.of(CITY));
    long id = meetings.start("专题联席会议", CITY);
    identity.clearAuthentication();
    var adHoc = repository.meeting(id).orElseThrow();
    assertThat(adHoc.startedBy()).isEqualTo("city-health-clerk");
    assertThat(adHoc.title()).isEqualTo("专题联席会议");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("meeting-" + id)
        .singleResult()).isNotNull();
  }

  @Test
  void theApiShowsTheWholeMeetingToTheConvener_andAMemberItsOwnItems() {
    ProcessInstance instance = toMeeting(List.of("health", "education"));
    long id = meetingId(instance);
    recordMeeting(instance, "[{\"departments\":[\"education\",\"housing\"],\"deadline\":\"2026-03-31\","
        + "\"description\":\"托班用房\"},{\"departments\":[\"market\"],\"deadline\":\"2026-03-31\",\"description\":\"收费\"}]");
    var identity = engine.getIdentityService();

    identity.setAuthentication("city-health-clerk", List.of("clerk", "health"), List.of(CITY));
    assertThat(queries.openItems(id)).extracting(DepartmentItems::department)
        .containsExactly("education", "market", "housing");

    identity.setAuthentication("city-education-clerk", List.of("clerk", "education"), List.of(CITY));
    assertThat(queries.openItems(id)).singleElement().satisfies(d -> {
      assertThat(d.department()).isEqualTo("education");
      assertThat(d.departmentName()).isEqualTo("教育局");
      assertThat(d.items()).singleElement().satisfies(i -> assertThat(i.statusLabel()).isEqualTo("待报告"));
    });
    assertThat(queries.status(id).members()).isEqualTo(2);

    identity.setAuthentication("city-market-clerk", List.of("clerk", "market"), List.of(CITY));
    assertThat(queries.openItems(id)).extracting(DepartmentItems::department).containsExactly("market");

    identity.setAuthentication("city-tax-clerk", List.of("clerk", "tax"), List.of(CITY));
    assertThatThrownBy(() -> queries.status(id)).isInstanceOf(NotFoundException.class);
    identity.setAuthentication("ansai-health-clerk", List.of("clerk", "health"), List.of("610603"));
    assertThatThrownBy(() -> queries.summary(id)).isInstanceOf(NotFoundException.class);
    identity.setAuthentication("portal", List.of("portal"), List.of(CITY));
    assertThatThrownBy(() -> queries.status(id)).isInstanceOf(AuthorizationException.class);
    identity.setAuthentication("admin", List.of("camunda-admin"), List.of());
    assertThat(queries.summary(id).open()).isEqualTo(2);
    identity.clearAuthentication();
    assertThatThrownBy(() -> queries.status(-1)).isInstanceOf(NotFoundException.class);
    assertThat(queries.planTasks()).hasSize(23);
  }

  // --- steps

  private ProcessInstance start(String title) {
    return engine.getRuntimeService().createProcessInstanceByKey(JointMeetingProcess.KEY)
        .setVariable(Variables.COUNTY, CITY)
        .setVariable(Variables.MEETING_TITLE, title)
        .execute();
  }

  private void draft(ProcessInstance instance, List<String> members) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.AGENDA, "一、各成员单位通报工作进展；二、研究解决存在的问题；三、部署下一阶段任务");
    variables.put(Variables.PLANNED_DATE, "2026-02-25");
    variables.put(Variables.MEMBER_DEPARTMENTS, "[\"" + String.join("\",\"", members) + "\"]");
    complete(task(instance, Elements.DRAFT_AGENDA), variables);
  }

  /** Through drafting and on-time reports of the members to the record of the meeting, on 2026-02-25. */
  private ProcessInstance toMeeting(List<String> members) {
    ProcessInstance instance = start("联席会议");
    draft(instance, members);
    ClockUtil.setCurrentTime(at("2026-02-24T10:00:00+08:00"));
    members.forEach(d -> report(instance, d, "进展顺利"));
    ClockUtil.setCurrentTime(at("2026-02-25T15:00:00+08:00"));
    return instance;
  }

  private void report(ProcessInstance instance, String department, String progress) {
    complete(reportTask(instance, department), Map.of(Variables.WORK_PROGRESS, progress,
        Variables.PROBLEMS, "用地紧张", Variables.NEXT_STEPS, "继续推进"));
  }

  private void recordMeeting(ProcessInstance instance, String actionItems) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.HELD_ON, "2026-02-25");
    variables.put(Variables.ATTENDEES, "市卫健委 张主任；市教育局 李科长；市民政局 王科长");
    variables.put(Variables.MINUTES, "各成员单位通报了工作进展，会议研究了托班用房问题。");
    variables.put(Variables.DECISIONS, "见议定事项");
    if (actionItems != null) {
      variables.put(Variables.ACTION_ITEMS, actionItems);
    }
    complete(task(instance, Elements.RECORD_MEETING), variables);
  }

  private void completeItem(ProcessInstance instance, String department, String text) {
    complete(itemTask(instance, department), Map.of(Variables.COMPLETION_REPORT, text,
        Variables.EVIDENCE, "延教发〔2026〕12号", Variables.COMPLETED_ON, MeetingService.today().toString()));
  }

  private void decide(Task accept, String decision, String sendBack, String comment) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.ITEM_DECISION, decision);
    variables.put(Variables.ACCEPTANCE_COMMENT, comment);
    if (sendBack != null) {
      variables.put(Variables.SEND_BACK_DEPARTMENTS, sendBack);
    }
    complete(accept, variables);
  }

  private void complete(Task task, Map<String, Object> variables) {
    engine.getTaskService().complete(task.getId(), variables);
  }

  private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    Map<String, Object> copy = new HashMap<>(base);
    copy.put(key, value);
    return copy;
  }

  // --- lookups

  private long meetingId(ProcessInstance instance) {
    return ((Number) engine.getRuntimeService().getVariable(instance.getId(), Variables.MEETING_ID)).longValue();
  }

  private Task task(ProcessInstance instance, String activityId) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(activityId).singleResult();
  }

  private List<Task> tasks(ProcessInstance instance, String activityId) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(activityId).list();
  }

  private Task reportTask(ProcessInstance instance, String department) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(Elements.SUBMIT_PROGRESS_REPORT).taskCandidateGroup(department).singleResult();
  }

  private Task itemTask(ProcessInstance instance, String department) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(Elements.REPORT_ITEM_COMPLETION).taskCandidateGroup(department).singleResult();
  }

  private Task acceptTaskOf(ProcessInstance instance, long itemId) {
    return tasks(instance, Elements.ACCEPT_ITEM).stream()
        .filter(t -> Long.valueOf(itemId).equals(engine.getTaskService().getVariable(t.getId(), Variables.ACTION_ITEM_ID)))
        .findFirst().orElseThrow();
  }

  private Job timer(ProcessInstance instance, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId(activityId).singleResult();
  }

  private void execute(Job job) {
    engine.getManagementService().executeJob(job.getId());
  }

  private List<String> comments(Task task) {
    return engine.getTaskService().getTaskComments(task.getId()).stream()
        .sorted(Comparator.comparing(Comment::getTime)).map(Comment::getFullMessage).toList();
  }

  private Object historic(ProcessInstance instance, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(name).singleResult().getValue();
  }

  private List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null).map(IdentityLink::getGroupId).toList();
  }

  private List<String> candidateUsers(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()) && l.getUserId() != null).map(IdentityLink::getUserId).toList();
  }

  private void supervisor(String userId, String department, String county) {
    var identity = engine.getIdentityService();
    for (String groupId : List.of("supervisor", department)) {
      if (identity.createGroupQuery().groupId(groupId).count() == 0) {
        Group group = identity.newGroup(groupId);
        identity.saveGroup(group);
      }
    }
    User user = identity.newUser(userId);
    identity.saveUser(user);
    identity.createMembership(userId, "supervisor");
    identity.createMembership(userId, department);
    if (identity.createTenantQuery().tenantId(county).count() == 0) {
      identity.saveTenant(identity.newTenant(county));
    }
    identity.createTenantUserMembership(county, userId);
  }

  private static Date at(String isoOffsetDateTime) {
    return Date.from(OffsetDateTime.parse(isoOffsetDateTime).toInstant());
  }
}
