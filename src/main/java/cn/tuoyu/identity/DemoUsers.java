package cn.tuoyu.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * Demo profile: people for every role in three counties and at the city level, so a newcomer can
 * log in as each of them. The passwords are public (README.md) and the production profile refuses
 * to start while any of them still works.
 */
public final class DemoUsers {

  public static final String PASSWORD = "Demo@2026!";
  public static final String ADMIN_ID = "admin";
  public static final String ADMIN_PASSWORD = "Guanli@2026!";
  /** Every password the demo profile hands out. */
  public static final Set<String> PUBLIC_PASSWORDS = Set.of(PASSWORD, ADMIN_PASSWORD);

  public static final String CITY = "610600";
  /** 宝塔区, 安塞区, 延长县: the demo counties, with the prefix of their users' ids. */
  static final List<String[]> COUNTIES = List.of(
      new String[] {"610602", "baota", "宝塔区"},
      new String[] {"610603", "ansai", "安塞区"},
      new String[] {"610621", "yanchang", "延长县"});

  /** A demo person: id, name, post, groups and counties. */
  public record DemoUser(String id, String name, String post, List<String> groups, List<String> tenants) {}

  private DemoUsers() {}

  public static List<DemoUser> all(List<String> allTenants) {
    List<DemoUser> users = new ArrayList<>();
    users.add(new DemoUser(ADMIN_ID, "系统管理员", "市卫健委信息中心",
        List.of(Role.ADMINISTRATOR.groupId()), allTenants));
    users.add(new DemoUser("portal", "政务服务网", "机构网上申报接口",
        List.of(Role.PORTAL.groupId()), allTenants));
    users.add(new DemoUser("city-supervisor", "刘建国", "市卫健委监管科",
        List.of(Role.SUPERVISOR.groupId(), Department.HEALTH.groupId()), allTenants));
    users.add(new DemoUser("city-health-clerk", "陈晓梅", "市卫健委人口家庭科",
        List.of(Role.CLERK.groupId(), Department.HEALTH.groupId()), List.of(CITY)));
    String[] surnames = {"王", "李", "张"};
    int i = 0;
    for (String[] county : COUNTIES) {
      String code = county[0];
      String prefix = county[1];
      String place = county[2];
      String s = surnames[i++];
      users.add(clerk(prefix + "-health-clerk", s + "丽", place + "卫健局", Department.HEALTH, code));
      users.add(clerk(prefix + "-approval-clerk", s + "强", place + "行政审批局", Department.APPROVAL, code));
      users.add(clerk(prefix + "-establishment-clerk", s + "芳", place + "编办", Department.ESTABLISHMENT, code));
      users.add(clerk(prefix + "-market-clerk", s + "伟", place + "市场监管局", Department.MARKET, code));
      users.add(clerk(prefix + "-education-clerk", s + "静", place + "教育局", Department.EDUCATION, code));
      users.add(new DemoUser(prefix + "-inspector1", s + "敏", place + "卫健局检查员",
          List.of(Role.INSPECTOR.groupId()), List.of(code)));
      users.add(new DemoUser(prefix + "-inspector2", s + "军", place + "卫健局检查员",
          List.of(Role.INSPECTOR.groupId()), List.of(code)));
      users.add(new DemoUser(prefix + "-supervisor", s + "华", place + "卫健局监管",
          List.of(Role.SUPERVISOR.groupId(), Department.HEALTH.groupId()), List.of(code)));
      users.add(new DemoUser(prefix + "-approval-supervisor", s + "斌", place + "行政审批局监管",
          List.of(Role.SUPERVISOR.groupId(), Department.APPROVAL.groupId()), List.of(code)));
    }
    return users;
  }

  private static DemoUser clerk(String id, String name, String post, Department dept, String county) {
    return new DemoUser(id, name, post + "经办", List.of(Role.CLERK.groupId(), dept.groupId()), List.of(county));
  }

  /** Creates the demo users that do not exist yet. */
  public static void ensure(IdentityService identity, IdentitySeeder seeder, List<String> allTenants) {
    for (DemoUser u : all(allTenants)) {
      if (identity.createUserQuery().userId(u.id()).count() == 0) {
        User user = identity.newUser(u.id());
        user.setFirstName(u.name());
        user.setLastName(u.post());
        user.setEmail(u.id() + "@demo.tuoyu.local");
        user.setPassword(ADMIN_ID.equals(u.id()) ? ADMIN_PASSWORD : PASSWORD);
        identity.saveUser(user);
      }
      seeder.ensureMemberships(u.id(), u.groups(), u.tenants());
    }
  }
}
