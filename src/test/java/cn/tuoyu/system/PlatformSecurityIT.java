package cn.tuoyu.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuoyu.identity.DemoUsers;
import cn.tuoyu.identity.TasklistFilters;
import cn.tuoyu.support.EngineRest;
import cn.tuoyu.support.EngineRest.Response;
import cn.tuoyu.support.IntegrationTest;
import cn.tuoyu.support.ProbeModels;
import cn.tuoyu.support.ProbeModels.Multipart;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The security baseline through REST, as real users on PostgreSQL with authorization on: who is
 * let in, who sees which task (department × county), and the rejected expression queries.
 */
class PlatformSecurityIT extends IntegrationTest {

  private static final String PW = DemoUsers.PASSWORD;

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FilterService filters;

  private String prefix;
  /** task id by "county/department" of the cases this test started. */
  private Map<String, String> taskByCase;

  @BeforeEach
  void deployProbeAndStartCases() {
    // Deploy the way Camunda Modeler does: multipart over HTTP Basic, as an administrator.
    Multipart deployment = ProbeModels.deploymentRequest("access-probe", "AccessProbeProcess.bpmn",
        Bpmn.convertToString(ProbeModels.accessProbe()));
    Response deployed = as(DemoUsers.ADMIN_ID, DemoUsers.ADMIN_PASSWORD)
        .postMultipart("/engine-rest/deployment/create", deployment.boundary(), deployment.body());
    assertThat(deployed.status()).as(deployed.body() + deployed.raw().headers().map()).isEqualTo(200);

    prefix = UUID.randomUUID().toString().substring(0, 8);
    taskByCase = new java.util.HashMap<>();
    for (String county : List.of("610602", "610603")) {
      for (String department : List.of("health", "approval")) {
        String instanceId = runtime.startProcessInstanceByKey(ProbeModels.PROCESS_KEY,
            prefix + "-" + county + "-" + department,
            Map.of("county", county, "department", department)).getId();
        taskByCase.put(county + "/" + department,
            tasks.createTaskQuery().processInstanceId(instanceId).singleResult().getId());
      }
    }
  }

