package cn.tuoyu.identity;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** The engine's current authentication (set per request by the REST filters) and a way to step out of it. */
public final class CurrentUser {

  private CurrentUser() {}

  /** The authenticated user, or empty authentication data when the engine acts on its own (jobs, start-up). */
  public static Authentication of(IdentityService identity) {
    Authentication current = identity.getCurrentAuthentication();
    return current != null ? current : new Authentication(null, List.of(), List.of());
  }

  /** The authentication a user has when they call the API: their groups and counties (directly or through a group). */
  public static Authentication of(IdentityService identity, String userId) {
    return new Authentication(userId,
        identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList(),
        identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
            .map(Tenant::getId).toList());
  }

  /**
   * Runs a lookup as the system, e.g. "does a case for this credit code exist?" for a caller who
   * may not read process instances. Restores the caller's authentication afterwards.
   */
  public static <T> T asSystem(IdentityService identity, Supplier<T> work) {
    return as(identity, null, work);
  }

  /** Runs work as the given user (null: as the system), then restores the caller's authentication. */
  public static <T> T as(IdentityService identity, Authentication user, Supplier<T> work) {
    Authentication caller = identity.getCurrentAuthentication();
    if (user == null) {
      identity.clearAuthentication();
    } else {
      identity.setAuthentication(user);
    }
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      } else {
        identity.clearAuthentication();
      }
    }
  }
}
