package cn.tuoyu.identity;

import static org.camunda.bpm.engine.authorization.Permissions.TASK_ASSIGN;
import static org.camunda.bpm.engine.authorization.Permissions.TASK_WORK;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The engine's permission checks, plus: only a task's audience works it. Working permissions are
 * granted per role on all process definitions ({@link AccessPolicy}) and reading is narrowed by the
 * task tenants ({@link TaskAudience}); a supervisor reads every task of their county but claims,
 * completes, hands over or escalates only those of their own department and those addressed to them.
 * Every engine path to these actions (REST, Tasklist, Java) passes here.
 */
public class TaskAudienceCommandChecker extends AuthorizationCommandChecker {

  @Override
  public void checkTaskWork(TaskEntity task) {
    super.checkTaskWork(task);
    requireAudience(task, TASK_WORK);
  }

  @Override
  public void checkTaskAssign(TaskEntity task) {
    super.checkTaskAssign(task);
    requireAudience(task, TASK_ASSIGN);
  }

  private static void requireAudience(TaskEntity task, Permission permission) {
    CommandContext context = Context.getCommandContext();
    Authentication user = context.getAuthentication();
    boolean checked = context.getProcessEngineConfiguration().isAuthorizationEnabled()
        && context.isAuthorizationCheckEnabled() && user != null && user.getUserId() != null;
    if (!checked || context.getAuthorizationManager().isCamundaAdmin(user)) {
      return;
    }
    if (user.getUserId().equals(task.getAssignee())
        || TaskAudience.includes(task.getCandidates(), user.getUserId(), user.getGroupIds())) {
      return;
    }
    throw new AuthorizationException(user.getUserId(), permission.getName(), Resources.TASK.resourceName(), task.getId());
  }
}
