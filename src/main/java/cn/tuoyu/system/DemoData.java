package cn.tuoyu.system;

/**
 * Demo cases a business area seeds in the demo profile, after users and models exist, so that a
 * newcomer's Tasklist is not empty. Implementations must be idempotent: they run at every start.
 */
public interface DemoData {

  void seed();
}
