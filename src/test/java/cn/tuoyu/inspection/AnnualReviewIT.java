package cn.tuoyu.inspection;

import static cn.tuoyu.inspection.InspectionSteps.await;
import static cn.tuoyu.inspection.InspectionSteps.awaitTask;
import static cn.tuoyu.inspection.InspectionSteps.uniqueIdNumber;
import static cn.tuoyu.inspection.InspectionSteps.work;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tuoyu.identity.DemoUsers;
import cn.tuoyu.institution.BlacklistRepository;
import cn.tuoyu.institution.InspectionHistory;
import cn.tuoyu.institution.InspectionResult;
import cn.tuoyu.institution.InstitutionRepository;
import cn.tuoyu.institution.InstitutionStatus;
import cn.tuoyu.support.EngineRest;
import cn.tuoyu.support.EngineRest.Response;
import cn.tuoyu.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 连续两年年审不合格者予以关闭、注销登记，并向社会公告 — on PostgreSQL with authorization on, through
 * REST as the people who do the work: the county supervisor opens each year's inspections, the
 * institution reports through the portal, the county health clerk reviews the papers, two
 * inspectors inspect on site, the market clerk decides the penalty. Two failed years close an
 * institution; a pass in between does not.
 */
class AnnualReviewIT extends IntegrationTest {

  private static final String PW = DemoUsers.PASSWORD;
  private static final int THIS_YEAR = Year.now().getValue();

  @Autowired InspectionHistory history;
  @Autowired InstitutionRepository institutions;
  @Autowired BlacklistRepository blacklist;

  private InspectionSteps steps() {
    return new InspectionSteps(user -> as(user, PW), history, institutions);
  }

