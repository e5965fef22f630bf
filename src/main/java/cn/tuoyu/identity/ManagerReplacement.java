package cn.tuoyu.identity;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * Registers a subclass in place of one of the engine's managers: the engine looks its managers up by
 * their class, so the factory answers for the engine's class and opens the subclass.
 */
final class ManagerReplacement implements SessionFactory {

  private final Class<?> engineManager;
  private final Supplier<Session> replacement;

  ManagerReplacement(Class<?> engineManager, Supplier<Session> replacement) {
    this.engineManager = engineManager;
    this.replacement = replacement;
  }

  @Override
  public Class<?> getSessionType() {
    return engineManager;
  }

  @Override
  public Session openSession() {
    return replacement.get();
  }
}
