package cn.tuoyu.identity;

import static org.camunda.bpm.engine.authorization.TaskPermissions.TASK_ASSIGN;

import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * The per-task grants, as the rule reads: a task belongs to its audience, the members of its
 * candidate groups and its candidate users (within the case's county, which the tenant check keeps).
 *
 * <ul>
 *   <li>The audience gets READ, TASK_WORK and TASK_ASSIGN: they may claim, give a task back and hand it
 *       to a colleague of the audience ({@link TaskAudienceGuard} refuses anyone else).</li>
 *   <li>Assignees and owners get no grant of their own. The engine's default would give the person a
 *       row that outlives the assignment: after the task went back, or after they moved to another
 *       department, they would still see and claim it.</li>
 * </ul>
 */
public class TaskAudienceAuthorizationProvider extends DefaultAuthorizationProvider {

  @Override
  public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
    return withAssign(super.newTaskGroupIdentityLink(task, groupId, type));
  }

  @Override
  public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
    return withAssign(super.newTaskUserIdentityLink(task, userId, type));
  }

  @Override
  public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
    return null;
  }

  @Override
  public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
    return null;
  }

  private static AuthorizationEntity[] withAssign(AuthorizationEntity[] grants) {
    if (grants != null) {
      for (AuthorizationEntity grant : grants) {
        grant.addPermission(TASK_ASSIGN);
      }
    }
    return grants;
  }
}
