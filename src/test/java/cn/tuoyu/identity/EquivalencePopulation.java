package cn.tuoyu.identity;

import cn.tuoyu.identity.AccessRules.Person;
import cn.tuoyu.inspection.InspectionService;
import cn.tuoyu.inspection.SpecialInspectionRequest;
import cn.tuoyu.institution.InstitutionNature;
import cn.tuoyu.institution.InstitutionRepository;
import cn.tuoyu.registration.RegistrationFixtures;
import cn.tuoyu.registration.RegistrationService;
import cn.tuoyu.system.ValidationClock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The generated population of {@link AccessEquivalenceIT}: people of every department in five
 * counties without demo users, and cases of the real registration and inspection processes there.
 */
final class EquivalencePopulation {

  static final String PASSWORD = "Demo@2026!";
  static final List<String> COUNTIES = List.of("610622", "610681", "610625", "610626", "610627");
  /** The city-level supervisor works for the city and the first three counties. */
  static final String CITY_SUPERVISOR = "eq-city-supervisor";
  static final Set<String> CITY_SUPERVISOR_TENANTS = Set.of(DemoUsers.CITY, "610622", "610681", "610625");

  /** Departments that acknowledge pushed registrations besides health (业务主管部门), in turn. */
  private static final List<String> SUPERVISORY = java.util.Arrays.asList(
      null, "education", "civil-affairs", "market", "health", "women-federation");

  private final IdentityService identity;
  private final IdentitySeeder seeder;
  private final RegistrationService registrations;
  private final TaskService tasks;
  private final InstitutionRepository institutions;
  private final InspectionService inspections;
  private final JdbcTemplate jdbc;

  EquivalencePopulation(IdentityService identity, IdentitySeeder seeder, RegistrationService registrations,
      TaskService tasks, InstitutionRepository institutions, InspectionService inspections, JdbcTemplate jdbc) {
    this.identity = identity;
    this.seeder = seeder;
    this.registrations = registrations;
    this.tasks = tasks;
    this.institutions = institutions;
    this.inspections = inspections;
    this.jdbc = jdbc;
  }

  static String clerk(String county, Department d) {
    return "eq-" + county + "-" + d.groupId() + "-clerk";
  }

  // ---------------------------------------------------------------- people

  /** Everyone: 20 clerks, 2 inspectors and 2 supervisors per county, one city-level supervisor. */
  static List<Person> people() {
    List<Person> people = new ArrayList<>();
    for (String county : COUNTIES) {
      for (Department d : Department.values()) {
        people.add(new Person(clerk(county, d), Set.of(Role.CLERK.groupId(), d.groupId()), Set.of(county)));
      }
      for (int i = 1; i <= 2; i++) {
        people.add(new Person("eq-" + county + "-inspector" + i, Set.of(Role.INSPECTOR.groupId()), Set.of(county)));
      }
      people.add(new Person("eq-" + county + "-health-supervisor",
          Set.of(Role.SUPERVISOR.groupId(), Department.HEALTH.groupId()), Set.of(county)));
      people.add(new Person("eq-" + county + "-approval-supervisor",
          Set.of(Role.SUPERVISOR.groupId(), Department.APPROVAL.groupId()), Set.of(county)));
    }
    people.add(new Person(CITY_SUPERVISOR, Set.of(Role.SUPERVISOR.groupId(), Department.HEALTH.groupId()),
        CITY_SUPERVISOR_TENANTS));
    return people;
  }

  void createPeople(List<Person> people) {
    for (Person p : people) {
      if (identity.createUserQuery().userId(p.id()).count() == 0) {
        User user = identity.newUser(p.id());
        user.setFirstName(p.id());
        user.setLastName("等效性测试");
        user.setPassword(PASSWORD);
        identity.saveUser(user);
      }
      seeder.ensureMemberships(p.id(), List.copyOf(p.groups()), List.copyOf(p.tenants()));
    }
  }

  // ---------------------------------------------------------------- cases

  /**
   * {@code perCounty} registrations in every county (three counties at a time), registered as that
   * county's approval or establishment clerk. Out of every ten cases:
   * four approved 30 days ago and not pushed: 推送 open, 督办 to supervisors, 逾期未备案 for health;
   * three pushed: 签收 for health and the supervisory department, every other one also filed with a
   * special inspection (现场检查 for inspectors); one approved yesterday, 推送 open; two approved
   * 8 days ago, 推送 due within days (即将到期).
   */
  int registerCases(int perCounty) throws InterruptedException {
    AtomicInteger started = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> counties = new ArrayList<>();
      for (String county : COUNTIES) {
        counties.add(pool.submit(() -> {
          for (int i = 0; i < perCounty; i++) {
            registerCase(county, i);
            if (started.incrementAndGet() % 250 == 0) {
              System.out.printf("[equivalence] %d registrations started%n", started.get());
            }
          }
        }));
      }
      for (Future<?> f : counties) {
        f.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return started.get();
  }

  private void registerCase(String county, int i) {
    LocalDate today = LocalDate.now(ValidationClock.CHINA);
    int shape = i % 10;
    boolean overdue = shape < 4;
    boolean pushed = shape >= 4 && shape < 7;
    boolean byEstablishment = i % 3 == 0;
    Department authority = byEstablishment ? Department.ESTABLISHMENT : Department.APPROVAL;
    InstitutionNature nature = byEstablishment || i % 2 == 0 ? InstitutionNature.NON_PROFIT
        : InstitutionNature.FOR_PROFIT;
    LocalDate approvedAt = overdue ? today.minusDays(30) : shape >= 8 ? today.minusDays(8) : today.minusDays(1);
    String code = RegistrationFixtures.creditCode(county);
    String clerk = clerk(county, authority);
    identity.setAuthentication(clerk, List.of(Role.CLERK.groupId(), authority.groupId()), List.of(county));
    String instance;
    try {
      instance = registrations.register(RegistrationFixtures.registration(code, county, nature,
          SUPERVISORY.get(i % SUPERVISORY.size()), approvedAt)).processInstanceId();
    } finally {
      identity.clearAuthentication();
    }
    if (pushed) {
      Task push = tasks.createTaskQuery().processInstanceId(instance)
          .taskDefinitionKey("Task_PushRegistration").singleResult();
      tasks.claim(push.getId(), clerk);
      tasks.complete(push.getId());
      if (i % 2 == 0) {
        institutions.markFiled(code, "EQ-" + code.substring(10), "eq-seed");
        inspections.startSpecial(new SpecialInspectionRequest(code, "等效性测试：专项检查"));
      }
    }
  }

  /** Waits until the job executor has fired every due timer of the generated counties. */
  void awaitDueJobs() throws InterruptedException {
    String in = String.join(",", COUNTIES.stream().map(c -> "'" + c + "'").toList());
    long deadline = System.currentTimeMillis() + 120_000;
    while (true) {
      Integer due = jdbc.queryForObject("select count(*) from ACT_RU_JOB where TENANT_ID_ in (" + in + ") "
          + "and (DUEDATE_ is null or DUEDATE_ <= now()) and RETRIES_ > 0 and SUSPENSION_STATE_ = 1", Integer.class);
      if (due == null || due == 0) {
        return;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError(due + " due jobs still waiting after 120 s");
      }
      System.out.printf("[equivalence] waiting for %d due jobs%n", due);
      Thread.sleep(2000);
    }
  }

  static Set<String> allTenants() {
    Set<String> all = new LinkedHashSet<>(COUNTIES);
    all.addAll(CITY_SUPERVISOR_TENANTS);
    return all;
  }
}
