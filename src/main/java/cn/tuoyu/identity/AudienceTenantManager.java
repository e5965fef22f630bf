package cn.tuoyu.identity;

import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.TenantManager;

/**
 * The engine's tenant checks with a person's task tenants added ({@link TaskAudience#tenantsOf}):
 * memberships stay what administrators keep in Camunda Admin (a county, a department, a role), and the
 * {@code <county>-<audience>} tenants follow from them in every query and command, whichever way the
 * person signed in (REST, Tasklist, Cockpit).
 */
public class AudienceTenantManager extends TenantManager {

  private Authentication source;
  private Authentication withTaskTenants;

  @Override
  protected Authentication getCurrentAuthentication() {
    Authentication current = super.getCurrentAuthentication();
    if (current == null || current.getTenantIds() == null || current.getGroupIds() == null) {
      return current;
    }
    if (current != source) {
      source = current;
      withTaskTenants = new Authentication(current.getUserId(), current.getGroupIds(),
          TaskAudience.tenantsOf(current.getTenantIds(), current.getGroupIds()));
    }
    return withTaskTenants;
  }
}
