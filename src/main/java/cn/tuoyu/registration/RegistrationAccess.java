package cn.tuoyu.registration;

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
 * Registration authorities (行政审批局, 编办) start registration cases, from their system or the
 * Tasklist start form; the government service portal hands filings to waiting cases.
 */
@Component
public class RegistrationAccess implements AccessContribution {

  @Override
  public List<Grant> grants() {
    String key = RegistrationFilingProcess.KEY;
    return List.of(
        new Grant(Department.APPROVAL.groupId(), Resources.PROCESS_DEFINITION, key, READ, CREATE_INSTANCE),
        new Grant(Department.APPROVAL.groupId(), Resources.PROCESS_INSTANCE, "*", CREATE),
        new Grant(Department.ESTABLISHMENT.groupId(), Resources.PROCESS_DEFINITION, key, READ, CREATE_INSTANCE),
        new Grant(Department.ESTABLISHMENT.groupId(), Resources.PROCESS_INSTANCE, "*", CREATE),
        new Grant(Role.PORTAL.groupId(), Resources.PROCESS_DEFINITION, key, READ, READ_INSTANCE, UPDATE_INSTANCE));
  }
}
