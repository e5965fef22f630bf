package cn.tuoyu.bench;

import cn.tuoyu.calendar.WorkingDayCalendar;
import cn.tuoyu.identity.Department;
import cn.tuoyu.identity.Role;
import cn.tuoyu.inspection.InspectionService;
import cn.tuoyu.inspection.SpecialInspectionRequest;
import cn.tuoyu.institution.InstitutionNature;
import cn.tuoyu.institution.InstitutionRepository;
import cn.tuoyu.registration.RegistrationFixtures;
import cn.tuoyu.registration.RegistrationService;
import cn.tuoyu.system.ValidationClock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Opens tasks the way the city's work does, through the real registration and inspection processes,
 * spread over every county: out of ten cases three wait for 推送 at the registration authority, one
 * of them due within days; five were pushed and wait for 签收 at health and the supervisory
 * department; one more was also filed and has a special inspection at 现场检查.
 */
final class TaskSeeder {

  /** Departments that acknowledge pushed registrations besides health (业务主管部门), in turn. */
  private static final List<String> SUPERVISORY = Arrays.asList(
      null, "education", "civil-affairs", "market", "women-federation");

  private final IdentityService identity;
  private final RegistrationService registrations;
  private final TaskService tasks;
  private final InstitutionRepository institutions;
  private final InspectionService inspections;
  private final JdbcTemplate jdbc;
  private final List<String> counties;
  private final int dueSoonApprovedDaysAgo;
  private final AtomicInteger cases = new AtomicInteger();

  TaskSeeder(IdentityService identity, RegistrationService registrations, TaskService tasks,
      InstitutionRepository institutions, InspectionService inspections, JdbcTemplate jdbc, List<String> counties,
      WorkingDayCalendar workdays) {
    this.identity = identity;
    this.registrations = registrations;
    this.tasks = tasks;
    this.institutions = institutions;
    this.inspections = inspections;
    this.jdbc = jdbc;
    this.counties = counties;
    this.dueSoonApprovedDaysAgo = dueSoonApprovedDaysAgo(workdays, LocalDate.now(ValidationClock.CHINA));
  }

  /** Working days the registration authority has for 推送 (the model's {@code workdays.plus(approvedAt, 7)}). */
  private static final int PUSH_WORKING_DAYS = 7;

  /**
   * How many days ago a due-soon case was approved: its 推送 is due on the first working day from
   * tomorrow on, or today if tomorrow and the day after are days off, so that every run, on any day
   * and at any hour, has the same share of tasks inside 即将到期's three days and none overdue yet (a
   * fixed number of days put them inside on some days and outside on others). Within a longer
   * holiday no working day is that close; they are then due on the first working day after it.
   */
  static int dueSoonApprovedDaysAgo(WorkingDayCalendar workdays, LocalDate today) {
    int fromTomorrow = firstDueFrom(workdays, today, today.plusDays(1));
    LocalDate due = workdays.lastDay(today.minusDays(fromTomorrow), PUSH_WORKING_DAYS);
    return due.isAfter(today.plusDays(2)) ? firstDueFrom(workdays, today, today) : fromTomorrow;
  }

  /** Days ago of the approval whose 推送 is the first due on or after {@code earliest} (later approvals fall due later). */
  private static int firstDueFrom(WorkingDayCalendar workdays, LocalDate today, LocalDate earliest) {
    for (int daysAgo = 2 * PUSH_WORKING_DAYS + 30; daysAgo >= 1; daysAgo--) {
      if (!workdays.lastDay(today.minusDays(daysAgo), PUSH_WORKING_DAYS).isBefore(earliest)) {
        return daysAgo;
      }
    }
    throw new IllegalStateException("no approval date gives a 推送 due from " + earliest + " on");
  }

  int openTasks() {
    return jdbc.queryForObject("select count(*) from ACT_RU_TASK", Integer.class);
  }

  /** Opens cases on {@code threads} threads until at least {@code target} tasks are open; prints progress. */
  void seedUntil(int target, int threads, String label) throws InterruptedException {
    long began = System.nanoTime();
    int before = openTasks();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> {
          while (openTasks() < target) {
            for (int i = 0; i < 20; i++) {
              int n = cases.getAndIncrement();
              SeedingWithoutChecks.run(() -> openCase(n));
            }
          }
          return null;
        }));
      }
      while (!workers.stream().allMatch(Future::isDone)) {
        Thread.sleep(5000);
        int open = openTasks();
        double seconds = (System.nanoTime() - began) / 1e9;
        Bench.progress("%s: seeding %,d / %,d open tasks (%,d cases, %.0f tasks/s)", label, open, target,
            cases.get(), (open - before) / seconds);
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("seeding failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Case number {@code n}: county and shape follow from the number, so every run seeds the same mix. */
  private Void openCase(int n) {
    int shape = (n / counties.size()) % 10;
    String code = RegistrationFixtures.creditCode(counties.get(n % counties.size()));
    String instance = register(n, code, shape == 2 ? dueSoonApprovedDaysAgo : 1);
    if (shape >= 3) {
      Task push = tasks.createTaskQuery().processInstanceId(instance)
          .taskDefinitionKey("Task_PushRegistration").singleResult();
      tasks.complete(push.getId());
    }
    if (shape == 9) {
      institutions.markFiled(code, "BENCH-" + code.substring(10), "bench-seed");
      inspections.startSpecial(new SpecialInspectionRequest(code, "性能基准：专项检查"));
    }
    return null;
  }

  /** Starts registration case {@code n} as its county's registration clerk (as the REST API would). */
  String register(int n) {
    return register(n, RegistrationFixtures.creditCode(counties.get(n % counties.size())), 1);
  }

  private String register(int n, String code, int approvedDaysAgo) {
    String county = counties.get(n % counties.size());
    boolean byEstablishment = n % 3 == 0;
    Department authority = byEstablishment ? Department.ESTABLISHMENT : Department.APPROVAL;
    InstitutionNature nature = byEstablishment || n % 2 == 0 ? InstitutionNature.NON_PROFIT : InstitutionNature.FOR_PROFIT;
    LocalDate approvedAt = LocalDate.now(ValidationClock.CHINA).minusDays(approvedDaysAgo);
    identity.setAuthentication("bench-" + county + "-" + authority.groupId() + "-clerk",
        List.of(Role.CLERK.groupId(), authority.groupId()), List.of(county));
    try {
      return registrations.register(RegistrationFixtures.registration(code, county, nature,
          SUPERVISORY.get(n % SUPERVISORY.size()), approvedAt)).processInstanceId();
    } finally {
      identity.clearAuthentication();
    }
  }
}
