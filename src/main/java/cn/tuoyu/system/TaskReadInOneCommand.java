package cn.tuoyu.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tasklist's reads (a filter's page and its count) in one engine command per HTTP call.
 * Camunda's REST resource serves a filter page with three commands or more (REST's filter load, the
 * page, the HAL list's own count, the definitions and people it embeds when not cached) and a count
 * with two; each opens a transaction, loads the filter, checks READ on it and asks whether a revoke
 * applies. Run inside one command, the inner commands join its context (the engine's nesting): one
 * transaction, the filter and the checks read once. Reads only: a call that
 * changes something (claim, complete, a filter saved) keeps a command per change, and a failed read
 * answers as before (the failure's rollback of the shared transaction has nothing to undo).
 */
class TaskReadInOneCommand extends OncePerRequestFilter {

  /**
   * Under the engine REST root or a webapp's engine API: a filter's list or count. Not plain task
   * queries: the engine applies its query limit ({@code queryMaxResultsLimit}) only to queries run
   * outside a command; a filter's commands apply it themselves.
   */
  static final Pattern TASK_READ = Pattern.compile("/filter/[^/]+/(list|count)");

  private final Supplier<ProcessEngine> engine;

  TaskReadInOneCommand(Supplier<ProcessEngine> engine) {
    this.engine = engine;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String method = request.getMethod();
    return !("GET".equals(method) || "POST".equals(method)) || !TASK_READ.matcher(pathInApi(request)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var configuration = (ProcessEngineConfigurationImpl) engine.get().getProcessEngineConfiguration();
    try {
      configuration.getCommandExecutorTxRequired().execute(context -> {
        try {
          chain.doFilter(request, response);
        } catch (IOException | ServletException e) {
          throw new ChainFailure(e);
        }
        return null;
      });
    } catch (UnexpectedRollbackException refused) {
      // An inner command failed (an unknown filter, an invalid query, a refusal) and marked the
      // shared transaction for rollback; REST has already answered for it, and a read has nothing
      // to commit.
    } catch (ChainFailure failure) {
      if (failure.getCause() instanceof IOException io) {
        throw io;
      }
      throw (ServletException) failure.getCause();
    }
  }

  /** The path below the REST root: after {@code /engine-rest} or {@code /engine/<name>} of a webapp's API. */
  static String pathInApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    int webappEngine = path.indexOf("/api/engine/engine/");
    if (webappEngine >= 0) {
      String rest = path.substring(webappEngine + "/api/engine/engine/".length());
      int slash = rest.indexOf('/');
      return slash < 0 ? "" : rest.substring(slash);
    }
    return path.startsWith(RestSecurityConfiguration.ENGINE_REST)
        ? path.substring(RestSecurityConfiguration.ENGINE_REST.length()) : "";
  }

  /** Carries the chain's checked exceptions through the command. */
  private static final class ChainFailure extends RuntimeException {
    ChainFailure(Exception cause) {
      super(cause);
    }
  }
}
