package cn.tuoyu.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuoyu.identity.DemoUsers;
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
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The annual review in 延长县 through REST, as the people who do the work (the demo users
 * {@code yanchang-*} and {@code portal}): file an institution, open a year's inspections, report,
 * review, inspect on site, co-sign, rectify and penalise. For integration tests that need a case at
 * some step of it.
 */
final class InspectionSteps {

  static final String PW = DemoUsers.PASSWORD;
  static final String YANCHANG = "610621";

  private final Function<String, EngineRest> as;
  private final InspectionHistory history;
  private final InstitutionRepository institutions;

  /** {@code as}: the REST client of a demo user by id (password {@link #PW}). */
  InspectionSteps(Function<String, EngineRest> as, InspectionHistory history, InstitutionRepository institutions) {
    this.as = as;
    this.history = history;
    this.institutions = institutions;
  }

  /** Registers and files an institution in 延长县 whose principal has the given ID number. */
  String fileInstitution(String principalId) throws Exception {
    String code = RegistrationFixtures.creditCode(YANCHANG);
    Response registered = as.apply("yanchang-approval-clerk").post("/api/registrations", RegistrationFixtures.registration(
        code, YANCHANG, InstitutionNature.FOR_PROFIT, null, LocalDate.now().minusDays(1)));
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    FilingRequest sample = RegistrationFixtures.filing(code, 0, 0, List.of());
    FilingRequest filing = new FilingRequest(code, sample.licenceNo(), sample.premises(), sample.fireSafety(),
        sample.healthEvaluation(), sample.feeSchedule(), List.of(
            new FilingRequest.Staff("刘园长", principalId, StaffRole.PRINCIPAL, List.of(Certificate.CHILDCARE_WORKER)),
            new FilingRequest.Staff("保育员甲", uniqueIdNumber(), StaffRole.CAREGIVER, List.of(Certificate.CHILDCARE_WORKER))));
    Response filed = as.apply("portal").post("/api/filings", filing);
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    EngineRest health = as.apply("yanchang-health-clerk");
    String review = awaitTask(health, code, "Task_ReviewFiling");
    work(health, "yanchang-health-clerk", review, Map.of("reviewDecision", Map.of("value", "APPROVE")));
    assertThat(institutions.find(code).orElseThrow().status()).isEqualTo(InstitutionStatus.FILED);
    return code;
  }

  /**
   * The county supervisor opens the year's annual inspections and waits for the campaign to finish.
   * It opens every filed institution of the county that has no inspection of the year; running it
   * again is harmless. While another test's campaign of the year still runs (409), it waits for it.
   */
  void openYear(int year) throws Exception {
    EngineRest supervisor = as.apply("yanchang-supervisor");
    Optional<Response> started = await(() -> Optional.of(supervisor.post("/api/inspection-campaigns",
        Map.of("year", year, "county", YANCHANG))).filter(r -> r.status() != 409));
    assertThat(started).as("campaign " + year + " started").isPresent();
    assertThat(started.get().status()).as(started.get().body()).isEqualTo(202);
    assertThat(await(() -> Optional.of(supervisor.get("/api/inspection-campaigns/" + year + "/" + YANCHANG).json())
        .filter(p -> !p.get("running").asBoolean() && p.get("started").asInt() == p.get("total").asInt())))
        .isPresent();
  }

  /** The self-report through the portal and the county health clerk's desk review: the case waits for 现场检查. */
  void selfReportAndDeskReview(String code, int year) throws Exception {
    String key = InspectionHistory.annualKey(code, year);
    Response report = as.apply("portal").post("/api/inspections/" + key + "/self-report", Map.of(
        "report", year + " 年度自查：制度健全，已完成消防演练两次。", "enrolledChildren", 40, "staffCount", 9,
        "safetyIncidents", 0));
    assertThat(report.status()).as(report.body()).isIn(200, 201);
    EngineRest health = as.apply("yanchang-health-clerk");
    work(health, "yanchang-health-clerk", awaitTask(health, key, "Task_DeskReview"),
        Map.of("deskReviewNote", Map.of("value", "自查报告完整"), "onSiteFocus", Map.of("value", "重点查看消防通道")));
  }

