package cn.tuoyu.support;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Records the engine's current authentication on the request thread once the API's authentication
 * filter has finished (this filter runs outside it), for requests that carry {@code ?probe=<id>}:
 * proof that nothing is left behind for the next request on the same thread.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class AuthenticationProbe implements Filter {

  private final ObjectProvider<ProcessEngine> engine;
  private final Map<String, Optional<String>> afterRequest = new ConcurrentHashMap<>();

  public AuthenticationProbe(ObjectProvider<ProcessEngine> engine) {
    this.engine = engine;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String probe = probeOf((HttpServletRequest) request);
    try {
      chain.doFilter(request, response);
    } finally {
      if (probe != null) {
        Authentication left = engine.getObject().getIdentityService().getCurrentAuthentication();
        afterRequest.put(probe, Optional.ofNullable(left).map(Authentication::getUserId));
      }
    }
  }

  /** From the query string only: reading parameters could consume a form body meant for the webapps. */
  private static String probeOf(HttpServletRequest request) {
    String query = request.getQueryString();
    if (query == null || !request.getRequestURI().startsWith("/api/")) {
      return null;
    }
    for (String pair : query.split("&")) {
      if (pair.startsWith("probe=")) {
        return pair.substring("probe=".length());
      }
    }
    return null;
  }

  /** The user still authenticated after the request, empty if none; null if the probe never ran. */
  public Optional<String> userAfter(String probe) {
    return afterRequest.get(probe);
  }
}
