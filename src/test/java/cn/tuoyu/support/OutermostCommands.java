package cn.tuoyu.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Records the engine commands that open a transaction of their own (not nested in another command)
 * with the thread they ran on, so that a test can count what one HTTP call costs: Tomcat's request
 * threads are {@code http-nio-*}, the job executor's are not.
 */
public class OutermostCommands extends AbstractProcessEnginePlugin {

  private final Queue<String> threads = new ConcurrentLinkedQueue<>();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(0, new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        if (Context.getCommandContext() == null) {
          threads.add(Thread.currentThread().getName());
        }
        return next.execute(command);
      }
    });
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  /** Outermost commands that ran on request threads while {@code call} ran. */
  public long onRequestThreadsDuring(Runnable call) {
    threads.clear();
    call.run();
    return threads.stream().filter(t -> t.startsWith("http-nio-")).count();
  }
}
