package cn.tuoyu.identity;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * Where the engine would write authorization rows for a task's candidates, this provider writes none
 * and puts the task into its audience's tenant instead ({@link TaskAudience}): the candidate group's,
 * or for a task addressed to named persons, the supervisors'. The engine calls it while it decorates
 * a new task, before the task, its history and its listeners see the tenant, so all of them agree.
 *
 * <p>Reading then needs READ_TASK and working TASK_WORK / TASK_ASSIGN on the process definition, granted
 * once per role ({@link AccessPolicy}); {@link TaskAudienceCommandChecker} lets only the audience work
 * a task. Assignees and owners get no grant either: seeing a task follows from the audience, never
 * from a past assignment.
 */
public class TaskAudienceAuthorizationProvider extends DefaultAuthorizationProvider {

  @Override
  public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
    if (IdentityLinkType.CANDIDATE.equals(type)) {
      placeInAudience((TaskEntity) task, groupId);
    }
    return null;
  }

  @Override
  public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
    if (IdentityLinkType.CANDIDATE.equals(type)) {
      toSupervisorsUnlessPlaced((TaskEntity) task);
    }
    return null;
  }

  @Override
  public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
    return null;
  }

  @Override
  public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
    return null;
  }

  /** A task that has no audience yet (named persons only, or no candidate at all) goes to the supervisors. */
  static void toSupervisorsUnlessPlaced(TaskEntity task) {
    if (TaskAudience.audienceOf(task.getTenantId()) == null) {
      placeInAudience(task, TaskAudience.NAMED_PERSONS);
    }
  }

  /** A department's group wins over the named persons' audience; a second department is a modelling error. */
  static void placeInAudience(TaskEntity task, String audience) {
    String tenant = task.getTenantId();
    if (tenant == null) {
      return; // not a county's case: no tenant to narrow
    }
    String current = TaskAudience.audienceOf(tenant);
    if (current == null || current.equals(TaskAudience.NAMED_PERSONS)) {
      task.setTenantId(TaskAudience.tenant(TaskAudience.countyOf(tenant), audience));
    } else if (!current.equals(audience)) {
      throw new ProcessEngineException("任务“" + task.getName() + "”已由 " + current + " 承办，不能再加候选组 "
          + audience + "：每个任务只有一个承办部门");
    }
  }
}
