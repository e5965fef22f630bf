package cn.tuoyu.bench;

import cn.tuoyu.identity.TaskAudienceGuard;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The benchmark's comparison column: Camunda 7.24.0's own access settings on the same application
 * and models. Authorization stays on; the engine's default per-task grants (READ and UPDATE for
 * candidate groups, candidate users, assignees and owners) replace the task audience, cases get
 * no county tenant, the revoke check is the engine's default ("auto") and the engine's own
 * authorization manager pre-filters groups. ({@link BenchNode} also drops the application's extra
 * engine index.)
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
    // Models are deployed after the engine is built, so the parser's listeners still count.
    configuration.getDeployers().stream()
        .filter(d -> d instanceof BpmnDeployer)
        .map(d -> ((BpmnDeployer) d).getBpmnParser())
        .forEach(parser -> parser.getParseListeners().removeIf(l -> l instanceof TaskAudienceGuard.ParseListener));
  }
}
