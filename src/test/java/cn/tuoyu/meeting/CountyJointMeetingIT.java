package cn.tuoyu.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuoyu.identity.DemoUsers;
import cn.tuoyu.support.EngineRest;
import cn.tuoyu.support.EngineRest.Response;
import cn.tuoyu.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * 联席会议 of 宝塔区 on PostgreSQL with authorization on, through REST as the demo users: the county health
 * clerk convenes and follows the whole meeting through the meeting API; each member department's clerk, the
 * convener's included, sees and completes only its own department's tasks; other departments and other
 * counties see nothing.
 */
class CountyJointMeetingIT extends IntegrationTest {

  private static final String PW = DemoUsers.PASSWORD;
  private static final String BAOTA = "610602";

  @Test
  void eachClerkSeesOnlyItsDepartmentsTasks_theConvenerTheWholeMeeting() {
    EngineRest convener = as("baota-health-clerk", PW);
    EngineRest education = as("baota-education-clerk", PW);
    EngineRest market = as("baota-market-clerk", PW);
    EngineRest approval = as("baota-approval-clerk", PW);
    EngineRest establishment = as("baota-establishment-clerk", PW);
    EngineRest ansaiEducation = as("ansai-education-clerk", PW);

    assertThat(education.post("/api/meetings", Map.of("title", "宝塔区联席会议", "county", BAOTA)).status())
        .as("a member department does not convene").isEqualTo(403);
    assertThat(as("ansai-health-clerk", PW).post("/api/meetings", Map.of("title", "宝塔区联席会议", "county", BAOTA))
        .status()).as("nor another county's health clerk").isEqualTo(403);
    Response started = convener.post("/api/meetings", Map.of("title", "宝塔区2026年第四季度联席会议", "county", BAOTA));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    long id = started.json().get("id").asLong();
    String key = started.json().get("businessKey").asText();

    String draft = singleTask(convener, key, "Task_DraftAgenda");
    complete(convener, "baota-health-clerk", draft, Map.of(
        "agenda", Map.of("value", "一、通报工作进展；二、研究托班用房问题"),
        "memberDepartments", Map.of("value", "[\"health\",\"education\",\"market\",\"approval\"]", "type", "Json")));

    // Each member department's clerk sees exactly its own progress report; the convener follows every
    // member's through the meeting API, and in Tasklist has the health department's own.
    assertThat(convener.get("/api/meetings/" + id).json().get("reports")).extracting(r -> r.get("department").asText())
        .as("the convener sees every member's report").containsExactlyInAnyOrder("health", "education", "market", "approval");
    assertThat(candidateGroupsOf(convener, tasksOf(convener, key))).as("the convener's own tasks").containsExactly("health");
    for (var clerk : Map.of("education", education, "market", market, "approval", approval).entrySet()) {
      List<JsonNode> own = tasksOf(clerk.getValue(), key);
      assertThat(own).as(clerk.getKey()).hasSize(1);
      assertThat(candidateGroupsOf(clerk.getValue(), own)).as(clerk.getKey()).containsExactly(clerk.getKey());
    }
    assertThat(tasksOf(establishment, key)).as("not a member: no task").isEmpty();
    assertThat(tasksOf(ansaiEducation, key)).as("another county").isEmpty();

    String educationReport = id(tasksOf(education, key).get(0));
    assertThat(market.post("/engine-rest/task/" + educationReport + "/complete",
        Map.of("variables", Map.of("workProgress", Map.of("value", "冒名通报")))).status())
        .as("another department cannot complete it").isIn(403, 404);
    JsonNode form = education.get("/engine-rest/task/" + educationReport + "/form-variables").json();
    assertThat(form.at("/meetingBrief/value").asText()).contains("宝塔区2026年第四季度联席会议").contains("托班用房");
    complete(education, "baota-education-clerk", educationReport,
        Map.of("workProgress", Map.of("value", "新增托班 3 个"), "problems", Map.of("value", "用房紧张")));

    JsonNode status = convener.get("/api/meetings/" + id).json();
    assertThat(status.get("members").asInt()).isEqualTo(4);
    assertThat(status.get("reportsSubmitted").asInt()).as("the convener sees the report counted").isEqualTo(1);
    assertThat(education.get("/api/meetings/" + id).status()).isEqualTo(200);
    assertThat(establishment.get("/api/meetings/" + id).status()).isEqualTo(404);
    assertThat(as("ansai-health-clerk", PW).get("/api/meetings/" + id).status()).isEqualTo(404);

    for (var clerk : List.of(Map.entry("baota-health-clerk", convener), Map.entry("baota-market-clerk", market),
        Map.entry("baota-approval-clerk", approval))) {
      String task = id(tasksOf(clerk.getValue(), key).get(0));
      complete(clerk.getValue(), clerk.getKey(), task, Map.of("workProgress", Map.of("value", "按计划推进")));
    }

    // The meeting decides one item for two departments; each sees only its part.
    String record = singleTask(convener, key, "Task_RecordMeeting");
    assertThat(convener.get("/engine-rest/task/" + record + "/form-variables").json().at("/reportsSummary/value")
        .asText()).startsWith("已通报 4/4 个成员单位");
    String deadline = LocalDate.now().plusDays(20).toString();
    complete(convener, "baota-health-clerk", record, Map.of(
        "heldOn", Map.of("value", LocalDate.now().toString()),
        "attendees", Map.of("value", "区卫健局、区教育局、区市场监管局、区行政审批局"),
        "minutes", Map.of("value", "研究了托班用房问题"),
        "actionItems", Map.of("type", "Json", "value",
            "[{\"departments\":[\"education\",\"market\"],\"deadline\":\"" + deadline + "\",\"description\":\"托班用房排查\"}]")));
    List<JsonNode> educationParts = tasksOf(education, key);
    assertThat(educationParts).singleElement().satisfies(t ->
        assertThat(t.get("taskDefinitionKey").asText()).isEqualTo("Task_ReportItemCompletion"));
    assertThat(tasksOf(market, key)).hasSize(1);
    assertThat(tasksOf(approval, key)).as("not responsible for the item").isEmpty();
    assertThat(tasksOf(convener, key)).as("the items' tasks are the departments'").isEmpty();

    JsonNode own = education.get("/api/meetings/" + id + "/open-items").json();
    assertThat(own.size()).isEqualTo(1);
    assertThat(own.get(0).get("department").asText()).isEqualTo("education");
    assertThat(convener.get("/api/meetings/" + id + "/open-items").json().size()).isEqualTo(2);

    for (var part : List.of(Map.entry("baota-education-clerk", education), Map.entry("baota-market-clerk", market))) {
      complete(part.getValue(), part.getKey(), id(tasksOf(part.getValue(), key).get(0)), Map.of(
          "completionReport", Map.of("value", "已完成排查"), "evidence", Map.of("value", "排查台账")));
    }
    String accept = singleTask(convener, key, "Task_AcceptItem");
    complete(convener, "baota-health-clerk", accept, Map.of("itemDecision", Map.of("value", "ACCEPT")));

    JsonNode summary = convener.get("/api/meetings/" + id + "/summary").json();
    assertThat(summary.get("status").asText()).isEqualTo("CLOSED");
    assertThat(summary.get("onTime").asInt()).isEqualTo(1);
    assertThat(as("portal", PW).get("/api/meetings/" + id + "/summary").status()).isEqualTo(403);
  }

