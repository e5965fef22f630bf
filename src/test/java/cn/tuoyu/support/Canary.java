package cn.tuoyu.support;

import java.util.concurrent.atomic.AtomicInteger;

/** A side effect that an expression can trigger, so a test can prove an expression did not run. */
public class Canary {

  private final AtomicInteger touches = new AtomicInteger();

  /** Called from an expression; returns a date so it fits date-valued query parameters. */
  public java.util.Date touch() {
    touches.incrementAndGet();
    return new java.util.Date();
  }

  public int touches() {
    return touches.get();
  }
}
