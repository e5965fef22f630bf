package cn.tuoyu.rectification;

import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.UPDATE_INSTANCE;

import cn.tuoyu.identity.AccessContribution;
import cn.tuoyu.identity.AccessPolicy.Grant;
import cn.tuoyu.identity.Role;
import java.util.List;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * Rectification cases are started by AnnualInspectionProcess (the caller's rights apply); the
 * government service portal hands the institutions' reports to waiting cases, which needs reading
 * the waiting case and correlating the message.
 */
@Component
public class RectificationAccess implements AccessContribution {

  @Override
  public List<Grant> grants() {
    return List.of(new Grant(Role.PORTAL.groupId(), Resources.PROCESS_DEFINITION, RectificationProcess.KEY,
        READ, READ_INSTANCE, UPDATE_INSTANCE));
  }
}
