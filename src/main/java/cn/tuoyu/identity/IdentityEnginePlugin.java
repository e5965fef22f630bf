package cn.tuoyu.identity;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * Wires access into the engine: county tenancy (属地管理) for each case, refusals as 403, and tasks
 * that belong to their audience (per-task grants and the assignment check), and authorization
 * checks that do not scan the grants first ({@link GroupAuthorizationManager}).
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
    List<BpmnParseListener> parseListeners = configuration.getCustomPreBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
    parseListeners.add(new TaskAudienceGuard.ParseListener());
    configuration.setCustomPreBPMNParseListeners(parseListeners);
    List<SessionFactory> sessions = configuration.getCustomSessionFactories() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
    sessions.add(new GroupAuthorizationManager.Factory());
    configuration.setCustomSessionFactories(sessions);
  }
}
