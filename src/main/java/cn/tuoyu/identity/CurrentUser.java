package cn.tuoyu.identity;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** The engine's current authentication (set per request by the REST filters) and a way to step out of it. */
public final class CurrentUser {

  private CurrentUser() {}

  /** The authenticated user, or empty authentication data when the engine acts on its own (jobs, start-up). */
  public static Authentication of(IdentityService identity) {
    Authentication current = identity.getCurrentAuthentication();
    return current != null ? current : new Authentication(null, List.of(), List.of());
  }

  /**
   * Runs a lookup as the system, e.g. "does a case for this credit code exist?" for a caller who
   * may not read process instances. Restores the caller's authentication afterwards.
   */
  public static <T> T asSystem(IdentityService identity, Supplier<T> work) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
