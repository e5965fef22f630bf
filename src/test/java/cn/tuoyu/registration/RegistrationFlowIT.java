package cn.tuoyu.registration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuoyu.identity.DemoUsers;
import cn.tuoyu.institution.InstitutionNature;
import cn.tuoyu.institution.InstitutionRepository;
import cn.tuoyu.institution.InstitutionStatus;
import cn.tuoyu.support.EngineRest;
import cn.tuoyu.support.EngineRest.Response;
import cn.tuoyu.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 登记备案衔接 end to end on PostgreSQL with authorization on, through REST as the real users:
 * the registration authority, the portal that forwards filings, and the county health clerk.
 */
class RegistrationFlowIT extends IntegrationTest {

  private static final String PW = DemoUsers.PASSWORD;
  private static final String BAOTA = "610602";

  @Autowired InstitutionRepository institutions;
  @Autowired RuntimeService runtime;

  @Test
  void registrationPushFilingAndReviewByTheCountyHealthClerkOfThatCounty() throws Exception {
    String code = RegistrationFixtures.creditCode(BAOTA);
    Response registered = as("baota-approval-clerk", PW).post("/api/registrations",
        RegistrationFixtures.registration(code, BAOTA, InstitutionNature.FOR_PROFIT, null, LocalDate.now().minusDays(1)));
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    assertThat(institutions.find(code)).hasValueSatisfying(i -> assertThat(i.status()).isEqualTo(InstitutionStatus.REGISTERED));

    // The registration clerk pushes the record.
    EngineRest authority = as("baota-approval-clerk", PW);
    String push = singleTask(authority, code, "Task_PushRegistration");
    assertThat(authority.post("/engine-rest/task/" + push + "/claim", Map.of("userId", "baota-approval-clerk")).status())
        .isEqualTo(204);
    assertThat(authority.post("/engine-rest/task/" + push + "/complete", Map.of()).status()).isEqualTo(204);
    assertThat(institutions.find(code).orElseThrow().status()).isEqualTo(InstitutionStatus.PUSHED);

    // The institution files through the portal; the checks run asynchronously.
    Response filed = as("portal", PW).post("/api/filings", RegistrationFixtures.filing(code, 8, 8, List.of()));
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    EngineRest baotaHealth = as("baota-health-clerk", PW);
    String review = awaitTask(baotaHealth, code, "Task_ReviewFiling");

    // Another county's health clerk and another department see nothing and cannot act.
    assertThat(tasksOf(as("ansai-health-clerk", PW), code)).isEmpty();
    assertThat(tasksOf(authority, code)).doesNotContain(review);
    assertThat(as("ansai-health-clerk", PW).post("/engine-rest/task/" + review + "/complete", Map.of()).status())
        .isIn(403, 404);
    assertThat(authority.get("/engine-rest/task/" + review).status()).isIn(403, 404);

    // The reviewer sees the materials and the check results, and approves.
    JsonNode variables = baotaHealth.get("/engine-rest/task/" + review + "/form-variables").json();
    assertThat(variables.at("/checkSummary/value").asText()).contains("黑名单比对：未命中");
    assertThat(variables.at("/confidentialStaffRoster/value").asText()).contains("保育员1");
    assertThat(baotaHealth.post("/engine-rest/task/" + review + "/claim", Map.of("userId", "baota-health-clerk")).status())
        .isEqualTo(204);
    Response approved = baotaHealth.post("/engine-rest/task/" + review + "/complete",
        Map.of("variables", Map.of("reviewDecision", Map.of("value", "APPROVE"))));
    assertThat(approved.status()).as(approved.body()).isEqualTo(204);
    assertThat(institutions.find(code).orElseThrow().status()).isEqualTo(InstitutionStatus.FILED);

    // The confidential staff list never reached history.
    Response history = as(DemoUsers.ADMIN_ID, DemoUsers.ADMIN_PASSWORD)
        .get("/engine-rest/history/variable-instance?variableName=confidentialStaffRoster");
    assertThat(history.json().size()).isZero();
  }

