package cn.tuoyu.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;

/**
 * Production profile: the only seeded person is the administrator whose credentials come from
 * TUOYU_ADMIN_USER / TUOYU_ADMIN_PASSWORD. Start-up fails while any user still has a demo password,
 * e.g. when a demo database is promoted to production by mistake.
 */
public final class ProductionAdmin {

  private ProductionAdmin() {}

  public static void ensure(IdentityService identity, PasswordManager passwords,
      IdentitySeeder seeder, String adminId, String password, List<String> allTenants) {
    if (adminId == null || adminId.isBlank()) {
      throw new IllegalStateException("生产环境必须设置 TUOYU_ADMIN_USER（管理员账号）");
    }
    if (password == null || password.isBlank()) {
      throw new IllegalStateException("生产环境必须设置 TUOYU_ADMIN_PASSWORD（管理员密码），拒绝启动");
    }
    if (DemoUsers.PUBLIC_PASSWORDS.contains(password)) {
      throw new IllegalStateException("TUOYU_ADMIN_PASSWORD 是公开的演示密码，生产环境拒绝启动");
    }
    User admin = identity.createUserQuery().userId(adminId).singleResult();
    if (admin == null) {
      admin = identity.newUser(adminId);
      admin.setFirstName("系统管理员");
      admin.setLastName("");
      admin.setPassword(password);
      identity.saveUser(admin);
    } else if (!matches(passwords, admin, password)) {
      // The environment is the source of truth: a rotated password takes effect at the next start.
      admin.setPassword(password);
      identity.saveUser(admin);
    }
    seeder.ensureMemberships(adminId, List.of(Role.ADMINISTRATOR.groupId()), allTenants);
    refuseDemoPasswords(identity, passwords);
  }

  static void refuseDemoPasswords(IdentityService identity, PasswordManager passwords) {
    for (User user : identity.createUserQuery().list()) {
      for (String demoPassword : DemoUsers.PUBLIC_PASSWORDS) {
        if (matches(passwords, user, demoPassword)) {
          throw new IllegalStateException("用户 " + user.getId()
              + " 仍在使用公开的演示密码，生产环境拒绝启动；请先修改该用户密码或删除演示用户");
        }
      }
    }
  }

  /** Compares hashes directly: IdentityService.checkPassword would count misses and lock accounts. */
  private static boolean matches(PasswordManager passwords, User user, String candidate) {
    UserEntity entity = (UserEntity) user;
    return entity.getPassword() != null
        && passwords.check(EncryptionUtil.saltPassword(candidate, entity.getSalt()), entity.getPassword());
  }
}