  /** One institution's annual inspection of one year, to its end: passed, or failed after two re-reviews and a penalty. */
  void inspect(String code, int year, boolean pass) throws Exception {
    String key = InspectionHistory.annualKey(code, year);
    selfReportAndDeskReview(code, year);

    EngineRest inspector1 = as.apply("yanchang-inspector1");
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
    EngineRest inspector2 = as.apply("yanchang-inspector2");
    work(inspector2, "yanchang-inspector2", coSign, Map.of("coSignConfirmed", Map.of("value", true)));

    if (!pass) {
      for (int round = 1; round <= 2; round++) {
        String text = "第 " + round + " 轮整改：已清理消防通道";
        assertThat(await(() -> Optional.of(as.apply("portal").post("/api/rectifications/" + key + "/report",
            Map.of("reportText", text, "measures", "清理杂物，更换应急照明")).status()).filter(s -> s == 201)))
            .as("rectification report accepted, round " + round).isPresent();
        work(inspector1, "yanchang-inspector1", awaitTask(inspector1, key, "Task_ReviewRectification"), Map.of(
            "reviewResult", Map.of("value", "FAIL"), "reviewComment", Map.of("value", "复查仍不合格")));
      }
      EngineRest market = as.apply("yanchang-market-clerk");
      work(market, "yanchang-market-clerk", awaitTask(market, key, "Task_DecidePenalty"), Map.of(
          "penaltyKind", Map.of("value", "WARNING"),
          "penaltyDecisionNo", Map.of("value", "延长市监罚〔" + year + "〕" + code.substring(12) + "号"),
          "legalBasis", Map.of("value", "《托育机构设置标准（试行）》"),
          "penaltyText", Map.of("value", "整改复查不合格，给予警告")));
    }
    InspectionResult expected = pass ? InspectionResult.PASSED : InspectionResult.FAILED;
    assertThat(await(() -> history.resultOf(code, year).filter(expected::equals))).as(key).isPresent();
  }

  /** Claims and completes a task as the user. */
  static void work(EngineRest user, String userId, String taskId, Map<String, Object> variables) {
    Response claimed = user.post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", userId));
    assertThat(claimed.status()).as(claimed.body()).isEqualTo(204);
    Response completed = user.post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
    assertThat(completed.status()).as(completed.body()).isEqualTo(204);
  }

  /** The id of the one task of that activity the user sees in the case, once it is there. */
  static String awaitTask(EngineRest user, String businessKey, String taskKey) throws InterruptedException {
    return await(() -> {
      JsonNode list = user.get("/engine-rest/task?processInstanceBusinessKey=" + businessKey
          + "&taskDefinitionKey=" + taskKey).json();
      return list.size() == 1 ? Optional.of(list.get(0).get("id").asText()) : Optional.<String>empty();
    }).orElseThrow(() -> new AssertionError("no " + taskKey + " task for " + businessKey + " within 30 s"));
  }

  /** Polls up to 30 s: jobs (the campaign's chunks, asynchronous steps) run on the job executor. */
  static <T> Optional<T> await(Supplier<Optional<T>> probe) throws InterruptedException {
    for (int i = 0; i < 150; i++) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value;
      }
      Thread.sleep(200);
    }
    return Optional.empty();
  }

  /**
   * A random valid ID number of someone born in 延长县, so that a blacklisting by one test never
   * hits another (never use the fixed numbers of {@link RegistrationFixtures#filing}).
   */
  static String uniqueIdNumber() {
    LocalDate born = LocalDate.of(1975, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(8000));
    return RegistrationFixtures.idNumber(YANCHANG, born, ThreadLocalRandom.current().nextInt(1000));
  }
}
