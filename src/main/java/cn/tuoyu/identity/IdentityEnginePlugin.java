package cn.tuoyu.identity;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/** Wires county tenancy (属地管理) into the engine: tenant of each case, and refusals as 403. */
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
  }
}