  @Test
  void engineRestRequiresAuthentication() {
    Response anonymous = anonymous().get("/engine-rest/task");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        h -> assertThat(h).startsWith("Basic"));
    // A wrong password also delays that user's next login (engine login throttling): use a spare user.
    assertThat(as("yanchang-market-clerk", "wrong-password").get("/engine-rest/task").status()).isEqualTo(401);
    assertThat(as("baota-health-clerk", PW).get("/engine-rest/task").status()).isEqualTo(200);
  }

  @Test
  void clerksSeeOnlyTheirDepartmentsTasksInTheirCounty() {
    assertThat(visibleCases("baota-health-clerk")).containsExactly("610602/health");
    assertThat(visibleCases("baota-approval-clerk")).containsExactly("610602/approval");
    assertThat(visibleCases("ansai-health-clerk")).containsExactly("610603/health");
    assertThat(visibleCases("yanchang-health-clerk")).isEmpty();
    assertThat(visibleCases("baota-market-clerk")).isEmpty();
    // Supervisors read their county's cases; the city supervisor reads every county.
    assertThat(visibleCases("baota-supervisor")).containsExactlyInAnyOrder("610602/health", "610602/approval");
    assertThat(visibleCases("city-supervisor")).containsExactlyInAnyOrder(
        "610602/health", "610602/approval", "610603/health", "610603/approval");
  }

  @Test
  void countsAndFiltersAgreeWithTheList() {
    EngineRest clerk = as("baota-health-clerk", PW);
    String departmentFilter = departmentFilterOf(clerk);
    Map<String, Object> mine = Map.of("processInstanceBusinessKeyLike", prefix + "%");
    assertThat(clerk.post("/engine-rest/task/count", mine).json().get("count").asInt()).isEqualTo(1);
    assertThat(ids(clerk.post("/engine-rest/filter/" + departmentFilter + "/list", mine)))
        .containsExactly(taskByCase.get("610602/health"));
    assertThat(clerk.post("/engine-rest/filter/" + departmentFilter + "/count", mine).json().get("count").asInt())
        .isEqualTo(1);
  }

  @Test
  void aSupervisorsDepartmentFilterKeepsToTheirDepartment() {
    EngineRest supervisor = as("baota-supervisor", PW);
    Map<String, Object> mine = Map.of("processInstanceBusinessKeyLike", prefix + "%");
    // Supervisors read the whole county, their 本部门待办 only their department's (卫健).
    assertThat(supervisor.post("/engine-rest/task/count", mine).json().get("count").asInt()).isEqualTo(2);
    String departmentFilter = departmentFilterOf(supervisor);
    assertThat(departmentFilter).isNotEqualTo(departmentFilterOf(as("baota-health-clerk", PW)));
    assertThat(ids(supervisor.post("/engine-rest/filter/" + departmentFilter + "/list", mine)))
        .containsExactly(taskByCase.get("610602/health"));
    assertThat(supervisor.post("/engine-rest/filter/" + departmentFilter + "/count", mine).json().get("count")
        .asInt()).isEqualTo(1);
  }

  /** As Tasklist finds it: the one 本部门待办 among the filters the person may read. */
  static String departmentFilterOf(EngineRest person) {
    List<String> readable = new ArrayList<>();
    person.get("/engine-rest/filter?resourceType=Task&name="
        + URLEncoder.encode(TasklistFilters.DEPARTMENT_TASKS, StandardCharsets.UTF_8)).json()
        .forEach(f -> readable.add(f.get("id").asText()));
    assertThat(readable).hasSize(1);
    return readable.get(0);
  }

  @Test
  void aClerkCannotReadClaimOrCompleteAnotherCountysTask() {
    EngineRest baota = as("baota-health-clerk", PW);
    String ansaiTask = taskByCase.get("610603/health");
    assertThat(baota.get("/engine-rest/task/" + ansaiTask).status()).isIn(403, 404);
    assertThat(baota.post("/engine-rest/task/" + ansaiTask + "/claim", Map.of("userId", "baota-health-clerk"))
        .status()).isIn(403, 404);
    assertThat(baota.post("/engine-rest/task/" + ansaiTask + "/complete", Map.of()).status()).isIn(403, 404);
    assertThat(tasks.createTaskQuery().taskId(ansaiTask).singleResult().getAssignee()).isNull();

    String ownTask = taskByCase.get("610602/health");
    assertThat(baota.get("/engine-rest/task/" + ownTask).status()).isEqualTo(200);
    assertThat(baota.post("/engine-rest/task/" + ownTask + "/claim", Map.of("userId", "baota-health-clerk"))
        .status()).isEqualTo(204);
    assertThat(baota.post("/engine-rest/task/" + ownTask + "/complete", Map.of()).status()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(ownTask).count()).isZero();
  }

  @Test
  void expressionsInTaskQueriesAreRejectedAndNeverEvaluated() {
    String expression = "${canary.touch()}";
    // The canary is live: the engine itself does evaluate orQueries expressions (the 7.24.0 flaw).
    int before = canary.touches();
    tasks.createTaskQuery().or().dueAfterExpression(expression).endOr().count();
    assertThat(canary.touches()).as("engine evaluates the expression").isGreaterThan(before);

    int touches = canary.touches();
    EngineRest clerk = as("baota-health-clerk", PW);
    String filterId = filters.createFilterQuery().filterName(TasklistFilters.MY_TASKS).singleResult().getId();
    Map<String, Object> orQuery = Map.of("orQueries", List.of(Map.of("dueAfterExpression", expression)));
    List<Response> attempts = List.of(
        clerk.post("/engine-rest/task", orQuery),
        clerk.post("/engine-rest/task/count", orQuery),
        clerk.post("/engine-rest/filter/" + filterId + "/list", orQuery),
        clerk.post("/engine-rest/filter/" + filterId + "/count", orQuery),
        clerk.post("/engine-rest/filter/" + filterId + "/singleResult", orQuery),
        clerk.post("/engine-rest/engine/default/task", orQuery),
        clerk.post("/engine-rest/task", Map.of("dueAfterExpression", expression)),
        clerk.get("/engine-rest/task?dueAfterExpression=%24%7Bcanary.touch()%7D"),
        clerk.get("/engine-rest/task/count?assigneeExpression=%24%7Bcanary.touch()%7D"));
    for (Response attempt : attempts) {
      assertThat(attempt.status()).as(attempt.body()).isEqualTo(400);
      assertThat(attempt.json().get("message").asText()).contains("Expression");
    }
    assertThat(canary.touches()).as("no rejected request evaluated its expression").isEqualTo(touches);
  }

  @Test
  void onlyAdministratorsCreateFilters() {
    Map<String, Object> filter = Map.of("resourceType", "Task", "name", "自建过滤器",
        "query", Map.of("assigneeExpression", "${currentUser()}"));
    assertThat(as("baota-health-clerk", PW).post("/engine-rest/filter/create", filter).status()).isEqualTo(403);
    assertThat(as("city-supervisor", PW).post("/engine-rest/filter/create", filter).status()).isEqualTo(403);
    Response created = as(DemoUsers.ADMIN_ID, DemoUsers.ADMIN_PASSWORD).post("/engine-rest/filter/create", filter);
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    filters.deleteFilter(created.json().get("id").asText());
  }

  @Test
  void listsArePagedAtTheQueryLimit() {
    EngineRest clerk = as("baota-health-clerk", PW);
    assertThat(clerk.get("/engine-rest/task?maxResults=2001").status()).isEqualTo(400);
    assertThat(clerk.get("/engine-rest/task?maxResults=2000").status()).isEqualTo(200);
    assertThat(clerk.get("/engine-rest/process-definition").status()).isEqualTo(200);
  }

  @Test
  void responsesCarrySecurityHeadersAndHealthNeedsNoLogin() {
    Response rest = as("baota-health-clerk", PW).get("/engine-rest/version");
    assertThat(rest.raw().headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    Response webapp = anonymous().get("/camunda/app/tasklist/default/");
    assertThat(webapp.raw().headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(webapp.raw().headers().allValues("Set-Cookie"))
        .anySatisfy(c -> assertThat(c).contains("JSESSIONID").contains("HttpOnly").contains("SameSite=Strict"));

    Response health = anonymous().get("/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().at("/components/db/status").asText()).isEqualTo("UP");
    assertThat(health.json().at("/components/jobExecutor/status").asText()).isEqualTo("UP");
    assertThat(health.json().at("/components/processEngine/status").asText()).isEqualTo("UP");
  }

  /** The probe cases of this test that the user can see through GET /engine-rest/task. */
  private Set<String> visibleCases(String user) {
    Response response = as(user, PW).get("/engine-rest/task?processInstanceBusinessKeyLike=" + prefix + "%25");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    Set<String> visibleIds = new HashSet<>(ids(response));
    int count = as(user, PW).get("/engine-rest/task/count?processInstanceBusinessKeyLike=" + prefix + "%25")
        .json().get("count").asInt();
    assertThat(count).as("count agrees with list for " + user).isEqualTo(visibleIds.size());
    return taskByCase.entrySet().stream()
        .filter(e -> visibleIds.contains(e.getValue()))
        .map(Map.Entry::getKey)
        .collect(Collectors.toSet());
  }

  private static List<String> ids(Response list) {
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    return StreamSupport.stream(list.json().spliterator(), false).map(t -> t.get("id").asText()).toList();
  }
}
