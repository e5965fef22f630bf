package cn.tuoyu.support;

import cn.tuoyu.identity.CountyDirectory;
import cn.tuoyu.identity.CountyTenantIdProvider;
import cn.tuoyu.identity.TaskAudienceAuthorizationProvider;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Engine tests get the same county tenancy as the application, with the demo counties known, and its
 * task tenants (which the engine applies only while authorization is on, as in the application).
 */
public class TestEnginePlugin extends AbstractProcessEnginePlugin {

  public static final Set<String> COUNTIES = Set.of("610600", "610602", "610603", "610621");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(new CountyTenantIdProvider(CountyDirectory.of(COUNTIES)));
    configuration.setResourceAuthorizationProvider(new TaskAudienceAuthorizationProvider());
  }
}
