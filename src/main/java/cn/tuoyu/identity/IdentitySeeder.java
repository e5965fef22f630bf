package cn.tuoyu.identity;

import cn.tuoyu.identity.AccessPolicy.Grant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The structure every installation needs, in every profile: department and role groups, one
 * tenant per county, the role groups' authorizations and the working roles' Tasklist filters.
 * Idempotent: runs at every start and only adds what is missing, so an administrator's additions
 * survive; only the system's own filters are rewritten when their definition changes, with their
 * working-role grants.
 */
@Component
public class IdentitySeeder {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySeeder.class);

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;
  private final CountyRepository counties;
  private final List<AccessContribution> contributions;

  public IdentitySeeder(IdentityService identity, AuthorizationService authorizations,
      FilterService filters, TaskService tasks, CountyRepository counties,
      List<AccessContribution> contributions) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
    this.counties = counties;
    this.contributions = contributions;
  }

  public void seed() {
    for (Department d : Department.values()) {
      ensureGroup(d.groupId(), d.displayName(), Department.GROUP_TYPE);
    }
    for (Role r : Role.values()) {
      ensureGroup(r.groupId(), r.displayName(), Role.GROUP_TYPE);
    }
    for (County c : counties.findAll()) {
      ensureTenant(c.code(), c.name());
    }
    Map<String, List<Role>> filterReaders = TasklistFilters.ensure(filters, tasks);
    List<Grant> grants = new ArrayList<>(AccessPolicy.grants(filterReaders));
    contributions.forEach(c -> grants.addAll(c.grants()));
    grants.forEach(this::ensureGrant);
    filterReaders.forEach(this::revokeOtherRoles);
    LOG.info("Identity structure ready: {} departments, {} roles, {} counties, {} grants",
        Department.values().length, Role.values().length, counties.findAll().size(), grants.size());
  }

  /** Makes a user a member of the given groups and county tenants, creating nothing else. */
  public void ensureMemberships(String userId, List<String> groupIds, List<String> tenantIds) {
    for (String groupId : groupIds) {
      if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
        identity.createMembership(userId, groupId);
      }
    }
    for (String tenantId : tenantIds) {
      if (identity.createUserQuery().userId(userId).memberOfTenant(tenantId).count() == 0) {
        identity.createTenantUserMembership(tenantId, userId);
      }
    }
  }

  private void ensureGroup(String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() > 0) {
      return;
    }
    Group group = identity.newGroup(id);
    group.setName(name);
    group.setType(type);
    identity.saveGroup(group);
  }

  private void ensureTenant(String id, String name) {
    if (identity.createTenantQuery().tenantId(id).count() > 0) {
      return;
    }
    Tenant tenant = identity.newTenant(id);
    tenant.setName(name);
    identity.saveTenant(tenant);
  }

  /**
   * Removes the grants of working roles on a system filter that the filter's readers no longer include:
   * each person reads one 本部门待办, so a role moved to the other one must lose the first.
   */
  private void revokeOtherRoles(String filterId, List<Role> readers) {
    for (Role role : Role.WORKING) {
      if (readers.contains(role)) {
        continue;
      }
      authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
          .groupIdIn(role.groupId()).resourceType(Resources.FILTER).resourceId(filterId).list()
          .forEach(stale -> {
            authorizations.deleteAuthorization(stale.getId());
            LOG.info("Filter {}: grant of {} removed (the role reads another filter of that name)",
                filterId, role.groupId());
          });
    }
  }

  private void ensureGrant(Grant grant) {
    Authorization existing = authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(grant.groupId())
        .resourceType(grant.resource())
        .resourceId(grant.resourceId())
        .singleResult();
    Authorization auth = existing != null
        ? existing
        : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    if (existing == null) {
      auth.setGroupId(grant.groupId());
      auth.setResource(grant.resource());
      auth.setResourceId(grant.resourceId());
    }
    boolean missing = false;
    for (Permission p : grant.permissions()) {
      if (!auth.isPermissionGranted(p)) {
        auth.addPermission(p);
        missing = true;
      }
    }
    if (missing) {
      authorizations.saveAuthorization(auth);
    }
  }
}
