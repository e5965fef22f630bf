package cn.tuoyu.bench;

import cn.tuoyu.identity.TaskAudienceGuard;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The benchmark's comparison column: Camunda 7.24.0's own access settings on the same application
 * and models. Authorization stays on; the engine's default per-task grants (READ and UPDATE for
 * candidate groups, candidate users, assignees and owners) replace the task audience, cases get
 * no county tenant, and the revoke check is the engine's default ("auto").
 * Registered as an extra source by {@link BenchNode} only; runs after every other plugin.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
class StockEngineSettings extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new DefaultAuthorizationProvider());
    configuration.setTenantIdProvider(null);
    configuration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO);
    configuration.setDefaultUserPermissionNameForTask("UPDATE");
    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners();
    if (listeners != null) {
      listeners.removeIf(l -> l instanceof TaskAudienceGuard.ParseListener);
    }
  }
}