  private static void complete(EngineRest user, String userId, String taskId, Map<String, Object> variables) {
    assertThat(user.post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", userId)).status()).isEqualTo(204);
    Response done = user.post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
  }

  private static List<JsonNode> tasksOf(EngineRest user, String businessKey) {
    Response list = user.get("/engine-rest/task?processInstanceBusinessKey=" + businessKey);
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    return StreamSupport.stream(list.json().spliterator(), false).toList();
  }

  private static String singleTask(EngineRest user, String businessKey, String taskKey) {
    Response list = user.get("/engine-rest/task?processInstanceBusinessKey=" + businessKey + "&taskDefinitionKey=" + taskKey);
    assertThat(list.json().size()).as(list.body()).isEqualTo(1);
    return list.json().get(0).get("id").asText();
  }

  private static List<String> candidateGroupsOf(EngineRest user, List<JsonNode> tasks) {
    return tasks.stream().flatMap(t -> StreamSupport.stream(
            user.get("/engine-rest/task/" + id(t) + "/identity-links?type=candidate").json().spliterator(), false))
        .filter(l -> !l.path("groupId").isNull() && l.has("groupId")).map(l -> l.get("groupId").asText()).toList();
  }

  private static String id(JsonNode task) {
    return task.get("id").asText();
  }
}