  @Test
  void badInputIsRefusedNamingTheFieldAndWritesNothing() {
    EngineRest authority = as("baota-approval-clerk", PW);
    String code = RegistrationFixtures.creditCode(BAOTA);
    String wrongCheck = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');

    Response invalidCode = authority.post("/api/registrations",
        RegistrationFixtures.registration(wrongCheck, BAOTA, InstitutionNature.FOR_PROFIT, null, LocalDate.now()));
    assertThat(invalidCode.status()).isEqualTo(400);
    assertThat(invalidCode.body()).contains("creditCode").contains("校验位错误");

    Map<String, Object> missing = new HashMap<>();
    missing.put("creditCode", code);
    Response missingFields = authority.post("/api/registrations", missing);
    assertThat(missingFields.status()).isEqualTo(400);
    assertThat(missingFields.body()).contains("institutionName").contains("nature").contains("county")
        .contains("address").contains("legalRepresentative").contains("approvedAt");

    Response unknownCounty = authority.post("/api/registrations",
        RegistrationFixtures.registration(code, "619999", InstitutionNature.FOR_PROFIT, null, LocalDate.now()));
    assertThat(unknownCounty.status()).isEqualTo(400);
    assertThat(unknownCounty.body()).contains("county").contains("619999");
    assertThat(institutions.exists(code)).isFalse();

    String unknownInstitution = RegistrationFixtures.creditCode(BAOTA);
    Response notRegistered = as("portal", PW).post("/api/filings",
        RegistrationFixtures.filing(unknownInstitution, 3, 3, List.of()));
    assertThat(notRegistered.status()).isEqualTo(404);
    assertThat(notRegistered.body()).contains(unknownInstitution);

    String validId = RegistrationFixtures.idNumber(BAOTA, LocalDate.of(1990, 1, 1), 123);
    String invalidId = validId.substring(0, 17) + (validId.charAt(17) == '0' ? '1' : '0');
    Response badStaff = as("portal", PW).post("/api/filings",
        RegistrationFixtures.filing(unknownInstitution, 1, 1, List.of(invalidId)));
    assertThat(badStaff.status()).isEqualTo(400);
    assertThat(badStaff.body()).contains("staff[1].idNumber").doesNotContain(invalidId);
  }

  @Test
  void theRulesDecideWhoMayRegisterWhat() {
    String code = RegistrationFixtures.creditCode(BAOTA);
    Response forProfitByEstablishment = as("baota-establishment-clerk", PW).post("/api/registrations",
        RegistrationFixtures.registration(code, BAOTA, InstitutionNature.FOR_PROFIT, null, LocalDate.now()));
    assertThat(forProfitByEstablishment.status()).isEqualTo(400);
    assertThat(forProfitByEstablishment.body()).contains("营利性托育机构由行政审批局登记");

    Response otherCounty = as("ansai-approval-clerk", PW).post("/api/registrations",
        RegistrationFixtures.registration(code, BAOTA, InstitutionNature.FOR_PROFIT, null, LocalDate.now()));
    assertThat(otherCounty.status()).isEqualTo(400);

    Response healthClerk = as("baota-health-clerk", PW).post("/api/registrations",
        RegistrationFixtures.registration(code, BAOTA, InstitutionNature.FOR_PROFIT, null, LocalDate.now()));
    assertThat(healthClerk.status()).isEqualTo(403);
    assertThat(institutions.exists(code)).isFalse();
  }

  @Test
  void tenConcurrentIdenticalRegistrationsMakeOneCase() throws Exception {
    String code = RegistrationFixtures.creditCode(BAOTA);
    // Today in Beijing: also accepted between 00:00 and 08:00 Beijing time on a UTC server.
    RegistrationRequest request = RegistrationFixtures.registration(code, BAOTA, InstitutionNature.NON_PROFIT, null,
        LocalDate.now(cn.tuoyu.system.ValidationClock.CHINA));
    ExecutorService pool = Executors.newFixedThreadPool(10);
    List<Callable<Response>> calls = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      calls.add(() -> as("baota-approval-clerk", PW).post("/api/registrations", request));
    }
    List<Response> responses = new ArrayList<>();
    for (Future<Response> f : pool.invokeAll(calls)) {
      responses.add(f.get());
    }
    pool.shutdown();
    assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(200, 201));
    assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
    assertThat(responses).extracting(r -> r.json().get("processInstanceId").asText()).containsOnly(
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult().getId());
  }

  private static List<String> tasksOf(EngineRest user, String creditCode) {
    Response list = user.get("/engine-rest/task?processInstanceBusinessKey=" + creditCode);
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    return StreamSupport.stream(list.json().spliterator(), false).map(t -> t.get("id").asText()).toList();
  }

  private static String singleTask(EngineRest user, String creditCode, String taskKey) {
    Response list = user.get("/engine-rest/task?processInstanceBusinessKey=" + creditCode + "&taskDefinitionKey=" + taskKey);
    assertThat(list.json().size()).as(list.body()).isEqualTo(1);
    return list.json().get(0).get("id").asText();
  }

  private static String awaitTask(EngineRest user, String creditCode, String taskKey) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      Response list = user.get("/engine-rest/task?processInstanceBusinessKey=" + creditCode + "&taskDefinitionKey=" + taskKey);
      if (list.json().size() == 1) {
        return list.json().get(0).get("id").asText();
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no " + taskKey + " task for " + creditCode + " within 20 s");
  }
}
