package cn.tuoyu.identity;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The engine's authorization manager with two shortcuts that change no result.
 *
 * <p>Without its group pre-filter: before every check the engine narrows the user's groups to those
 * that have any authorization, and finds those with {@code SELECT DISTINCT GROUP_ID_ FROM
 * ACT_RU_AUTHORIZATION}, once per command. With one grant per open task that statement reads the
 * whole table: 20 to 150 ms per command at 100,000 open tasks (docs/performance.md), several
 * commands per Tasklist refresh. Passing the groups unfiltered changes no result, since a group
 * without rows matches none, and costs nothing.
 *
 * <p>Without the per-task grant join where it can only say yes: a task query joins every candidate
 * task to the user's grants ({@code AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')}). Every working role
 * holds READ_TASK on all process definitions ({@link AccessPolicy}); while no revoke applies to the
 * user, that grant matches every task, so the join is dropped and only the tenant check narrows the
 * list ({@link TaskAudience}). A revoke switches the engine to its revoke-aware check, and this
 * shortcut off.
 */
public class GroupAuthorizationManager extends AuthorizationManager {

  /**
   * The answers below are kept for the command (managers live for one), with the user and groups
   * they were given for: one command may serve a whole REST call ({@code system.TaskReadInOneCommand}),
   * and the engine's own revoke answer would otherwise carry over to whoever asks next.
   */
  private record Person(String userId, List<String> groupIds) {}

  private Person readsEveryTaskOf;
  private boolean readsEveryTask;
  private Person revokesOf;
  private boolean revokes;

  @Override
  public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
    return authenticatedGroupIds == null ? new ArrayList<>() : new ArrayList<>(authenticatedGroupIds);
  }

  @Override
  public void configureTaskQuery(TaskQueryImpl query) {
    super.configureTaskQuery(query);
    AuthorizationCheck check = query.getAuthCheck();
    if (check.isAuthorizationCheckEnabled() && !check.isRevokeAuthorizationCheckEnabled()
        && check.getAuthUserId() != null && readsEveryTask(check)) {
      check.setAuthorizationCheckEnabled(false);
    }
  }

  private boolean readsEveryTask(AuthorizationCheck check) {
    Person person = new Person(check.getAuthUserId(), List.copyOf(check.getAuthGroupIds()));
    if (!person.equals(readsEveryTaskOf)) {
      readsEveryTask = isAuthorized(person.userId(), person.groupIds(), Permissions.READ_TASK,
          Resources.PROCESS_DEFINITION, Authorization.ANY);
      readsEveryTaskOf = person;
    }
    return readsEveryTask;
  }

  @Override
  protected boolean isRevokeAuthCheckEnabled(String userId, List<String> groupIds) {
    Person person = new Person(userId, groupIds == null ? List.of() : List.copyOf(groupIds));
    if (!person.equals(revokesOf)) {
      isRevokeAuthCheckUsed = null;
      revokes = super.isRevokeAuthCheckEnabled(userId, groupIds);
      revokesOf = person;
    }
    return revokes;
  }
}
