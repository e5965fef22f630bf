package cn.tuoyu.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.tuoyu.identity.Department;
import cn.tuoyu.identity.DemoUsers;
import cn.tuoyu.identity.TaskAudience;
import cn.tuoyu.institution.CreditCode;
import cn.tuoyu.institution.Institution;
import cn.tuoyu.institution.InstitutionNature;
import cn.tuoyu.institution.InstitutionRepository;
import cn.tuoyu.institution.InstitutionStatus;
import cn.tuoyu.registration.RegistrationDemoData.DemoCase;
import cn.tuoyu.registration.RegistrationDemoData.DemoState;
import cn.tuoyu.registration.RegistrationFilingProcess.Elements;
import cn.tuoyu.registration.RegistrationFilingProcess.Variables;
import cn.tuoyu.support.EngineRest;
import cn.tuoyu.support.EngineRest.Response;
import cn.tuoyu.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo registrations on the whole application (PostgreSQL, profile demo): the seeder ran at
 * start; every state of the registration-to-filing case is there, the county clerks see their work
 * through REST, and seeding again adds nothing. Other tests share this database, so only the demo
 * institutions (known by their credit codes) are counted.
 */
class RegistrationDemoDataIT extends IntegrationTest {

  private static final String PW = DemoUsers.PASSWORD;
  /** Overdue timers are due at start; the job executor starts once the application is ready. */
  private static final Duration JOB_EXECUTOR = Duration.ofSeconds(90);

  @Autowired RegistrationDemoData demoData;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired InstitutionRepository institutions;
  @Autowired JdbcClient jdbc;

  @Test
  void theRegistryHoldsAboutThirtyDemoInstitutionsOfTheThreeCounties() {
    List<Institution> demo = demoInstitutions();
    assertThat(demo).hasSizeGreaterThanOrEqualTo(28);
    assertThat(demo).extracting(Institution::countyCode).containsOnly("610602", "610603", "610621");
    assertThat(demo).extracting(Institution::nature)
        .contains(InstitutionNature.FOR_PROFIT, InstitutionNature.NON_PROFIT);
    assertThat(demo).filteredOn(Institution::inclusive).isNotEmpty();
    assertThat(demo).extracting(Institution::registrationAuthority).contains("approval", "establishment");
    OffsetDateTime earliest = OffsetDateTime.parse("2025-01-01T00:00:00+08:00");
    assertThat(demo).allSatisfy(i -> {
      assertThat(CreditCode.parse(i.creditCode()).divisionCode()).isEqualTo(i.countyCode());
      assertThat(i.approvedAt()).isAfterOrEqualTo(earliest).isBefore(OffsetDateTime.now());
      assertThat(i.totalCapacity()).isPositive();
      assertThat(i.monthlyFee()).isPositive();
    });
    // Every staff list of the demo holds 6–15 people with valid ID numbers, and most are certified.
    List<Map<String, Object>> lists = jdbc.sql("select s.staff_total, s.invalid_ids, s.certified from filing_submission s "
            + "where s.credit_code in (:codes)")
        .param("codes", RegistrationDemoData.creditCodes()).query().listOfRows();
    assertThat(lists).isNotEmpty().allSatisfy(row -> {
      assertThat(((Number) row.get("staff_total")).intValue()).isBetween(6, 15);
      assertThat(((Number) row.get("invalid_ids")).intValue()).isZero();
    });
    int staff = lists.stream().mapToInt(r -> ((Number) r.get("staff_total")).intValue()).sum();
    int certified = lists.stream().mapToInt(r -> ((Number) r.get("certified")).intValue()).sum();
    assertThat(certified * 100 / staff).isGreaterThanOrEqualTo(85);
  }

