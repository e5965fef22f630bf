package cn.tuoyu.closure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of 关闭注销 (prefix {@code tuoyu.closure}).
 *
 * @param deregistrationWorkingDays working days the registration authority has to deregister a
 *     closed institution, counted from the approval of the closure decision; after that the
 *     authority's supervisors get a 督办 task. Fixed per case when the decision is approved.
 */
@ConfigurationProperties(prefix = "tuoyu.closure")
public record ClosureSettings(@DefaultValue("10") int deregistrationWorkingDays) {

  public ClosureSettings {
    if (deregistrationWorkingDays < 1) {
      throw new IllegalArgumentException("tuoyu.closure.deregistration-working-days 应为正整数，实际为 "
          + deregistrationWorkingDays);
    }
  }
}
