package cn.tuoyu.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuoyu.calendar.WorkingDayCalendar;
import cn.tuoyu.closure.ClosureProcess;
import cn.tuoyu.identity.DemoUsers;
import cn.tuoyu.inspection.AnnualInspectionProcess.Elements;
import cn.tuoyu.inspection.InspectionDemoData.DemoInspection;
import cn.tuoyu.inspection.InspectionDemoData.DemoState;
import cn.tuoyu.institution.InspectionHistory;
import cn.tuoyu.institution.InspectionResult;
import cn.tuoyu.institution.InstitutionRepository;
import cn.tuoyu.institution.InstitutionStatus;
import cn.tuoyu.rectification.RectificationProcess;
import cn.tuoyu.support.EngineRest;
import cn.tuoyu.support.EngineRest.Response;
import cn.tuoyu.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo inspections on the whole application (PostgreSQL, profile demo, authorization on): the
 * seeder ran at start after the registration demo; each state of this year's annual inspection is
 * there and reaches the person who has to act, through REST; seeding again adds nothing. Other
 * tests share this database and open inspections of their own (also in 延长县), so only the demo
 * institutions' inspections of this year are looked at.
 */
class InspectionDemoDataIT extends IntegrationTest {

  private static final String PW = DemoUsers.PASSWORD;
  private static final int YEAR = LocalDate.now(WorkingDayCalendar.ZONE).getYear();

  @Autowired InspectionDemoData demoData;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired InspectionHistory inspections;
  @Autowired InstitutionRepository institutions;
  @Autowired JdbcClient jdbc;

