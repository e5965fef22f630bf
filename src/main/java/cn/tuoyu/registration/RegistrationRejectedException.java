package cn.tuoyu.registration;

import cn.tuoyu.system.RuleViolationException;

/**
 * A registration the rules do not allow (bad data, wrong authority, a duplicate). Thrown while the
 * process starts, so nothing is written and Tasklist shows the message to the clerk.
 */
public class RegistrationRejectedException extends RuleViolationException {

  public RegistrationRejectedException(String message) {
    super(message);
  }
}
