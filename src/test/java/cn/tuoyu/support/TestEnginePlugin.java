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

  /**
   * The engine tests' configuration, which uses this plugin. Not {@code camunda.cfg.xml}: Camunda's
   * {@code ProcessEngines.init()}, which the REST layer triggers at its first engine lookup, builds
   * an engine from every file of that name on the classpath, and would start this in-memory engine
   * beside the application's in every integration test and benchmark node.
   */
  public static final String CONFIGURATION = "engine-test.cfg.xml";

  public static final Set<String> COUNTIES = Set.of("610600", "610602", "610603", "610621");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(new CountyTenantIdProvider(CountyDirectory.of(COUNTIES)));
    configuration.setResourceAuthorizationProvider(new TaskAudienceAuthorizationProvider());
  }
}