  @Test
  void everyStateOfTheCaseExists() {
    for (DemoState state : DemoState.values()) {
      assertThat(cases(state)).as(state.label()).isNotEmpty();
    }

    for (DemoCase c : cases(DemoState.REGISTERED)) {
      assertThat(institution(c).status()).isEqualTo(InstitutionStatus.REGISTERED);
      Task push = task(c, Elements.PUSH_REGISTRATION);
      assertThat(push.getName()).isEqualTo("推送登记信息");
      assertThat(push.getDueDate()).isAfter(new Date());
      assertThat(tasks(c, Elements.ESCALATE_PUSH)).isEmpty();
    }

    for (DemoCase c : cases(DemoState.AWAITING_ACKNOWLEDGEMENT)) {
      assertThat(institution(c).status()).isEqualTo(InstitutionStatus.PUSHED);
      assertThat(tasks(c, Elements.PUSH_REGISTRATION)).isEmpty();
      assertThat(tasks(c, Elements.ACKNOWLEDGE_REGISTRATION)).isNotEmpty()
          .allSatisfy(t -> assertThat(t.getName()).isEqualTo("签收登记信息"));
    }
    assertThat(cases(DemoState.AWAITING_ACKNOWLEDGEMENT)).as("签收 by health and a supervisory department")
        .anySatisfy(c -> assertThat(tasks(c, Elements.ACKNOWLEDGE_REGISTRATION)).flatExtracting(this::candidateGroups)
            .containsExactlyInAnyOrder("health", "education"));

    for (DemoCase c : cases(DemoState.UNDER_REVIEW)) {
      Task review = task(c, Elements.REVIEW_FILING);
      assertThat(review.getName()).isEqualTo("审核备案材料");
      assertThat(review.getTenantId()).as("county and audience").isEqualTo(TaskAudience.tenant(c.county(), Department.HEALTH.groupId()));
      assertThat(tasks.getVariable(review.getId(), Variables.CHECK_SUMMARY)).asString().contains("黑名单比对");
    }
    assertThat(cases(DemoState.UNDER_REVIEW)).as("a review after 退回补正")
        .anySatisfy(c -> assertThat(submissions(c)).isEqualTo(2));

    for (DemoCase c : cases(DemoState.RETURNED)) {
      assertThat(runtime.createExecutionQuery().processInstanceBusinessKey(c.creditCode())
          .activityId(Elements.AWAIT_FILING).count()).isEqualTo(1);
      assertThat(tasks(c, Elements.REVIEW_FILING)).isEmpty();
      assertThat(latestDecision(c)).containsEntry("decision", "RETURN").containsKey("decision_comment");
      assertThat(latestDecision(c).get("decision_comment")).asString().isNotBlank();
      // The new 10 working days count from the return.
      assertThat(management.createJobQuery().processInstanceId(instance(c).getId()).timers()
          .activityId(Elements.FILING_OVERDUE).singleResult().getDuedate()).isAfter(new Date());
    }

    for (DemoCase c : cases(DemoState.REJECTED)) {
      assertThat(institution(c).status()).isEqualTo(InstitutionStatus.FILING_REJECTED);
      assertThat(latestDecision(c)).containsEntry("decision", "REJECT");
      assertThat(instance(c)).as("case ended").isNull();
    }

    for (DemoCase c : cases(DemoState.FILED)) {
      Institution filed = institution(c);
      assertThat(filed.status()).isEqualTo(InstitutionStatus.FILED);
      assertThat(filed.filingReceiptNo()).matches("托备〔\\d{4}〕" + c.county() + "-\\d{4}号");
      assertThat(filed.filedAt()).isNotNull();
      assertThat(filed.filingOverdue()).isFalse();
      assertThat(instance(c)).as("case ended").isNull();
    }

    // The overdue timers are due already; the job executor fires them shortly after start.
    await().atMost(JOB_EXECUTOR).untilAsserted(() -> {
      for (DemoCase c : cases(DemoState.PUSH_OVERDUE)) {
        assertThat(task(c, Elements.PUSH_REGISTRATION)).isNotNull();
        Task escalation = task(c, Elements.ESCALATE_PUSH);
        assertThat(escalation.getName()).isEqualTo("督办推送登记信息");
        assertThat(tasks.getIdentityLinksForTask(escalation.getId())).extracting(IdentityLink::getUserId)
            .contains(c.countyPrefix() + "-approval-supervisor");
      }
      for (DemoCase c : cases(DemoState.FILING_OVERDUE)) {
        assertThat(institution(c).filingOverdue()).isTrue();
        assertThat(task(c, Elements.HANDLE_OVERDUE_FILING).getName()).isEqualTo("处置逾期未备案");
        assertThat(runtime.createExecutionQuery().processInstanceBusinessKey(c.creditCode())
            .activityId(Elements.AWAIT_FILING).count()).as("a late filing is still taken").isEqualTo(1);
      }
    });
  }

