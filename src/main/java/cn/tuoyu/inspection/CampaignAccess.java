package cn.tuoyu.inspection;

import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE;

import cn.tuoyu.identity.AccessContribution;
import cn.tuoyu.identity.AccessPolicy.Grant;
import cn.tuoyu.identity.Role;
import java.util.List;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/** Supervisors start annual inspection campaigns, for their county or (city level) the whole city. */
@Component
public class CampaignAccess implements AccessContribution {

  @Override
  public List<Grant> grants() {
    String supervisor = Role.SUPERVISOR.groupId();
    return List.of(
        new Grant(supervisor, Resources.PROCESS_DEFINITION, InspectionCampaignProcess.KEY, READ, CREATE_INSTANCE),
        new Grant(supervisor, Resources.PROCESS_INSTANCE, "*", CREATE));
  }
}
