package cn.tuoyu.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuoyu.identity.DemoUsers;
import cn.tuoyu.institution.CreditCode;
import cn.tuoyu.institution.IdNumber;
import cn.tuoyu.support.AuthenticationProbe;
import cn.tuoyu.support.EngineRest;
import cn.tuoyu.support.EngineRest.Response;
import cn.tuoyu.support.IntegrationTest;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The project's API ({@code /api}) through HTTP as real users: HTTP Basic against the engine's
 * users, the engine's authentication while a controller runs, the public prefix, and the Chinese
 * problem answers of {@link ApiErrorHandler}. The endpoints under {@code /api/test-echo} are the
 * test-only {@code cn.tuoyu.support.EchoController}.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiSecurityIT extends IntegrationTest {

  private static final String PW = DemoUsers.PASSWORD;
  private static final String PROBLEM_JSON = "application/problem+json";

  /** Valid first 17 characters; the 18th decides whether the number is valid. */
  private static final String ID_FIRST17 = "61060219900307123";
  private static final String VALID_ID = ID_FIRST17 + IdNumber.checkCharacter(ID_FIRST17);
  private static final String WRONG_CHECK_ID = ID_FIRST17 + (VALID_ID.endsWith("5") ? "6" : "5");
  private static final String CODE_FIRST17 = "52610602MJ1234567";
  private static final String VALID_CODE = CODE_FIRST17 + CreditCode.checkCharacter(CODE_FIRST17);
  private static final String WRONG_CHECK_CODE = CODE_FIRST17 + (VALID_CODE.endsWith("A") ? "B" : "A");

  @Autowired AuthenticationProbe probe;
  @Autowired ObjectMapper objectMapper;

  @Test
  void apiRequiresHttpBasicAgainstTheEnginesUsers() {
    Response anonymous = anonymous().get("/api/test-echo/whoami");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        h -> assertThat(h).startsWith("Basic"));
    assertThat(contentType(anonymous)).startsWith(PROBLEM_JSON);
    assertThat(anonymous.json().get("title").asText()).isEqualTo("未登录");
    assertThat(anonymous.raw().headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(anonymous.raw().headers().firstValue("Cache-Control")).hasValue("no-store");

    // A wrong password also delays that user's next login (engine login throttling): use a spare user.
    Response wrong = as("yanchang-education-clerk", "wrong-password").get("/api/test-echo/whoami");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.body()).doesNotContain("authenticated");
    assertThat(as("no-such-user", PW).get("/api/test-echo/whoami").status()).isEqualTo(401);
  }

  @Test
  void controllersRunAsTheUserWithGroupsAndTenantsAndNothingIsLeftAfterwards() {
    String id = UUID.randomUUID().toString();
    Response clerk = as("baota-health-clerk", PW).get("/api/test-echo/whoami?probe=" + id);
    assertThat(clerk.status()).as(clerk.body()).isEqualTo(200);
    JsonNode me = clerk.json();
    assertThat(me.get("userId").asText()).isEqualTo("baota-health-clerk");
    assertThat(texts(me.get("groups"))).containsExactlyInAnyOrder("clerk", "health");
    assertThat(texts(me.get("tenants"))).containsExactly("610602");
    assertThat(probe.userAfter(id)).as("authentication after the request").isEqualTo(Optional.empty());

    JsonNode city = as("city-supervisor", PW).get("/api/test-echo/whoami").json();
    assertThat(texts(city.get("groups"))).contains("supervisor", "health");
    assertThat(texts(city.get("tenants"))).contains("610600", "610602", "610603", "610621");
  }

  @Test
  void engineCallsFromControllersApplyTheUsersAuthorizations() {
    // Only administrators may create filters; the engine knows who is calling and refuses.
    Response refused = as("baota-health-clerk", PW).post("/api/test-echo/filter", Map.of());
    assertThat(refused.status()).as(refused.body()).isEqualTo(403);
    assertThat(contentType(refused)).startsWith(PROBLEM_JSON);
    assertThat(refused.json().get("title").asText()).isEqualTo("无权操作");
  }

  @Test
  void publicEndpointsNeedNoLoginAndNeverRunAsAUser() {
    String id = UUID.randomUUID().toString();
    Response anonymous = anonymous().get("/api/public/test-echo/whoami?probe=" + id);
    assertThat(anonymous.status()).isEqualTo(200);
    assertThat(anonymous.json().get("authenticated").asBoolean()).isFalse();
    assertThat(probe.userAfter(id)).isEqualTo(Optional.empty());
    // Credentials sent to a public endpoint are not used: public answers are the same for everyone.
    Response withCredentials = as("baota-health-clerk", PW).get("/api/public/test-echo/whoami");
    assertThat(withCredentials.json().get("authenticated").asBoolean()).isFalse();
  }

  @Test
  void thePublicPrefixCannotBeBorrowedWithDotSegments() {
    for (String path : List.of("/api/public/../test-echo/whoami", "/api/public/%2e%2e/test-echo/whoami",
        "/api/public/..;/test-echo/whoami")) {
      Response response = anonymous().get(path);
      assertThat(response.status()).as(path).isIn(400, 401);
      assertThat(response.body()).as(path).doesNotContain("authenticated");
    }
  }

  @Test
  void validationErrorsNameEveryFieldAndNeverTheValueSent(CapturedOutput output) {
    Map<String, Object> body = registration();
    body.put("creditCode", WRONG_CHECK_CODE);
    body.put("name", " ");
    body.put("capacity", 900);
    body.put("staff", List.of(
        Map.of("name", "", "idNumber", VALID_ID),
        Map.of("name", "张三", "idNumber", VALID_ID),
        Map.of("name", "李四", "idNumber", WRONG_CHECK_ID)));
    Response response = as("baota-health-clerk", PW).post("/api/test-echo/registration", body);

    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(contentType(response)).startsWith(PROBLEM_JSON);
    Map<String, String> errors = errors(response);
    assertThat(errors.keySet()).containsExactlyInAnyOrder(
        "creditCode", "name", "capacity", "staff[0].name", "staff[2].idNumber");
    assertThat(errors.get("staff[2].idNumber")).startsWith("居民身份证号码无效").contains("校验码");
    assertThat(errors.get("creditCode")).startsWith("统一社会信用代码无效");
    assertThat(errors.get("capacity")).as("Chinese whatever the client's language").isEqualTo("最大不能超过500");
    assertThat(response.json().get("detail").asText()).contains("5 处错误");
    assertThat(response.body()).doesNotContain(WRONG_CHECK_ID, ID_FIRST17, WRONG_CHECK_CODE, "900");
    assertThat(output.getAll()).doesNotContain(WRONG_CHECK_ID, ID_FIRST17);
  }

  @Test
  void aValidBodyIsAccepted() {
    Response response = as("baota-health-clerk", PW).post("/api/test-echo/registration", registration());
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().get("accepted").asInt()).isEqualTo(1);
  }

  @Test
  void unknownPropertiesAreRefusedByName() {
    Map<String, Object> body = registration();
    body.put("staff", List.of(Map.of("name", "张三", "idNumber", VALID_ID, "nickname", "小张")));
    Response response = as("baota-health-clerk", PW).post("/api/test-echo/registration", body);
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(errors(response)).containsExactly(Map.entry("staff[0].nickname", "不允许的字段"));

    // Only Spring MVC's converter is strict: the application's ObjectMapper bean stays lenient
    // (Camunda's REST API has its own, which ignores unknown properties).
    assertThat(objectMapper.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isFalse();
  }

  @Test
  void unreadableBodiesNameTheFieldButNotTheValue() {
    Map<String, Object> body = registration();
    body.put("capacity", "很多xyz");
    Response wrongType = as("baota-health-clerk", PW).post("/api/test-echo/registration", body);
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(errors(wrongType)).containsOnlyKeys("capacity");
    assertThat(errors(wrongType).get("capacity")).contains("应为数字");
    assertThat(wrongType.body()).doesNotContain("xyz");

    body.put("capacity", 10);
    body.put("staff", List.of(Map.of("name", List.of(1), "idNumber", VALID_ID)));
    Response wrongNested = as("baota-health-clerk", PW).post("/api/test-echo/registration", body);
    assertThat(errors(wrongNested)).containsOnlyKeys("staff[0].name");

    Response malformed = as("baota-health-clerk", PW).post("/api/test-echo/registration",
        "{\"creditCode\": \"" + VALID_ID + "\",");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(contentType(malformed)).startsWith(PROBLEM_JSON);
    assertThat(malformed.json().get("detail").asText()).isEqualTo("请求体不是有效的 JSON。");
    assertThat(malformed.body()).doesNotContain(VALID_ID);
  }

  @Test
  void projectExceptionsMapToTheirStatus() {
    EngineRest clerk = as("baota-health-clerk", PW);
    assertProblem(clerk.get("/api/test-echo/fail/not-found"), 404, "机构不存在：回显测试");
    assertProblem(clerk.get("/api/test-echo/fail/conflict"), 409, "该机构已有办理中的登记");
    assertProblem(clerk.get("/api/test-echo/fail/forbidden"), 403, "您没有执行此操作的权限。");
    assertProblem(clerk.get("/api/test-echo/fail/illegal"), 400, "整改期限不能早于今天");

    Response boom = clerk.get("/api/test-echo/fail/boom");
    assertThat(boom.status()).isEqualTo(500);
    assertThat(contentType(boom)).startsWith(PROBLEM_JSON);
    assertThat(boom.body()).doesNotContain("internal detail");

    Response badParameter = clerk.get("/api/test-echo/fail/none?n=abc");
    assertThat(badParameter.status()).isEqualTo(400);
    assertThat(errors(badParameter)).containsExactly(Map.entry("n", "类型不正确，应为数字"));

    // refused before any controller is chosen: Chinese too
    Response wrongMethod = clerk.delete("/api/test-echo/whoami");
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(contentType(wrongMethod)).startsWith(PROBLEM_JSON);
    assertThat(wrongMethod.json().get("title").asText()).isEqualTo("请求方法不允许");
    Response unknownPath = clerk.get("/api/no-such-endpoint");
    assertThat(unknownPath.status()).isEqualTo(404);
    assertThat(unknownPath.json().get("detail").asText()).isEqualTo("请求的资源不存在。");
  }

  private static Map<String, Object> registration() {
    Map<String, Object> body = new HashMap<>();
    body.put("creditCode", VALID_CODE);
    body.put("name", "回显测试托育中心");
    body.put("capacity", 60);
    body.put("staff", new ArrayList<>(List.of(Map.of("name", "张三", "idNumber", VALID_ID))));
    return body;
  }

  private static void assertProblem(Response response, int status, String detail) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(contentType(response)).startsWith(PROBLEM_JSON);
    assertThat(response.json().get("status").asInt()).isEqualTo(status);
    assertThat(response.json().get("detail").asText()).isEqualTo(detail);
  }

  private static String contentType(Response response) {
    return response.raw().headers().firstValue("Content-Type").orElse("");
  }

  /** field → message; fails on a field named twice, which these tests never expect. */
  private static Map<String, String> errors(Response response) {
    JsonNode errors = response.json().get("errors");
    assertThat(errors).as(response.body()).isNotNull();
    Map<String, String> byField = new HashMap<>();
    for (JsonNode error : errors) {
      String previous = byField.put(error.get("field").asText(), error.get("message").asText());
      assertThat(previous).as("field named twice: " + error).isNull();
    }
    return byField;
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
