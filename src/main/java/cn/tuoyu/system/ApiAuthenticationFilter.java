package cn.tuoyu.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.http.MediaType;

/**
 * HTTP Basic for the project's own API ({@code /api/*}), with Camunda's filter doing the work: it
 * checks the password against the engine's users and, while the request runs, sets the engine's
 * current authentication to that user with their groups and tenants, so engine calls made by
 * controllers apply authorizations and county tenants; afterwards it clears it.
 *
 * <p>{@code /api/public/**} passes without login. Unlike {@code /engine-rest}, the engine is always
 * the application's own (no {@code /engine/{name}} in the path), and a refused request gets a
 * Chinese problem body besides the {@code WWW-Authenticate} challenge.
 */
public class ApiAuthenticationFilter extends ProcessEngineAuthenticationFilter {

  static final String API = "/api";
  static final String PUBLIC_PREFIX = API + "/public/";

  private final Supplier<ProcessEngine> engine;
  private final ObjectMapper json;

  /**
   * @param engine looked up at the first request: filters are created with the web server, before
   *     the engine should be
   */
  public ApiAuthenticationFilter(Supplier<ProcessEngine> engine, ObjectMapper json) {
    this.engine = engine;
    this.json = json;
    this.authenticationProvider = new BasicAuthenticationInOneCommand();
    // The parent strips this prefix before its engine-name parsing, which is not used here; an empty
    // prefix keeps it from ever cutting the URI at a length taken from the decoded servlet path.
    this.servletPathPrefix = "";
  }

  /** Provider and prefix come from the constructor; no init parameters needed. */
  @Override
  public void init(FilterConfig filterConfig) {}

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    if (isPublic(http)) {
      chain.doFilter(request, response);
      return;
    }
    boolean[] admitted = {false};
    super.doFilter(request, response, (req, res) -> {
      admitted[0] = true;
      chain.doFilter(req, res);
    });
    if (!admitted[0] && !response.isCommitted()) {
      writeUnauthorized(http, (HttpServletResponse) response);
    }
  }

  /**
   * Public only when both the container's normalised path and the raw URI (which Spring MVC routes
   * by) lie under {@code /api/public/} and the raw URI has no dot segments, so that
   * {@code /api/public/../cases} can never borrow the public prefix.
   */
  static boolean isPublic(HttpServletRequest request) {
    String normalised = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    String raw = request.getRequestURI().substring(request.getContextPath().length());
    return normalised.startsWith(PUBLIC_PREFIX)
        && raw.startsWith(PUBLIC_PREFIX)
        && !raw.contains("/.");
  }

  @Override
  protected boolean requiresEngineAuthentication(String requestUrl) {
    return true;
  }

  @Override
  protected ProcessEngine getAddressedEngine(String engineName) {
    return engine.get();
  }

  private void writeUnauthorized(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", "未登录");
    problem.put("status", HttpServletResponse.SC_UNAUTHORIZED);
    problem.put("detail", "请使用 HTTP Basic 方式提供正确的用户名和密码。");
    problem.put("instance", request.getRequestURI());
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), problem);
  }
}
