package cn.tuoyu.bench;

import cn.tuoyu.Application;
import cn.tuoyu.bench.Bench.Figure;
import cn.tuoyu.bench.ClerkTasklist.Call;
import cn.tuoyu.calendar.WorkingDayCalendar;
import cn.tuoyu.identity.CountyRepository;
import cn.tuoyu.inspection.CampaignService;
import cn.tuoyu.inspection.InspectionCampaignProcess;
import cn.tuoyu.inspection.InspectionService;
import cn.tuoyu.institution.CreditCode;
import cn.tuoyu.institution.InstitutionRepository;
import cn.tuoyu.registration.RegistrationService;
import cn.tuoyu.system.ValidationClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One application under measurement, in its own JVM and database (a second engine in one JVM
 * would share Camunda's static registries). {@link Benchmark} starts it with system properties:
 * {@code bench.config} ours|stock, {@code bench.job} tasks|campaign|campaign-resume,
 * {@code bench.out} the figures file, and the job's sizes.
 */
public final class BenchNode {

  /** The measured clerk: a county health clerk of the demo data (宝塔区). */
  static final String CLERK = "baota-health-clerk";
  static final String CLERK_PASSWORD = "Demo@2026!";

  private final ConfigurableApplicationContext context;
  private final String config;
  private final Path out;
  private final JdbcTemplate jdbc;
  private final List<String> counties;

  private BenchNode(ConfigurableApplicationContext context, String config, Path out) {
    this.context = context;
    this.config = config;
    this.out = out;
    this.jdbc = context.getBean(JdbcTemplate.class);
    this.counties = context.getBean(CountyRepository.class).findAll().stream()
        .filter(c -> !c.cityLevel()).map(c -> c.code()).toList();
  }

  public static void main(String[] args) throws Exception {
    String config = System.getProperty("bench.config", "ours");
    String job = System.getProperty("bench.job", "tasks");
    Path out = Path.of(System.getProperty("bench.out", "target/bench/" + config + ".tsv"));
    SpringApplicationBuilder app = new SpringApplicationBuilder(Application.class, SeedingWithoutChecks.class)
        .profiles("postgres", "demo");
    if ("stock".equals(config)) {
      app.sources(StockEngineSettings.class);
    }
    ConfigurableApplicationContext context = app.run(args);
    if ("stock".equals(config)) {
      context.getBean(JdbcTemplate.class).execute("drop index if exists act_idx_task_parent_task");
      context.getBean(JdbcTemplate.class).execute("drop index if exists act_idx_task_tenant_due");
      context.getBean(JdbcTemplate.class).execute("drop index if exists act_idx_job_duedate");
      StockEngineSettings.withoutDefinitionLevelTaskGrants(context.getBean(AuthorizationService.class));
      StockEngineSettings.withCandidateGroupDepartmentFilter(context.getBean(FilterService.class),
          context.getBean(TaskService.class));
    }
    int exit = 0;
    try {
      BenchNode node = new BenchNode(context, config, out);
      double ready = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
      Bench.progress("%s: ready after %.1f s (%s)", config, ready, job);
      switch (job) {
        case "tasks" -> node.tasks();
        case "campaign" -> node.campaign(Integer.getInteger("bench.institutions", 100_000));
        case "campaign-resume" -> node.resumeCampaign();
        default -> throw new IllegalArgumentException("unknown bench.job " + job);
      }
    } catch (Throwable e) {
      e.printStackTrace();
      exit = 1;
    } finally {
      context.close();
    }
    System.exit(exit);
  }

  // ------------------------------------------------------------------ task lists and starts

  private void tasks() throws Exception {
    TaskSeeder seeder = new TaskSeeder(context.getBean(IdentityService.class), context.getBean(RegistrationService.class),
        context.getBean(TaskService.class), context.getBean(InstitutionRepository.class),
        context.getBean(InspectionService.class), jdbc, counties, context.getBean(WorkingDayCalendar.class));
    startsPerSecond(seeder, 1, Integer.getInteger("bench.starts", 600));
    startsPerSecond(seeder, 4, Integer.getInteger("bench.starts", 600));
    ClerkTasklist clerk = new ClerkTasklist(port(), CLERK, CLERK_PASSWORD);
    boolean claimed = false;
    for (String size : System.getProperty("bench.tasks", "10000,100000").split(",")) {
      int target = Integer.parseInt(size.trim());
      seeder.seedUntil(target, 3, config);
      if (!claimed) {
        claimSome(clerk, 10);
        claimed = true;
      }
      // Steady state, as autovacuum leaves a table some time after a burst of inserts: otherwise its
      // run may fall into the measured rounds of either column. The checkpoint then writes out what
      // seeding and vacuum dirtied, which PostgreSQL would otherwise do during the measured rounds.
      jdbc.execute("vacuum analyze");
      jdbc.execute("checkpoint");
      measureFilters(clerk, target);
    }
    explainFilters(clerk);
    record(new Figure("数据", "数据库大小", "", "MB", databaseMegabytes(), 1));
  }

  /** Registration starts, as the county's registration clerk, on {@code threads} threads at once. */
  private void startsPerSecond(TaskSeeder seeder, int threads, int perThread) throws Exception {
    AtomicInteger n = new AtomicInteger(1_000_000 * threads);
    for (int i = 0; i < 100; i++) {
      seeder.register(n.getAndIncrement()); // warm-up: class loading, caches, JIT
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long began = System.nanoTime();
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            seeder.register(n.getAndIncrement());
          }
          return null;
        }));
      }
      for (Future<?> w : workers) {
        w.get();
      }
    } finally {
      pool.shutdown();
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    double rate = threads * perThread / seconds;
    Bench.progress("%s: %d thread(s): %,d registration starts in %.1f s = %.0f/s", config, threads,
        threads * perThread, seconds, rate);
    record(new Figure("流程启动", "登记备案流程启动", threads + " 线程", "个/秒", rate, threads * perThread));
  }

  /** Gives the clerk a few tasks of their own, so that 我的待办 lists something. */
  private void claimSome(ClerkTasklist clerk, int howMany) {
    Map<String, String> filters = clerk.filters();
    for (String task : clerk.unassigned(filters.get("本部门待办"), howMany)) {
      Call claim = clerk.claim(task, CLERK);
      if (!claim.ok()) {
        throw new IllegalStateException("claim failed: " + claim.body());
      }
    }
  }

  /**
   * Unmeasured refreshes per filter first, until the JIT compiler has caught up with the request
   * path (the 10,000 rounds come right after start-up: with 10 rounds a filter's first measured
   * refreshes still took twice as long as its last), or {@value #WARM_UP_SECONDS} s for slow
   * configurations.
   */
  private static final int WARM_UP_ROUNDS = 200;

  private static final int WARM_UP_SECONDS = 20;

  /**
   * Measured refreshes per filter: with 200 the p95 is the 10th-slowest, not the 3rd-slowest of 50,
   * which one pause of this 2-core machine (a young collection, autovacuum) could decide alone.
   */
  private static final int ROUNDS = 200;

  /**
   * Each filter as Tasklist refreshes it: the first page and the count, one after the other. Rounds
   * stop after {@value #ROUNDS} or after a minute per filter, whichever comes first (slow
   * configurations get fewer).
   */
  private void measureFilters(ClerkTasklist clerk, int openTasks) {
    String scale = String.format("%,d 待办", openTasks);
    int actual = jdbc.queryForObject("select count(*) from ACT_RU_TASK", Integer.class);
    record(new Figure("数据", "在办任务总数", scale, "个", actual, 1));
    record(new Figure("数据", "授权记录总数", scale, "条",
        jdbc.queryForObject("select count(*) from ACT_RU_AUTHORIZATION", Integer.class), 1));
    for (Map.Entry<String, String> filter : clerk.filters().entrySet()) {
      String name = filter.getKey();
      List<Double> pages = new ArrayList<>();
      List<Double> counts = new ArrayList<>();
      List<Double> both = new ArrayList<>();
      int failed = 0;
      long visible = -1;
      long warmUpEnds = System.nanoTime() + WARM_UP_SECONDS * 1_000_000_000L;
      long budget = 0; // a minute of measured rounds, from the first
      long[] cpuAtStart = null;
      for (int round = -WARM_UP_ROUNDS; round < ROUNDS && (round < 1 || System.nanoTime() < budget); round++) {
        if (round == 0) {
          cpuAtStart = cpuTimes();
        }
        Call page = clerk.page(filter.getValue());
        Call count = clerk.count(filter.getValue());
        if (count.ok()) {
          visible = ClerkTasklist.countOf(count);
        }
        boolean slow = page.millis() + count.millis() > 5_000;
        if (round >= 0 || slow) { // a warm-up round that takes seconds counts, and ends the warm-up
          pages.add(page.millis());
          counts.add(count.millis());
          both.add(page.millis() + count.millis());
          failed += (page.ok() ? 0 : 1) + (count.ok() ? 0 : 1);
          recordRound(scale, name, both.size(), page, count);
          budget = budget == 0 ? System.nanoTime() + 60_000_000_000L : budget;
        }
        if (round < -1 && (slow || System.nanoTime() > warmUpEnds)) {
          round = -1;
        }
      }
      String section = "筛选器 " + name;
      percentiles(section, "列表+计数", scale, both);
      percentiles(section, "列表", scale, pages);
      percentiles(section, "计数", scale, counts);
      if (visible >= 0) {
        record(new Figure(section, "可见任务", scale, "个", visible, 1));
      }
      if (failed > 0) {
        record(new Figure(section, Report.FAILED, scale, "次", failed, both.size() * 2));
      }
      double steal = stealPercent(cpuAtStart, cpuTimes());
      if (steal >= 0) {
        record(new Figure(section, "CPU 被宿主机挪用（steal）", scale, "%", steal, 1));
      }
      Bench.progress("%s @ %s: %s list+count p50 %.0f ms, p95 %.0f ms (%d rounds, %d visible, CPU steal %.1f %%%s)",
          config, scale, name, Bench.percentile(toArray(both), 50), Bench.percentile(toArray(both), 95), both.size(),
          visible, steal, failed > 0 ? ", " + failed + " calls failed" : "");
    }
  }

  /**
   * This machine's CPU time so far (user … steal of /proc/stat's first line) and the part of it the
   * hypervisor gave to other guests (steal): on a shared 2-core VM a tail can come from there.
   * Null where /proc/stat is not available.
   */
  private static long[] cpuTimes() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i <= 8; i++) {
        total += Long.parseLong(f[i]);
      }
      return new long[] {total, Long.parseLong(f[8])};
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static double stealPercent(long[] from, long[] to) {
    if (from == null || to == null || to[0] <= from[0]) {
      return -1;
    }
    return 100.0 * (to[1] - from[1]) / (to[0] - from[0]);
  }

  /** Every measured refresh with the time it ended, in {@code <config>-rounds.csv} beside the figures. */
  private void recordRound(String scale, String filter, int round, Call page, Call count) {
    Path file = out.resolveSibling(config + "-rounds.csv");
    try {
      if (!Files.exists(file)) {
        Files.writeString(file, "config,scale,filter,round,ended_at,page_ms,count_ms,page_ok,count_ok\n");
      }
      Files.writeString(file, String.join(",", config, "\"" + scale + "\"", filter, Integer.toString(round),
          Instant.now().toString(), Double.toString(page.millis()), Double.toString(count.millis()),
          Boolean.toString(page.ok()), Boolean.toString(count.ok())) + "\n", StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void percentiles(String section, String name, String scale, List<Double> millis) {
    double[] values = toArray(millis);
    record(new Figure(section, name + " p50", scale, "ms", Bench.percentile(values, 50), values.length));
    record(new Figure(section, name + " p95", scale, "ms", Bench.percentile(values, 95), values.length));
  }

  /**
   * Writes the plans (EXPLAIN ANALYZE) of one refresh of each filter to postgres.log for
   * docs/performance.md: auto_explain logs every statement for the moment, between two markers.
   */
  private void explainFilters(ClerkTasklist clerk) {
    Map<String, String> filters = clerk.filters();
    explainWindow(true);
    try {
      for (Map.Entry<String, String> filter : filters.entrySet()) {
        // A literal, so that the marker shows in the log's query text (filter names are our own constants).
        jdbc.execute("select 'bench-explain " + config + " " + filter.getKey() + "'");
        clerk.page(filter.getValue());
        clerk.count(filter.getValue());
      }
    } finally {
      explainWindow(false);
    }
  }

  private void explainWindow(boolean open) {
    if (open) {
      jdbc.execute("alter system set auto_explain.log_min_duration = 0");
      jdbc.execute("alter system set auto_explain.log_analyze = on");
      jdbc.execute("alter system set auto_explain.log_buffers = on");
    } else {
      jdbc.execute("alter system set auto_explain.log_min_duration = '" + Benchmark.SLOW_STATEMENT + "'");
      jdbc.execute("alter system reset auto_explain.log_analyze");
      jdbc.execute("alter system reset auto_explain.log_buffers");
    }
    jdbc.execute("select pg_reload_conf()");
    try {
      Thread.sleep(500); // backends pick the change up at their next statement after the signal
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ------------------------------------------------------------------ the annual campaign

  /** Files {@code institutions} institutions over the counties and runs the city-wide campaign. */
  private void campaign(int institutions) throws Exception {
    seedFiledInstitutions(institutions);
    int year = Year.now(ValidationClock.CHINA).getValue();
    CampaignService campaigns = context.getBean(CampaignService.class);
    double dbBefore = databaseMegabytes();
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    System.gc();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    int openedBefore = countOpened(year);
    long began = System.nanoTime();
    campaigns.start(year, InspectionCampaignProcess.CITY);
    awaitCampaign(year, 30 * 60);
    double seconds = (System.nanoTime() - began) / 1e9;
    int opened = countOpened(year) - openedBefore;
    long peakHeap = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    String scale = String.format("%,d 机构", institutions);
    record(new Figure("年检批次", "用时", scale, "s", seconds, opened));
    record(new Figure("年检批次", "启动速率", scale, "个/秒", opened / seconds, opened));
    record(new Figure("年检批次", "堆内存峰值", scale, "MB", peakHeap / 1048576.0, 1));
    record(new Figure("年检批次", "最大堆", scale, "MB", Runtime.getRuntime().maxMemory() / 1048576.0, 1));
    record(new Figure("年检批次", "数据库增长", scale, "MB", databaseMegabytes() - dbBefore, 1));
    record(new Figure("年检批次", "数据库大小", scale, "MB", databaseMegabytes(), 1));
    Bench.progress("%s: campaign opened %,d inspections in %.1f s = %.0f/s, peak heap %d MB", config, opened, seconds,
        opened / seconds, peakHeap >> 20);
  }

  /** After a kill: the job executor takes the campaign up again; every institution opened exactly once. */
  private void resumeCampaign() throws Exception {
    int year = Year.now(ValidationClock.CHINA).getValue();
    int openedAtRestart = countOpened(year);
    int total = filedInstitutions();
    long began = System.nanoTime();
    awaitCampaign(year, 30 * 60);
    double seconds = (System.nanoTime() - began) / 1e9;
    int missing = jdbc.queryForObject("select count(*) from institution i where i.status = 'FILED' and not exists "
        + "(select 1 from inspection x where x.credit_code = i.credit_code and x.inspection_year = ? and x.kind = 'ANNUAL')",
        Integer.class, year);
    int duplicateRows = jdbc.queryForObject("select count(*) from (select credit_code from inspection "
        + "where inspection_year = ? and kind = 'ANNUAL' group by credit_code having count(*) > 1) d", Integer.class, year);
    int duplicateCases = jdbc.queryForObject("select count(*) from (select business_key_ from act_ru_execution "
        + "where proc_def_key_ = 'AnnualInspectionProcess' and parent_id_ is null group by business_key_ "
        + "having count(*) > 1) d", Integer.class);
    String scale = String.format("%,d 机构", total);
    record(new Figure("中断后续跑", "中断时已启动", scale, "个", openedAtRestart, 1));
    record(new Figure("中断后续跑", "重启后完成用时", scale, "s", seconds, 1));
    record(new Figure("中断后续跑", "未启动的机构", scale, "个", missing, total));
    record(new Figure("中断后续跑", "重复的检查记录或流程", scale, "个", duplicateRows + duplicateCases, total));
    Bench.progress("%s: resumed at %,d of %,d, finished %.1f s after restart; missing %d, duplicates %d", config,
        openedAtRestart, total, seconds, missing, duplicateRows + duplicateCases);
  }

  private void awaitCampaign(int year, int timeoutSeconds) throws InterruptedException {
    HistoryService history = context.getBean(HistoryService.class);
    String key = InspectionCampaignProcess.businessKey(year, InspectionCampaignProcess.CITY);
    long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
    int total = filedInstitutions();
    while (history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).finished().count() == 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("campaign not finished after " + timeoutSeconds + " s");
      }
      Thread.sleep(2000);
      Bench.progress("%s: campaign-progress %d %d", config, countOpened(year), total);
    }
  }

  private int countOpened(int year) {
    return jdbc.queryForObject("select count(*) from inspection where inspection_year = ? and kind = 'ANNUAL'",
        Integer.class, year);
  }

  private int filedInstitutions() {
    return jdbc.queryForObject("select count(*) from institution where status = 'FILED'", Integer.class);
  }

  private void seedFiledInstitutions(int institutions) {
    OffsetDateTime now = OffsetDateTime.now();
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < institutions; i++) {
      String county = counties.get(i % counties.size());
      String first17 = "52" + county + String.format("BJ%07d", i);
      rows.add(new Object[] {first17 + CreditCode.checkCharacter(first17), "基准托育园" + i, county, now, now, now, now});
      if (rows.size() == 5000 || i == institutions - 1) {
        jdbc.batchUpdate("insert into institution (credit_code, name, nature, county_code, address, legal_representative, "
            + "registration_authority, approved_at, status, filed_at, created_at, updated_at) "
            + "values (?, ?, 'NON_PROFIT', ?, '延安市', '王五', 'establishment', ?, 'FILED', ?, ?, ?)", rows);
        rows.clear();
        Bench.progress("%s: filed institutions %,d / %,d", config, i + 1, institutions);
      }
    }
    jdbc.execute("analyze");
  }

  // ------------------------------------------------------------------ helpers

  private int port() {
    return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
  }

  private double databaseMegabytes() {
    return jdbc.queryForObject("select pg_database_size(current_database())", Long.class) / 1048576.0;
  }

  private void record(Figure figure) {
    Bench.append(out, figure);
  }

  private static double[] toArray(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
