package cn.tuoyu.meeting;

import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE;

import cn.tuoyu.identity.AccessContribution;
import cn.tuoyu.identity.AccessPolicy.Grant;
import cn.tuoyu.identity.Department;
import cn.tuoyu.identity.Role;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * 联席会议 are convened by the health department (the leading group's office, 领导小组办公室设在卫健委) of
 * the level, or by a supervisor; the convener follows the whole meeting of its county through the meeting
 * API (every member's report and items). In Tasklist every department, the convener's included, sees
 * only its own tasks (task tenants, see {@code cn.tuoyu.identity.TaskAudience}).
 */
@Component
public class MeetingAccess implements AccessContribution {

  @Override
  public List<Grant> grants() {
    String key = JointMeetingProcess.KEY;
    String health = Department.HEALTH.groupId();
    String supervisor = Role.SUPERVISOR.groupId();
    return List.of(
        new Grant(health, Resources.PROCESS_DEFINITION, key, READ, CREATE_INSTANCE, READ_INSTANCE, READ_HISTORY),
        new Grant(health, Resources.PROCESS_INSTANCE, "*", CREATE),
        new Grant(supervisor, Resources.PROCESS_DEFINITION, key, READ, CREATE_INSTANCE),
        new Grant(supervisor, Resources.PROCESS_INSTANCE, "*", CREATE));
  }

  /** Whether someone with these groups may convene a meeting (the engine's grants apply besides). */
  static boolean mayConvene(Collection<String> groups) {
    return groups.contains(Department.HEALTH.groupId()) || groups.contains(Role.SUPERVISOR.groupId())
        || groups.contains(Role.ADMINISTRATOR.groupId());
  }
}