  @Test
  void everyStateOfTheInspectionExistsInTheThreeCounties() {
    for (DemoState state : DemoState.values()) {
      assertThat(InspectionDemoData.inState(state)).as(state.label()).isNotEmpty();
    }
    assertThat(InspectionDemoData.inspections()).extracting(DemoInspection::county)
        .contains("610602", "610603", "610621");

    for (DemoInspection d : InspectionDemoData.inspections()) {
      String key = d.inspectionKey(YEAR);
      assertThat(inspections.find(key)).as(d.name() + " opened by the campaign").isPresent();
      switch (d.state()) {
        case AWAITING_SELF_REPORT -> {
          assertThat(runtime.createExecutionQuery().processInstanceBusinessKey(key)
              .messageEventSubscriptionName(AnnualInspectionProcess.MESSAGE_SELF_REPORT_SUBMITTED).count())
              .isEqualTo(1);
          assertThat(tasks.createTaskQuery().processInstanceBusinessKey(key).count()).isZero();
        }
        case DESK_REVIEW -> assertThat(tasks.getVariable(task(key, Elements.DESK_REVIEW).getId(),
            AnnualInspectionProcess.Variables.SELF_REPORT_SUMMARY)).asString().contains("自查情况");
        case ON_SITE -> {
          task(key, Elements.ON_SITE_INSPECTION);
          assertThat(inspections.find(key).orElseThrow().deskReviewNote()).isNotBlank();
          assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(key)
              .taskDefinitionKey(Elements.DESK_REVIEW).finished().singleResult().getAssignee())
              .isEqualTo(d.prefix() + "-health-clerk");
        }
        case CO_SIGN -> assertThat(tasks.getVariable(task(key, Elements.CO_SIGN_INSPECTION).getId(),
            AnnualInspectionProcess.Variables.INSPECTOR1)).isEqualTo(d.prefix() + "-inspector1");
        case RECTIFYING -> assertThat(runtime.createExecutionQuery().processInstanceBusinessKey(key)
            .activityId(RectificationProcess.Elements.AWAIT_REPORT).count()).isEqualTo(1);
        case RECTIFICATION_REVIEW -> task(key, RectificationProcess.Elements.REVIEW);
        case CLOSURE -> {
          assertThat(inspections.resultOf(d.creditCode(), YEAR - 1)).contains(InspectionResult.FAILED);
          assertThat(inspections.resultOf(d.creditCode(), YEAR)).contains(InspectionResult.FAILED);
          assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count())
              .as("the inspection ended").isZero();
          task(ClosureProcess.businessKey(d.creditCode()), ClosureProcess.Elements.DRAFT_DECISION);
          assertThat(institutions.find(d.creditCode()).orElseThrow().status()).isEqualTo(InstitutionStatus.FILED);
        }
      }
    }
  }

  @Test
  void theBaotaHealthClerkHasADeskReviewAndAClosureDecisionToDraft() {
    EngineRest clerk = as("baota-health-clerk", PW);
    DemoInspection desk = only(DemoState.DESK_REVIEW, "610602");
    assertThat(taskIds(clerk, Elements.DESK_REVIEW)).contains(task(desk.inspectionKey(YEAR), Elements.DESK_REVIEW).getId());

    String closureKey = ClosureProcess.businessKey(InspectionDemoData.closureCreditCode());
    List<JsonNode> drafts = list(clerk.get("/engine-rest/task?taskDefinitionKey="
        + ClosureProcess.Elements.DRAFT_DECISION + "&processInstanceBusinessKey=" + closureKey));
    assertThat(drafts).hasSize(1);
    assertThat(drafts.get(0).get("name").asText()).isEqualTo("拟定关闭决定");
    Response variables = clerk.get("/engine-rest/task/" + drafts.get(0).get("id").asText()
        + "/form-variables?deserializeValues=false");
    assertThat(variables.status()).as(variables.body()).isEqualTo(200);
    assertThat(variables.json().at("/failedYearsSummary/value").asText())
        .contains((YEAR - 1) + " 年度年审：不合格（补录）").contains(YEAR + " 年度年审：不合格");
    assertThat(variables.json().at("/blacklistCandidates/value").asText()).contains("机构负责人");

    Response closure = clerk.get("/api/closures/" + InspectionDemoData.closureCreditCode());
    assertThat(closure.status()).as(closure.body()).isEqualTo(200);
    assertThat(closure.json().get("institutionName").asText()).isEqualTo("宝塔区童趣岛托育园");

    // Another county's clerk sees neither.
    EngineRest ansai = as("ansai-health-clerk", PW);
    assertThat(taskIds(ansai, Elements.DESK_REVIEW)).doesNotContain(task(desk.inspectionKey(YEAR), Elements.DESK_REVIEW).getId());
    assertThat(list(ansai.get("/engine-rest/task?processInstanceBusinessKey=" + closureKey))).isEmpty();
  }

  @Test
  void theBaotaInspectorHasAnOnSiteInspection() {
    DemoInspection onSite = only(DemoState.ON_SITE, "610602");
    List<JsonNode> found = list(as("baota-inspector1", PW).get("/engine-rest/task?taskDefinitionKey="
        + Elements.ON_SITE_INSPECTION + "&processInstanceBusinessKey=" + onSite.inspectionKey(YEAR)));
    assertThat(found).hasSize(1);
    assertThat(found.get(0).get("name").asText()).isEqualTo("现场检查");
  }

  @Test
  void ansaiHasACoSignForTheSecondInspectorAndRectificationsAtBothSteps() {
    DemoInspection coSign = only(DemoState.CO_SIGN, "610603");
    String coSignTask = task(coSign.inspectionKey(YEAR), Elements.CO_SIGN_INSPECTION).getId();
    assertThat(taskIds(as("ansai-inspector2", PW), Elements.CO_SIGN_INSPECTION)).contains(coSignTask);
    // inspector1 completed the checklist: the co-signature is not theirs to take.
    Response sameInspector = as("ansai-inspector1", PW).post("/engine-rest/task/" + coSignTask + "/claim",
        java.util.Map.of("userId", "ansai-inspector1"));
    assertThat(sameInspector.status()).as(sameInspector.body()).isEqualTo(400);

    EngineRest inspector = as("ansai-inspector1", PW);
    DemoInspection review = only(DemoState.RECTIFICATION_REVIEW, "610603");
    assertThat(taskIds(inspector, RectificationProcess.Elements.REVIEW))
        .contains(task(review.inspectionKey(YEAR), RectificationProcess.Elements.REVIEW).getId());

    EngineRest clerk = as("ansai-health-clerk", PW);
    JsonNode reviewStatus = clerk.get("/api/rectifications/" + review.inspectionKey(YEAR)).json();
    assertThat(reviewStatus.get("status").asText()).isEqualTo("UNDER_REVIEW");
    DemoInspection rectifying = only(DemoState.RECTIFYING, "610603");
    Response status = clerk.get("/api/rectifications/" + rectifying.inspectionKey(YEAR));
    assertThat(status.status()).as(status.body()).isEqualTo(200);
    assertThat(status.json().get("status").asText()).isEqualTo("AWAITING_REPORT");
    assertThat(status.json().get("severity").asText()).isEqualTo("SERIOUS");
    assertThat(LocalDate.parse(status.json().get("dueDate").asText())).isAfter(LocalDate.now(WorkingDayCalendar.ZONE));
  }

  @Test
  void yanchangHasADeskReviewAndTheSupervisorsStartedTheCampaigns() {
    DemoInspection desk = only(DemoState.DESK_REVIEW, "610621");
    assertThat(taskIds(as("yanchang-health-clerk", PW), Elements.DESK_REVIEW))
        .contains(task(desk.inspectionKey(YEAR), Elements.DESK_REVIEW).getId());

    for (String county : InspectionDemoData.COUNTIES) {
      String supervisor = only(county) + "-supervisor";
      Response progress = as(supervisor, PW).get("/api/inspection-campaigns/" + YEAR + "/" + county);
      assertThat(progress.status()).as(progress.body()).isEqualTo(200);
      assertThat(progress.json().get("startedBy").asText()).as(county).isEqualTo(supervisor);
      assertThat(progress.json().get("finishedAt").isNull()).as(county).isFalse();
    }
  }

  @Test
  void seedingAgainChangesNothing() {
    long institutionRows = countRows("institution");
    long inspectionRows = countRows("inspection");
    long campaigns = countRows("inspection_campaign");
    long instances = history.createHistoricProcessInstanceQuery().count();
    long demoTasks = demoTasks();

    demoData.seed();

    assertThat(countRows("institution")).isEqualTo(institutionRows);
    assertThat(countRows("inspection")).isEqualTo(inspectionRows);
    assertThat(countRows("inspection_campaign")).isEqualTo(campaigns);
    assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(instances);
    assertThat(demoTasks()).isEqualTo(demoTasks);
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(ClosureProcess.KEY)
        .processInstanceBusinessKey(ClosureProcess.businessKey(InspectionDemoData.closureCreditCode())).count())
        .isEqualTo(1);
  }

  private static DemoInspection only(DemoState state, String county) {
    List<DemoInspection> found = InspectionDemoData.inState(state).stream()
        .filter(d -> d.county().equals(county)).toList();
    assertThat(found).as(state.label() + " in " + county).hasSize(1);
    return found.get(0);
  }

  private static String only(String county) {
    return InspectionDemoData.inspections().stream().filter(d -> d.county().equals(county)).findFirst()
        .orElseThrow().prefix();
  }

  private Task task(String businessKey, String taskKey) {
    List<Task> found = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).list();
    assertThat(found).as(businessKey + " at " + taskKey).hasSize(1);
    return found.get(0);
  }

  private static List<String> taskIds(EngineRest user, String taskKey) {
    return list(user.get("/engine-rest/task?maxResults=1000&taskDefinitionKey=" + taskKey)).stream()
        .map(t -> t.get("id").asText()).toList();
  }

  /** Open tasks of the demo inspections, their rectifications and the closure case. */
  private long demoTasks() {
    return InspectionDemoData.inspections().stream().mapToLong(d -> tasks.createTaskQuery()
        .processInstanceBusinessKeyIn(d.inspectionKey(YEAR), ClosureProcess.businessKey(d.creditCode())).count()).sum();
  }

  private long countRows(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  private static List<JsonNode> list(Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return StreamSupport.stream(response.json().spliterator(), false).toList();
  }
}
