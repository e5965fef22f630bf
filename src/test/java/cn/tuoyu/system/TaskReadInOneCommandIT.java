package cn.tuoyu.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuoyu.identity.DemoUsers;
import cn.tuoyu.identity.TasklistFilters;
import cn.tuoyu.support.EngineRest;
import cn.tuoyu.support.EngineRest.Response;
import cn.tuoyu.support.IntegrationTest;
import cn.tuoyu.support.OutermostCommands;
import cn.tuoyu.support.ProbeModels;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A Tasklist refresh costs one engine command per call, over the engine REST API (HTTP Basic:
 * one more for the sign-in) and over the webapps' own engine API (session): the calls' inner commands
 * join it. Results are those of the engine (the access rules themselves are AccessEquivalenceIT's).
 */
class TaskReadInOneCommandIT extends IntegrationTest {

  private static final String CLERK = "baota-health-clerk";
  private static final String PAGE_BODY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
      + "\"processInstanceBusinessKeyLike\":\"%s%%\"}";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired OutermostCommands commands;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;

  private String prefix;
  private String body;

  @BeforeEach
  void twoTasksForTheClerkOneForAnotherCounty() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey(ProbeModels.PROCESS_KEY).count() == 0) {
      repository.createDeployment().addModelInstance("AccessProbeProcess.bpmn", ProbeModels.accessProbe()).deploy();
    }
    prefix = UUID.randomUUID().toString().substring(0, 8);
    body = PAGE_BODY.formatted(prefix);
    for (String county : List.of("610602", "610602", "610603")) {
      runtime.startProcessInstanceByKey(ProbeModels.PROCESS_KEY, prefix + "-" + UUID.randomUUID(),
          Map.of("county", county, "department", "health"));
    }
  }

  @Test
  void engineRestPageAndCountAreOneCommandEachAfterTheSignIn() {
    EngineRest clerk = as(CLERK, DemoUsers.PASSWORD);
    String filter = PlatformSecurityIT.departmentFilterOf(clerk);
    AtomicReference<Response> page = new AtomicReference<>();
    long pageCommands = commands.onRequestThreadsDuring(() -> page.set(
        clerk.postAccepting("/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15", "application/hal+json", body)));
    assertThat(page.get().status()).as(page.get().body()).isEqualTo(200);
    assertThat(page.get().json().get("count").asInt()).isEqualTo(2);
    assertThat(page.get().json().get("_embedded").get("task")).hasSize(2);
    assertThat(pageCommands).as("sign-in + page").isEqualTo(2);

    AtomicReference<Response> count = new AtomicReference<>();
    long countCommands = commands.onRequestThreadsDuring(() -> count.set(
        clerk.post("/engine-rest/filter/" + filter + "/count", body)));
    assertThat(count.get().json().get("count").asInt()).isEqualTo(2);
    assertThat(countCommands).as("sign-in + count").isEqualTo(2);

    // The query limit still applies inside the one command (the filter's command applies it).
    assertThat(clerk.postAccepting("/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=2001",
        "application/json", body).status()).isEqualTo(400);
  }

  @Test
  void aRefusedReadAnswersAsBefore() {
    EngineRest clerk = as(CLERK, DemoUsers.PASSWORD);
    String count = "/engine-rest/filter/" + PlatformSecurityIT.departmentFilterOf(clerk) + "/count";
    Response unknown = clerk.post("/engine-rest/filter/" + UUID.randomUUID() + "/count", body);
    assertThat(unknown.status()).as(unknown.body()).isEqualTo(403); // the engine checks READ before looking
    Response invalid = clerk.post(count, "{\"dueAfter\":\"morgen\"}");
    assertThat(invalid.status()).as(invalid.body()).isEqualTo(400);
    // The failed calls left nothing behind: the next call on the same threads reads normally.
    assertThat(clerk.post(count, body).json().get("count").asInt()).isEqualTo(2);
  }

  @Test
  void theRestLayersUseTheApplicationsEngineAndBuildNoOther() throws Exception {
    // Both REST layers look engines up through Camunda's ProcessEngines, whose first use builds an
    // engine from every camunda.cfg.xml on the classpath (the engine tests' must not be one).
    assertThat(as(CLERK, DemoUsers.PASSWORD).get("/engine-rest/engine").status()).isEqualTo(200);
    WebappSession.signIn(port, CLERK, DemoUsers.PASSWORD).get("/camunda/api/engine/engine/default/filter?maxResults=1");
    assertThat(ProcessEngines.getProcessEngines().values()).isNotEmpty().allSatisfy(engine ->
        assertThat(engine.getProcessEngineConfiguration()).isInstanceOf(SpringProcessEngineConfiguration.class));
  }

  @Test
  void theWebappsEngineApiReadsInOneCommandPerCall() throws Exception {
    WebappSession tasklist = WebappSession.signIn(port, CLERK, DemoUsers.PASSWORD);
    String api = "/camunda/api/engine/engine/default";
    String filter = null;
    for (JsonNode f : tasklist.get(api + "/filter?resourceType=Task&name="
        + URLEncoder.encode(TasklistFilters.DEPARTMENT_TASKS, StandardCharsets.UTF_8) + "&maxResults=10")) {
      filter = f.get("id").asText();
    }
    String filterId = filter;
    AtomicReference<JsonNode> page = new AtomicReference<>();
    long pageCommands = commands.onRequestThreadsDuring(() -> page.set(
        tasklist.post(api + "/filter/" + filterId + "/list?firstResult=0&maxResults=15", "application/hal+json", body)));
    assertThat(page.get().get("count").asInt()).isEqualTo(2);
    assertThat(pageCommands).isEqualTo(1);
    AtomicReference<JsonNode> count = new AtomicReference<>();
    long countCommands = commands.onRequestThreadsDuring(() -> count.set(
        tasklist.post(api + "/filter/" + filterId + "/count", "application/json", body)));
    assertThat(count.get().get("count").asInt()).isEqualTo(2);
    assertThat(countCommands).isEqualTo(1);
  }

  /** Signed in to Tasklist the way its login page does: session cookie and CSRF token. */
  private record WebappSession(HttpClient http, CookieManager cookies, String base) {

    static WebappSession signIn(int port, String user, String password) throws Exception {
      CookieManager cookies = new CookieManager();
      HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
      String base = "http://localhost:" + port;
      http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      WebappSession session = new WebappSession(http, cookies, base);
      String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
          + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
      HttpResponse<String> login = http.send(HttpRequest.newBuilder(
              URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", session.csrf())
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
      return session;
    }

    /** The token of the current session: a sign-in starts a new session with a new token. */
    String csrf() {
      return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue).reduce((first, last) -> last)
          .orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
    }

    JsonNode get(String path) {
      return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET());
    }

    JsonNode post(String path, String accept, String json) {
      return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept)
          .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf())
          .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private JsonNode send(HttpRequest.Builder request) {
      try {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
