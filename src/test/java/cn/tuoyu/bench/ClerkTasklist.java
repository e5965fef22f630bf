package cn.tuoyu.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A clerk's browser as far as the task list goes: the REST calls Tasklist makes for a filter, with
 * HTTP Basic instead of the session cookie.
 */
final class ClerkTasklist {

  /** Tasklist's body for a filter page: no variables shown, the filter's own order (due date). */
  private static final String PAGE_BODY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[]}";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One call: how long it took and whether it succeeded (2xx). */
  record Call(double millis, boolean ok, String body) {}

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String authorization;

  ClerkTasklist(int port, String user, String password) {
    this.base = "http://localhost:" + port + "/engine-rest";
    this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** The filters this clerk may use, by name. */
  Map<String, String> filters() {
    Map<String, String> ids = new LinkedHashMap<>();
    for (JsonNode f : json(send(get("/filter?resourceType=Task&sortBy=name&sortOrder=asc")))) {
      ids.put(f.get("name").asText(), f.get("id").asText());
    }
    return ids;
  }

  /** The first page of a filter, 15 rows, as Tasklist asks for it (HAL with embedded definitions and people). */
  Call page(String filterId) {
    return send(post("/filter/" + filterId + "/list?firstResult=0&maxResults=15", "application/hal+json", PAGE_BODY));
  }

  Call count(String filterId) {
    return send(post("/filter/" + filterId + "/count", "application/json", PAGE_BODY));
  }

  Call claim(String taskId, String user) {
    return send(post("/task/" + taskId + "/claim", "application/json", "{\"userId\":\"" + user + "\"}"));
  }

  /** Ids of the first unassigned tasks a filter lists. */
  List<String> unassigned(String filterId, int max) {
    List<String> ids = new ArrayList<>();
    JsonNode tasks = json(send(post("/filter/" + filterId + "/list?firstResult=0&maxResults=200", "application/json", "{}")));
    for (JsonNode t : tasks) {
      if (ids.size() < max && (t.get("assignee") == null || t.get("assignee").isNull())) {
        ids.add(t.get("id").asText());
      }
    }
    return ids;
  }

  static long countOf(Call call) {
    return json(call).get("count").asLong();
  }

  private HttpRequest.Builder post(String path, String accept, String json) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", authorization)
        .header("Accept", accept)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization).GET();
  }

  private Call send(HttpRequest.Builder request) {
    long began = System.nanoTime();
    try {
      HttpResponse<String> response = http.send(request.timeout(Duration.ofMinutes(5)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Call((System.nanoTime() - began) / 1e6, response.statusCode() / 100 == 2, response.body());
    } catch (IOException e) {
      return new Call((System.nanoTime() - began) / 1e6, false, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(Call call) {
    if (!call.ok()) {
      throw new IllegalStateException("REST call failed after " + Math.round(call.millis()) + " ms: " + call.body());
    }
    try {
      return JSON.readTree(call.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