  @Test
  void twoFailedYearsCloseDeregisterAndAnnounceAPassInBetweenDoesNot() throws Exception {
    InspectionSteps steps = steps();
    String principalId = uniqueIdNumber();
    String failFail = steps.fileInstitution(principalId);
    String failPass = steps.fileInstitution(uniqueIdNumber());
    String failPassFail = steps.fileInstitution(uniqueIdNumber());

    int first = THIS_YEAR - 2;
    steps.openYear(first);
    steps.inspect(failPassFail, first, false);

    steps.openYear(first + 1);
    steps.inspect(failFail, first + 1, false);
    steps.inspect(failPass, first + 1, false);
    steps.inspect(failPassFail, first + 1, true);

    steps.openYear(THIS_YEAR);
    steps.inspect(failFail, THIS_YEAR, false);
    steps.inspect(failPass, THIS_YEAR, true);
    steps.inspect(failPassFail, THIS_YEAR, false);

    assertThat(history.resultOf(failPassFail, first)).contains(InspectionResult.FAILED);
    assertThat(history.resultOf(failPassFail, first + 1)).contains(InspectionResult.PASSED);
    assertThat(history.resultOf(failPassFail, THIS_YEAR)).contains(InspectionResult.FAILED);
    assertThat(history.resultOf(failPass, THIS_YEAR)).contains(InspectionResult.PASSED);

    // Fail + fail: the closure case waits for the county health clerk's draft.
    EngineRest health = as("yanchang-health-clerk", PW);
    String closureKey = failFail + "-closure";
    String draft = awaitTask(health, closureKey, "Task_DraftClosureDecision");
    // Fail + pass and fail, pass, fail: no closure case at all.
    EngineRest admin = as(DemoUsers.ADMIN_ID, DemoUsers.ADMIN_PASSWORD);
    for (String code : List.of(failPass, failPassFail)) {
      assertThat(admin.get("/engine-rest/history/process-instance?processDefinitionKey=ClosureProcess"
          + "&processInstanceBusinessKey=" + code + "-closure").json().size()).as(code).isZero();
    }

    JsonNode candidates = readJson(health.get("/engine-rest/task/" + draft + "/form-variables?deserializeValues=false").json()
        .at("/blacklistCandidates/value"));
    assertThat(candidates.size()).as("the principal is proposed for the blacklist: " + candidates).isEqualTo(1);
    assertThat(candidates.get(0).get("label").asText()).contains("机构负责人").doesNotContain(principalId);
    String personId = candidates.get(0).get("value").asText();
    Map<String, Object> blacklistChoice = Map.of(
        "blacklistPersons", Map.of("value", "[\"" + personId + "\"]", "type", "Json"),
        "banKind", Map.of("value", "LIFETIME_BAN"));
    Map<String, Object> drafted = new HashMap<>(blacklistChoice);
    drafted.put("decisionDraft", Map.of("value", "该机构连续两年年审不合格，依据延安市实施方案予以关闭。"));
    work(health, "yanchang-health-clerk", draft, drafted);

    EngineRest supervisor = as("yanchang-supervisor", PW);
    String approval = awaitTask(supervisor, closureKey, "Task_ApproveClosureDecision");
    Map<String, Object> approved = new HashMap<>(blacklistChoice);
    approved.put("approvalDecision", Map.of("value", "APPROVE"));
    work(supervisor, "yanchang-supervisor", approval, approved);

    // Deregistration goes back to the registration authority that registered it (行政审批局), with a due date.
    EngineRest approvalClerk = as("yanchang-approval-clerk", PW);
    String deregister = awaitTask(approvalClerk, closureKey, "Task_DeregisterInstitution");
    assertThat(approvalClerk.get("/engine-rest/task/" + deregister).json().get("due").isNull()).isFalse();
    assertThat(tasks(as("yanchang-establishment-clerk", PW), closureKey)).isEmpty();
    assertThat(tasks(as("ansai-approval-clerk", PW), closureKey)).isEmpty();
    String today = LocalDate.now().toString();
    work(approvalClerk, "yanchang-approval-clerk", deregister, Map.of(
        "deregisteredOn", Map.of("value", today),
        "deregistrationDocumentNo", Map.of("value", "延审批注〔" + THIS_YEAR + "〕1号")));

    // The children in care are placed by county health and education.
    for (String clerk : List.of("yanchang-health-clerk", "yanchang-education-clerk")) {
      EngineRest user = as(clerk, PW);
      String placement = awaitTask(user, closureKey, "Task_PlanPlacement");
      work(user, clerk, placement, Map.of(
          "childrenCount", Map.of("value", 12),
          "placementDestination", Map.of("value", "延长县第一托育园接收 8 名，其余由家长自行安排"),
          "placementNote", Map.of("value", "已逐户电话告知家长")));
    }

    String announce = awaitTask(health, closureKey, "Task_PublishClosureAnnouncement");
    work(health, "yanchang-health-clerk", announce, Map.of(
        "announcementDate", Map.of("value", today),
        "announcementText", Map.of("value", "该机构连续两年年审不合格，已依法关闭并注销登记，特此公告。")));

    assertThat(await(() -> institutions.find(failFail).map(i -> i.status())
        .filter(InstitutionStatus.DEREGISTERED::equals))).isPresent();
    assertThat(blacklist.inForce(principalId, LocalDate.now())).hasValueSatisfying(e -> assertThat(e.lifetimeBan()).isTrue());
    JsonNode published = anonymous().get("/api/public/institutions?name=" + failFail.substring(12)).json();
    JsonNode closed = find(published, failFail);
    assertThat(closed.get("statusLabel").asText()).isEqualTo("已注销");
    assertThat(closed.get("closureAnnouncementDate").asText()).isEqualTo(today);
    assertThat(closed.get("latestReviewResultLabel").asText()).isEqualTo("不合格");
    assertThat(find(anonymous().get("/api/public/institutions?name=" + failPass.substring(12)).json(), failPass)
        .get("statusLabel").asText()).isEqualTo("已备案");
  }

  private static List<String> tasks(EngineRest user, String businessKey) {
    Response list = user.get("/engine-rest/task?processInstanceBusinessKey=" + businessKey);
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    return list.json().findValuesAsText("id");
  }

  private static JsonNode find(JsonNode page, String creditCode) {
    for (JsonNode item : page.get("items")) {
      if (item.get("creditCode").asText().equals(creditCode)) {
        return item;
      }
    }
    throw new AssertionError(creditCode + " not on the public page: " + page);
  }

  private static JsonNode readJson(JsonNode value) throws Exception {
    return value.isTextual() ? new com.fasterxml.jackson.databind.ObjectMapper().readTree(value.asText()) : value;
  }
}