  @Test
  void theBaotaHealthClerkHasFilingReviewsOneWithABlacklistHit() {
    EngineRest clerk = as("baota-health-clerk", PW);
    List<JsonNode> reviews = list(clerk.get("/engine-rest/task?taskDefinitionKey=" + Elements.REVIEW_FILING));
    assertThat(reviews).isNotEmpty().allSatisfy(t -> {
      assertThat(t.get("name").asText()).isEqualTo("审核备案材料");
      assertThat(t.get("tenantId").asText()).isEqualTo("610602-health");
    });
    List<Integer> hits = new ArrayList<>();
    for (JsonNode review : reviews) {
      Response variable = clerk.get("/engine-rest/task/" + review.get("id").asText() + "/variables/"
          + Variables.BLACKLIST_HITS);
      assertThat(variable.status()).as(variable.body()).isEqualTo(200);
      hits.add(variable.json().get("value").asInt());
    }
    assertThat(hits).anySatisfy(h -> assertThat(h).isGreaterThanOrEqualTo(1));
    // One review is already claimed for the clerk, so 我的待办 is not empty either.
    assertThat(reviews).anySatisfy(t -> assertThat(t.get("assignee").asText()).isEqualTo("baota-health-clerk"));
  }

  @Test
  void theBaotaApprovalClerkHasRegistrationsToPush() {
    List<JsonNode> pushes = list(as("baota-approval-clerk", PW)
        .get("/engine-rest/task?taskDefinitionKey=" + Elements.PUSH_REGISTRATION));
    assertThat(pushes).isNotEmpty()
        .allSatisfy(t -> assertThat(t.get("name").asText()).isEqualTo("推送登记信息"));
    List<String> demoPushes = RegistrationDemoData.cases().stream()
        .filter(c -> c.county().equals("610602") && c.authority().equals("approval"))
        .flatMap(c -> tasks(c, Elements.PUSH_REGISTRATION).stream()).map(Task::getId).toList();
    assertThat(demoPushes).isNotEmpty();
    assertThat(pushes).extracting(t -> t.get("id").asText()).containsAll(demoPushes);
  }

  @Test
  void seedingAgainChangesNothing() {
    List<String> codes = RegistrationDemoData.creditCodes();
    long demoInstitutions = demoInstitutions().size();
    long allInstitutions = countRows("institution");
    long demoInstances = history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyIn(
        codes.toArray(String[]::new)).count();
    long allInstances = history.createHistoricProcessInstanceQuery().count();
    long blacklist = countRows("staff_blacklist");
    long submissions = countRows("filing_submission");

    demoData.seed();

    assertThat(demoInstitutions().size()).isEqualTo(demoInstitutions);
    assertThat(countRows("institution")).isEqualTo(allInstitutions);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKeyIn(
        codes.toArray(String[]::new)).count()).isEqualTo(demoInstances).isEqualTo(codes.size());
    assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(allInstances);
    assertThat(countRows("staff_blacklist")).isEqualTo(blacklist);
    assertThat(countRows("filing_submission")).isEqualTo(submissions);
  }

  private static List<DemoCase> cases(DemoState state) {
    return RegistrationDemoData.cases().stream().filter(c -> c.state() == state).toList();
  }

  private List<Institution> demoInstitutions() {
    return RegistrationDemoData.creditCodes().stream()
        .flatMap(code -> institutions.find(code).stream()).toList();
  }

  private Institution institution(DemoCase c) {
    return institutions.find(c.creditCode()).orElseThrow();
  }

  private ProcessInstance instance(DemoCase c) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(c.creditCode()).singleResult();
  }

  private List<Task> tasks(DemoCase c, String activityId) {
    return tasks.createTaskQuery().processInstanceBusinessKey(c.creditCode()).taskDefinitionKey(activityId).list();
  }

  private Task task(DemoCase c, String activityId) {
    List<Task> found = tasks(c, activityId);
    assertThat(found).as(c.name() + " at " + activityId).hasSize(1);
    return found.get(0);
  }

  private List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null).map(IdentityLink::getGroupId).toList();
  }

  private int submissions(DemoCase c) {
    return jdbc.sql("select count(*) from filing_submission where credit_code = ?").param(c.creditCode())
        .query(Integer.class).single();
  }

  private Map<String, Object> latestDecision(DemoCase c) {
    return jdbc.sql("select decision, decision_comment from filing_submission where credit_code = ? "
            + "order by round desc limit 1")
        .param(c.creditCode()).query().singleRow();
  }

  private long countRows(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  private static List<JsonNode> list(Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return StreamSupport.stream(response.json().spliterator(), false).toList();
  }
}
