package cn.tuoyu.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine refuses unbounded lists once {@code queryMaxResultsLimit} is set ("An unbound number
 * of results is forbidden!"). Tasklist and Cockpit always page; a plain {@code GET /engine-rest/task}
 * from a script gets the first {@code limit} rows instead of that error. Endpoints that do not page
 * ignore the extra parameter.
 */
public class DefaultPageSizeFilter extends OncePerRequestFilter {

  private final int limit;

  public DefaultPageSizeFilter(int limit) {
    this.limit = limit;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    if (request.getParameter("maxResults") != null || !isQuery(request)) {
      chain.doFilter(request, response);
      return;
    }
    String query = request.getQueryString();
    String paged = (query == null || query.isEmpty() ? "" : query + "&") + "maxResults=" + limit;
    chain.doFilter(new HttpServletRequestWrapper(request) {
      @Override
      public String getQueryString() {
        return paged;
      }

      @Override
      public String getParameter(String name) {
        return "maxResults".equals(name) ? String.valueOf(limit) : super.getParameter(name);
      }
    }, response);
  }

  /** GETs and the POST query variants; counts are never limited. */
  private static boolean isQuery(HttpServletRequest request) {
    String method = request.getMethod();
    return ("GET".equals(method) || "POST".equals(method)) && !request.getRequestURI().endsWith("/count");
  }
}
