package cn.tuoyu.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rejects task queries that carry expressions before they reach the engine.
 *
 * <p>Camunda 7.24.0 evaluates JUEL inside {@code orQueries} of task queries even when ad-hoc query
 * expressions are disabled, so any authenticated caller could run code through
 * {@code POST /engine-rest/task {"orQueries":[{"dueAfterExpression":"${...}"}]}}. Every parameter or
 * JSON key ending in {@code Expression}, at any depth, on the endpoints that run task queries is
 * answered with 400. Expressions remain possible only in stored filters, which only administrators
 * can create.
 */
public class QueryExpressionGuard extends OncePerRequestFilter {

  /** Endpoints that execute a task query, after the REST prefix and an optional /engine/{name}. */
  private static final Pattern TASK_QUERY_PATH =
      Pattern.compile("^(/engine/[^/]+)?(/task(/count)?|/filter/[^/]+/(list|count|singleResult))/?$");
  private static final int MAX_BODY_BYTES = 1024 * 1024;

  private final ObjectMapper json;
  private final String restPrefix;

  public QueryExpressionGuard(ObjectMapper json, String restPrefix) {
    this.json = json;
    this.restPrefix = restPrefix;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith(restPrefix)) {
      return true;
    }
    return !TASK_QUERY_PATH.matcher(path.substring(restPrefix.length())).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    for (String name : request.getParameterMap().keySet()) {
      if (isExpressionKey(name)) {
        reject(response, "查询参数 " + name + " 含表达式");
        return;
      }
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      reject(response, "请求体超过 1 MB");
      return;
    }
    if (body.length > 0) {
      Optional<String> problem;
      try {
        problem = findExpressionKey(json.readTree(body), "");
      } catch (JsonProcessingException e) {
        reject(response, "请求体不是有效的 JSON");
        return;
      }
      if (problem.isPresent()) {
        reject(response, "请求体字段 " + problem.get() + " 含表达式");
        return;
      }
    }
    chain.doFilter(new ReplayedBodyRequest(request, body), response);
  }

  static boolean isExpressionKey(String key) {
    return key.toLowerCase().endsWith("expression");
  }

  private static Optional<String> findExpressionKey(JsonNode node, String path) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        if (isExpressionKey(field.getKey())) {
          return Optional.of(fieldPath);
        }
        Optional<String> nested = findExpressionKey(field.getValue(), fieldPath);
        if (nested.isPresent()) {
          return nested;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Optional<String> nested = findExpressionKey(node.get(i), path + "[" + i + "]");
        if (nested.isPresent()) {
          return nested;
        }
      }
    }
    return Optional.empty();
  }

  private void reject(HttpServletResponse response, String what) throws IOException {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType("application/json;charset=UTF-8");
    String message = what + "：任务查询不允许使用表达式（*Expression），请求已拒绝。"
        + " Expressions are not allowed in task queries.";
    json.writeValue(response.getOutputStream(),
        Map.of("type", "InvalidRequestException", "message", message));
  }

  /** Hands the already-read body to the engine's REST layer. */
  private static final class ReplayedBodyRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    ReplayedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous reads only");
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding() != null ? getCharacterEncoding() : StandardCharsets.UTF_8.name();
      return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
    }
  }
}
