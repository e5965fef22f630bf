package cn.tuoyu.system;

/**
 * Demo cases a business area seeds in the demo profile, after users and models exist, so that a
 * newcomer's Tasklist is not empty. Implementations must be idempotent: they run at every start.
 * They run in {@link org.springframework.core.annotation.Order} order: one that builds on another's
 * cases (the annual inspection on the filed registrations) declares a higher order.
 */
public interface DemoData {

  void seed();
}
