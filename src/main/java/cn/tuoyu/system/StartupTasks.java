package cn.tuoyu.system;

import cn.tuoyu.deployment.ModelDeployer;
import cn.tuoyu.identity.County;
import cn.tuoyu.identity.CountyRepository;
import cn.tuoyu.identity.DemoUsers;
import cn.tuoyu.identity.IdentitySeeder;
import cn.tuoyu.identity.ProductionAdmin;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Runs once all beans exist and before the web server accepts requests: identity structure,
 * the people of the chosen mode, the models, and in the demo profile the demo cases. A failure here
 * stops the start.
 */
@Component
public class StartupTasks implements SmartInitializingSingleton {

  private final TuoyuProperties properties;
  private final ProcessEngine engine;
  private final IdentitySeeder identitySeeder;
  private final CountyRepository counties;
  private final ModelDeployer deployer;
  private final List<DemoData> demoData;

  public StartupTasks(TuoyuProperties properties, ProcessEngine engine, IdentitySeeder identitySeeder,
      CountyRepository counties, ModelDeployer deployer, List<DemoData> demoData) {
    this.properties = properties;
    this.engine = engine;
    this.identitySeeder = identitySeeder;
    this.counties = counties;
    this.deployer = deployer;
    this.demoData = demoData;
  }

  @Override
  public void afterSingletonsInstantiated() {
    TuoyuProperties.SeedMode mode = properties.seedMode();
    identitySeeder.seed();
    List<String> allTenants = counties.findAll().stream().map(County::code).toList();
    IdentityService identity = engine.getIdentityService();
    switch (mode) {
      case DEMO -> DemoUsers.ensure(identity, identitySeeder, allTenants);
      case PRODUCTION -> ProductionAdmin.ensure(identity,
          ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getPasswordManager(),
          identitySeeder, properties.admin().user(), properties.admin().password(), allTenants);
    }
    deployer.deployChanged(properties.models().location());
    if (mode == TuoyuProperties.SeedMode.DEMO) {
      demoData.forEach(DemoData::seed);
    }
  }
}
