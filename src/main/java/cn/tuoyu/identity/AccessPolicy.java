package cn.tuoyu.identity;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.TASK_ASSIGN;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.TASK_WORK;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * Who may do what, granted to role groups only. Every working role may read, work and hand over tasks
 * of every process; which tasks, is decided by tenants: a task is in its county's and audience's
 * tenant ({@link TaskAudience}), and only its audience works it ({@link TaskAudienceCommandChecker}).
 * No authorization row is written per task.
 */
public final class AccessPolicy {

  /** One authorization row: a group, a resource (with id or {@code *}) and its permissions. */
  public record Grant(String groupId, Resource resource, String resourceId, Permission... permissions) {}

  private AccessPolicy() {}

  /**
   * @param filterReaders ids of the Tasklist filters with the roles that read each ({@link TasklistFilters})
   */
  public static List<Grant> grants(Map<String, List<Role>> filterReaders) {
    List<Grant> grants = new ArrayList<>();
    for (Role role : Role.WORKING) {
      String group = role.groupId();
      grants.add(new Grant(group, Resources.APPLICATION, "tasklist", ACCESS));
      // Definitions are not confidential; Tasklist needs them for names, diagrams and start forms.
      grants.add(new Grant(group, Resources.PROCESS_DEFINITION, "*", READ));
      grants.add(new Grant(group, Resources.DECISION_DEFINITION, "*", READ));
      // Names of departments and colleagues for candidate groups, assignment and delegation.
      grants.add(new Grant(group, Resources.GROUP, "*", READ));
      grants.add(new Grant(group, Resources.USER, "*", READ));
      // Tasks: narrowed to the person's task tenants, and work to the task's audience.
      grants.add(new Grant(group, Resources.PROCESS_DEFINITION, "*", READ_TASK, TASK_WORK, TASK_ASSIGN));
    }
    filterReaders.forEach((filterId, roles) ->
        roles.forEach(role -> grants.add(new Grant(role.groupId(), Resources.FILTER, filterId, READ))));
    String supervisor = Role.SUPERVISOR.groupId();
    grants.add(new Grant(supervisor, Resources.APPLICATION, "cockpit", ACCESS));
    grants.add(new Grant(supervisor, Resources.PROCESS_DEFINITION, "*",
        READ, READ_INSTANCE, READ_HISTORY, READ_TASK));
    grants.add(new Grant(supervisor, Resources.PROCESS_INSTANCE, "*", READ));
    grants.add(new Grant(supervisor, Resources.DECISION_DEFINITION, "*",
        READ, Permissions.READ_HISTORY));
    grants.add(new Grant(supervisor, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", READ));
    grants.add(new Grant(supervisor, Resources.DEPLOYMENT, "*", READ));

    // Administrators: everything, including Admin, deployments, filters and batches.
    Arrays.stream(Resources.values())
        .forEach(r -> grants.add(new Grant(Role.ADMINISTRATOR.groupId(), r, "*", ALL)));
    return grants;
  }
}
