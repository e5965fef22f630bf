package cn.tuoyu.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The application's own settings (prefix {@code tuoyu}).
 *
 * @param seed what start-up seeds: the profile {@code demo} sets mode DEMO, {@code prod} sets PRODUCTION
 * @param admin the production administrator (TUOYU_ADMIN_USER / TUOYU_ADMIN_PASSWORD)
 * @param models where {@code processes/} and {@code forms/} are read from
 */
@ConfigurationProperties(prefix = "tuoyu")
public record TuoyuProperties(Seed seed, Admin admin, Models models) {

  public enum SeedMode { DEMO, PRODUCTION }

  public record Seed(SeedMode mode) {}

  public record Admin(String user, String password) {}

  public record Models(String location) {}

  public SeedMode seedMode() {
    if (seed == null || seed.mode() == null) {
      throw new IllegalStateException(
          "未选择运行模式：请激活 demo（演示数据）或 prod（生产）配置，例如 SPRING_PROFILES_ACTIVE=postgres,prod");
    }
    return seed.mode();
  }
}
