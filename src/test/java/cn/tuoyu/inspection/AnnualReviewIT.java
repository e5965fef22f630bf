package cn.tuoyu.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuoyu.identity.DemoUsers;
import cn.tuoyu.institution.BlacklistRepository;
import cn.tuoyu.institution.Certificate;
import cn.tuoyu.institution.InspectionHistory;
import cn.tuoyu.institution.InspectionResult;
import cn.tuoyu.institution.InstitutionNature;
import cn.tuoyu.institution.InstitutionRepository;
import cn.tuoyu.institution.InstitutionStatus;
import cn.tuoyu.institution.StaffRole;
import cn.tuoyu.registration.FilingRequest;
import cn.tuoyu.registration.RegistrationFixtures;
import cn.tuoyu.support.EngineRest;
import cn.tuoyu.support.EngineRest.Response;
import cn.tuoyu.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
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
  private static final String YANCHANG = "610621";
  private static final int THIS_YEAR = Year.now().getValue();

  @Autowired InspectionHistory history;
  @Autowired InstitutionRepository institutions;
  @Autowired BlacklistRepository blacklist;

  @Test
  void twoFailedYearsCloseDeregisterAndAnnounceAPassInBetweenDoesNot() throws Exception {
    String principalId = uniqueIdNumber();
    String failFail = fileInstitution(principalId);
    String failPass = fileInstitution(uniqueIdNumber());
    String failPassFail = fileInstitution(uniqueIdNumber());

    int first = THIS_YEAR - 2;
    openYear(first);
    inspect(failPassFail, first, false);

    openYear(first + 1);
    inspect(failFail, first + 1, false);
    inspect(failPass, first + 1, false);
    inspect(failPassFail, first + 1, true);

    openYear(THIS_YEAR);
    inspect(failFail, THIS_YEAR, false);
    inspect(failPass, THIS_YEAR, true);
    inspect(failPassFail, THIS_YEAR, false);

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

  /** Registers and files an institution in 延长县 whose principal has the given ID number. */
  private String fileInstitution(String principalId) throws Exception {
    String code = RegistrationFixtures.creditCode(YANCHANG);
    Response registered = as("yanchang-approval-clerk", PW).post("/api/registrations", RegistrationFixtures.registration(
        code, YANCHANG, InstitutionNature.FOR_PROFIT, null, LocalDate.now().minusDays(1)));
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    FilingRequest sample = RegistrationFixtures.filing(code, 0, 0, List.of());
    FilingRequest filing = new FilingRequest(code, sample.licenceNo(), sample.premises(), sample.fireSafety(),
        sample.healthEvaluation(), sample.feeSchedule(), List.of(
            new FilingRequest.Staff("刘园长", principalId, StaffRole.PRINCIPAL, List.of(Certificate.CHILDCARE_WORKER)),
            new FilingRequest.Staff("保育员甲", uniqueIdNumber(), StaffRole.CAREGIVER, List.of(Certificate.CHILDCARE_WORKER))));
    Response filed = as("portal", PW).post("/api/filings", filing);
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    EngineRest health = as("yanchang-health-clerk", PW);
    String review = awaitTask(health, code, "Task_ReviewFiling");
    work(health, "yanchang-health-clerk", review, Map.of("reviewDecision", Map.of("value", "APPROVE")));
    assertThat(institutions.find(code).orElseThrow().status()).isEqualTo(InstitutionStatus.FILED);
    return code;
  }

  /** The county supervisor opens the year's annual inspections and waits for the campaign to finish. */
  private void openYear(int year) throws Exception {
    EngineRest supervisor = as("yanchang-supervisor", PW);
    Response started = supervisor.post("/api/inspection-campaigns", Map.of("year", year, "county", YANCHANG));
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    assertThat(await(() -> Optional.of(supervisor.get("/api/inspection-campaigns/" + year + "/" + YANCHANG).json())
        .filter(p -> !p.get("running").asBoolean() && p.get("started").asInt() == p.get("total").asInt())))
        .isPresent();
  }

  /** One institution's annual inspection of one year, to its end: passed, or failed after two re-reviews and a penalty. */
  private void inspect(String code, int year, boolean pass) throws Exception {
    String key = code + "-" + year;
    Response report = as("portal", PW).post("/api/inspections/" + key + "/self-report", Map.of(
        "report", year + " 年度自查：制度健全，已完成消防演练两次。", "enrolledChildren", 40, "staffCount", 9,
        "safetyIncidents", 0));
    assertThat(report.status()).as(report.body()).isIn(200, 201);

    EngineRest health = as("yanchang-health-clerk", PW);
    work(health, "yanchang-health-clerk", awaitTask(health, key, "Task_DeskReview"),
        Map.of("deskReviewNote", Map.of("value", "自查报告完整"), "onSiteFocus", Map.of("value", "重点查看消防通道")));

    EngineRest inspector1 = as("yanchang-inspector1", PW);
    double score = pass ? 92 : 55;
    work(inspector1, "yanchang-inspector1", awaitTask(inspector1, key, "Task_OnSiteInspection"), Map.of(
        "safetyScore", Map.of("value", score), "healthCareScore", Map.of("value", 90),
        "staffingScore", Map.of("value", 88), "facilitiesScore", Map.of("value", 85),
        "feeDisclosureScore", Map.of("value", 95), "criticalFindings", Map.of("value", 0),
        "findings", Map.of("value", pass ? "未发现问题" : "消防通道堆放杂物，应急照明损坏")));

    // The co-sign needs a second person: the first inspector cannot take it.
    String coSign = awaitTask(inspector1, key, "Task_CoSignInspection");
    Response sameInspector = inspector1.post("/engine-rest/task/" + coSign + "/claim",
        Map.of("userId", "yanchang-inspector1"));
    assertThat(sameInspector.status()).as(sameInspector.body()).isEqualTo(400);
    assertThat(sameInspector.json().get("message").asText())
        .startsWith("现场检查须由两名检查人员共同完成").doesNotContain("ENGINE-");
    EngineRest inspector2 = as("yanchang-inspector2", PW);
    work(inspector2, "yanchang-inspector2", coSign, Map.of("coSignConfirmed", Map.of("value", true)));

    if (!pass) {
      for (int round = 1; round <= 2; round++) {
        String text = "第 " + round + " 轮整改：已清理消防通道";
        assertThat(await(() -> Optional.of(as("portal", PW).post("/api/rectifications/" + key + "/report",
            Map.of("reportText", text, "measures", "清理杂物，更换应急照明")).status()).filter(s -> s == 201)))
            .as("rectification report accepted, round " + round).isPresent();
        work(inspector1, "yanchang-inspector1", awaitTask(inspector1, key, "Task_ReviewRectification"), Map.of(
            "reviewResult", Map.of("value", "FAIL"), "reviewComment", Map.of("value", "复查仍不合格")));
      }
      EngineRest market = as("yanchang-market-clerk", PW);
      work(market, "yanchang-market-clerk", awaitTask(market, key, "Task_DecidePenalty"), Map.of(
          "penaltyKind", Map.of("value", "WARNING"),
          "penaltyDecisionNo", Map.of("value", "延长市监罚〔" + year + "〕" + code.substring(12) + "号"),
          "legalBasis", Map.of("value", "《托育机构设置标准（试行）》"),
          "penaltyText", Map.of("value", "整改复查不合格，给予警告")));
    }
    InspectionResult expected = pass ? InspectionResult.PASSED : InspectionResult.FAILED;
    assertThat(await(() -> history.resultOf(code, year).filter(expected::equals))).as(key).isPresent();
  }

  private static void work(EngineRest user, String userId, String taskId, Map<String, Object> variables) {
    Response claimed = user.post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", userId));
    assertThat(claimed.status()).as(claimed.body()).isEqualTo(204);
    Response completed = user.post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
    assertThat(completed.status()).as(completed.body()).isEqualTo(204);
  }

  private static List<String> tasks(EngineRest user, String businessKey) {
    Response list = user.get("/engine-rest/task?processInstanceBusinessKey=" + businessKey);
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    return list.json().findValuesAsText("id");
  }

  private static String awaitTask(EngineRest user, String businessKey, String taskKey) throws InterruptedException {
    return await(() -> {
      JsonNode list = user.get("/engine-rest/task?processInstanceBusinessKey=" + businessKey
          + "&taskDefinitionKey=" + taskKey).json();
      return list.size() == 1 ? Optional.of(list.get(0).get("id").asText()) : Optional.<String>empty();
    }).orElseThrow(() -> new AssertionError("no " + taskKey + " task for " + businessKey + " within 30 s"));
  }

  /** Polls up to 30 s: jobs (the campaign's chunks, asynchronous steps) run on the job executor. */
  private static <T> Optional<T> await(Supplier<Optional<T>> probe) throws InterruptedException {
    for (int i = 0; i < 150; i++) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value;
      }
      Thread.sleep(200);
    }
    return Optional.empty();
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

  private static String uniqueIdNumber() {
    LocalDate born = LocalDate.of(1975, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(8000));
    return RegistrationFixtures.idNumber(YANCHANG, born, ThreadLocalRandom.current().nextInt(1000));
  }
}
