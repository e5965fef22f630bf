package cn.tuoyu.identity;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantCommandChecker;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.impl.persistence.entity.TenantManager;
import org.springframework.stereotype.Component;

/**
 * Wires access into the engine: county tenancy (属地管理) for each case, refusals as 403, tasks that
 * belong to their audience (task tenants {@link TaskAudience}, the work check
 * {@link TaskAudienceCommandChecker} and the assignment check {@link TaskAudienceGuard}),
 * authorization checks that do not scan the grants first ({@link GroupAuthorizationManager}), and
 * task lists without the DISTINCT that those leave without purpose ({@link DistinctFreeTaskManager}).
 */
@Component
public class IdentityEnginePlugin extends AbstractProcessEnginePlugin {

  private final CountyRepository counties;

  public IdentityEnginePlugin(CountyRepository counties) {
    this.counties = counties;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(new CountyTenantIdProvider(counties));
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(new CountyDenialInterceptor());
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    configuration.setResourceAuthorizationProvider(new TaskAudienceAuthorizationProvider());
    configuration.setCommandCheckers(new ArrayList<>(List.of(new TenantCommandChecker(), new TaskAudienceCommandChecker())));
    List<BpmnParseListener> parseListeners = configuration.getCustomPreBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
    parseListeners.add(new TaskAudienceGuard.ParseListener());
    configuration.setCustomPreBPMNParseListeners(parseListeners);
    List<SessionFactory> sessions = configuration.getCustomSessionFactories() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
    sessions.add(new ManagerReplacement(AuthorizationManager.class, GroupAuthorizationManager::new));
    sessions.add(new ManagerReplacement(TenantManager.class, AudienceTenantManager::new));
    sessions.add(new ManagerReplacement(TaskManager.class, DistinctFreeTaskManager::new));
    configuration.setCustomSessionFactories(sessions);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    DistinctFreeTaskManager.registerStatements(configuration);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    TaskAudienceUpgrade.run(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource());
  }
}
