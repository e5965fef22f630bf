package cn.tuoyu.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Lets the benchmark seed its cases as the registration clerk without the engine checking that
 * clerk's permissions on every command. Seeding must not wait on the very checks the benchmark
 * measures afterwards, and skipping them changes no data: the authorization provider still writes
 * each task's grants. Only commands run inside {@link #run} are affected.
 */
class SeedingWithoutChecks extends AbstractProcessEnginePlugin {

  private static final ThreadLocal<Boolean> SEEDING = ThreadLocal.withInitial(() -> false);

  static <T> T run(Supplier<T> seeding) {
    SEEDING.set(true);
    try {
      return seeding.get();
    } finally {
      SEEDING.set(false);
    }
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    interceptors.add(new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        if (SEEDING.get()) {
          Context.getCommandContext().disableAuthorizationCheck();
        }
        return next.execute(command);
      }
    });
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
  }
}
