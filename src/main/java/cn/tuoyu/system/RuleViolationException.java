package cn.tuoyu.system;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * What a user entered or did breaks a business rule (a required opinion missing, the same inspector
 * co-signing). Thrown by task listeners and start checks; the REST API answers 400 with this
 * message alone, in Chinese, and Tasklist shows it next to the form.
 */
public class RuleViolationException extends ProcessEngineException {

  /** @param message shown to the user, in Chinese */
  public RuleViolationException(String message) {
    super(message);
  }

  /** The rule violation somewhere in the cause chain of an engine error, e.g. inside a listener failure. */
  public static java.util.Optional<RuleViolationException> in(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof RuleViolationException violation) {
        return java.util.Optional.of(violation);
      }
    }
    return java.util.Optional.empty();
  }
}
