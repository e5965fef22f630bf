package cn.tuoyu.bench;

import cn.tuoyu.identity.Role;
import cn.tuoyu.identity.TaskAudienceCommandChecker;
import cn.tuoyu.identity.TaskAudienceGuard;
import cn.tuoyu.identity.TasklistFilters;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.impl.persistence.entity.TenantManager;

/**
 * The benchmark's comparison column: Camunda 7.24.0's own access settings on the same application
 * and models. Authorization stays on; the engine's default per-task grants (READ and UPDATE for
 * candidate groups, candidate users, assignees and owners) replace the task audience, cases get
 * no county or task tenant, the revoke check is the engine's default ("auto"), the engine's own
 * authorization, tenant and task managers and command checkers, and no definition-level task grants
 * ({@link BenchNode} also drops the application's extra engine indexes).
 * Registered as an extra source by {@link BenchNode} only. It acts after initialisation, when the
 * application's own plugins have set theirs: these settings are all read while the engine runs.
 */
class StockEngineSettings extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new DefaultAuthorizationProvider());
    configuration.setTenantIdProvider(null);
    configuration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO);
    configuration.setDefaultUserPermissionForTask(Permissions.UPDATE);
    configuration.getSessionFactories().put(AuthorizationManager.class, new GenericManagerFactory(AuthorizationManager.class));
    configuration.getSessionFactories().put(TenantManager.class, new GenericManagerFactory(TenantManager.class));
    configuration.getSessionFactories().put(TaskManager.class, new GenericManagerFactory(TaskManager.class));
    configuration.getCommandCheckers().replaceAll(checker ->
        checker instanceof TaskAudienceCommandChecker ? new AuthorizationCommandChecker() : checker);
    // Models are deployed after the engine is built, so the parser's listeners still count.
    configuration.getDeployers().stream()
        .filter(d -> d instanceof BpmnDeployer)
        .map(d -> ((BpmnDeployer) d).getBpmnParser())
        .forEach(parser -> parser.getParseListeners().removeIf(l -> l instanceof TaskAudienceGuard.ParseListener));
  }

  /**
   * Stock Tasklist's group filter for everyone: 本部门待办 by "a candidate group of mine". Ours gives
   * clerks a filter without criteria, which is exact only with task tenants; under stock settings the
   * criterion is what keeps the clerk's list to their department (and it is the faster query there).
   */
  static void withCandidateGroupDepartmentFilter(FilterService filters, TaskService tasks) {
    for (Filter filter : filters.createFilterQuery().filterName(TasklistFilters.DEPARTMENT_TASKS).list()) {
      TaskQueryImpl query = filter.getQuery();
      if (!query.getExpressions().containsKey("taskCandidateGroupIn")) {
        filter.setQuery(TasklistFilters.byCandidateGroups(tasks));
        filters.saveFilter(filter);
      }
    }
  }

  /**
   * Stock grants per task, not per definition: takes READ_TASK, TASK_WORK and TASK_ASSIGN on all
   * process definitions away from the roles again (supervisors keep READ_TASK, as stock Cockpit
   * readers would have it), once the application has seeded its access policy.
   */
  static void withoutDefinitionLevelTaskGrants(AuthorizationService authorizations) {
    for (Role role : Role.WORKING) {
      Authorization grant = authorizations.createAuthorizationQuery().groupIdIn(role.groupId())
          .resourceType(Resources.PROCESS_DEFINITION).resourceId("*").singleResult();
      if (role != Role.SUPERVISOR) {
        grant.removePermission(ProcessDefinitionPermissions.READ_TASK);
      }
      grant.removePermission(ProcessDefinitionPermissions.TASK_WORK);
      grant.removePermission(ProcessDefinitionPermissions.TASK_ASSIGN);
      authorizations.saveAuthorization(grant);
    }
  }
}
