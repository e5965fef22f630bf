package cn.tuoyu.system;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * Camunda's HTTP Basic check with the user's groups and tenants read in the same engine command as
 * the password. Given only the user, Camunda's authentication filter reads groups and tenants itself,
 * each in a command of its own: three transactions per REST call before the call's own work. The
 * checks and their results are Camunda's (password, lock-out after failed attempts, memberships);
 * only the commands are joined, the inner ones running in the outer one's context.
 */
public class BasicAuthenticationInOneCommand extends HttpBasicAuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(context -> {
      AuthenticationResult result = super.extractAuthenticatedUser(request, engine);
      if (result.isAuthenticated()) {
        IdentityService identity = engine.getIdentityService();
        String user = result.getAuthenticatedUser();
        result.setGroups(identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
        result.setTenants(identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list()
            .stream().map(Tenant::getId).toList());
      }
      return result;
    });
  }
}
