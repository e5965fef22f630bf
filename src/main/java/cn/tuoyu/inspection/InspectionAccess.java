package cn.tuoyu.inspection;

import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.UPDATE_INSTANCE;

import cn.tuoyu.identity.AccessContribution;
import cn.tuoyu.identity.AccessPolicy.Grant;
import cn.tuoyu.identity.Department;
import cn.tuoyu.identity.Role;
import java.util.List;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * The county health department (clerks and supervisors, group {@code health}) orders special
 * inspections; the government service portal hands institutions' self-reports to waiting inspections.
 * Annual inspections are started by the campaign. Task work needs no grant here: candidate groups
 * {@code health} and {@code inspector} get their tasks from the engine, counties from tenants.
 */
@Component
public class InspectionAccess implements AccessContribution {

  @Override
  public List<Grant> grants() {
    String key = AnnualInspectionProcess.KEY;
    return List.of(
        new Grant(Department.HEALTH.groupId(), Resources.PROCESS_DEFINITION, key, READ, CREATE_INSTANCE),
        new Grant(Department.HEALTH.groupId(), Resources.PROCESS_INSTANCE, "*", CREATE),
        new Grant(Role.PORTAL.groupId(), Resources.PROCESS_DEFINITION, key, READ, READ_INSTANCE, UPDATE_INSTANCE));
  }
}
