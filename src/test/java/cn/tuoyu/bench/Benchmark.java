package cn.tuoyu.bench;

import cn.tuoyu.bench.Bench.Figure;
import cn.tuoyu.support.TestCalendars;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The province-scale benchmark (issue 8): this application beside stock Camunda 7.24.0 access
 * settings ({@link StockEngineSettings}), same models, same data shape, same PostgreSQL, one run.
 * Each configuration runs in its own JVM and database ({@link BenchNode}); this driver starts them
 * in turn, shows their progress, and writes {@code target/bench/results.csv}, {@code results.html}
 * and {@code results.md}. Run with {@code ./mvnw -Pbench verify} (README, docs/performance.md).
 */
public final class Benchmark {

  /** Statements slower than this have their plan logged to postgres.log. */
  static final String SLOW_STATEMENT = "20ms";

  /**
   * {@code bench.pg-dir}: a PostgreSQL data directory kept after the run, whose task-list databases
   * the next run measures again instead of seeding anew (for profiling; not for reported figures).
   */
  private static final Path KEPT_DATA = System.getProperty("bench.pg-dir", "").isBlank() ? null
      : Path.of(System.getProperty("bench.pg-dir"));

  private final Path dir;
  private final EmbeddedPostgres postgres;

  private Benchmark(Path dir, EmbeddedPostgres postgres) {
    this.dir = dir;
    this.postgres = postgres;
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(System.getProperty("bench.dir", "target/bench"));
    Files.createDirectories(dir);
    if (!Boolean.getBoolean("bench.append")) {
      try (var old = Files.list(dir)) {
        for (Path f : old.toList()) {
          Files.deleteIfExists(f);
        }
      }
    }
    long began = System.nanoTime();
    // Plans of statements slower than 20 ms go to postgres.log (auto_explain without ANALYZE: no
    // overhead on the statements it does not log). docs/performance.md quotes them.
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
    if (KEPT_DATA != null) {
      builder.setDataDirectory(KEPT_DATA).setCleanDataDirectory(false);
    }
    try (EmbeddedPostgres postgres = builder
        .setServerConfig("shared_preload_libraries", "auto_explain")
        .setOutputRedirector(ProcessBuilder.Redirect.appendTo(dir.resolve("postgres.log").toFile()))
        .setErrorRedirector(ProcessBuilder.Redirect.appendTo(dir.resolve("postgres.log").toFile()))
        .start()) {
      try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
        // In postgresql.auto.conf, not on the command line, so that a node can lower it for a moment.
        s.execute("alter system set auto_explain.log_min_duration = '" + SLOW_STATEMENT + "'");
        s.execute("select pg_reload_conf()");
      }
      Benchmark bench = new Benchmark(dir, postgres);
      List<String> configs = List.of(System.getProperty("bench.configs", "ours,stock").split(","));
      if (!System.getProperty("bench.tasks", "").isBlank()) {
        for (String config : configs) {
          bench.run(config, "tasks", "bench_tasks_" + config, -1);
        }
      }
      if (Integer.getInteger("bench.institutions", 100_000) > 0) {
        for (String config : configs) {
          bench.run(config, "campaign", "bench_campaign_" + config, -1);
        }
        double killAt = Double.parseDouble(System.getProperty("bench.kill-at", "0.4"));
        if (killAt > 0) {
          bench.run("ours", "campaign", "bench_resume", killAt);
          bench.run("ours", "campaign-resume", "bench_resume", -1);
        }
      }
      Report report = new Report(Bench.read(dir.resolve("ours.tsv")), Bench.read(dir.resolve("stock.tsv")));
      report.write(dir, String.format(Locale.ROOT, "%.1f", (System.nanoTime() - began) / 60e9));
      System.out.println();
      System.out.println(report.text());
      System.out.println("results: " + dir.toAbsolutePath().resolve("results.html"));
    }
  }

  /**
   * Runs one node to its end and records its start-to-ready time. With {@code killAt} in (0, 1) the
   * node is killed (SIGKILL) once the campaign has opened that share of the institutions.
   */
  private void run(String config, String job, String database, double killAt) throws Exception {
    String url = database(database, !"campaign-resume".equals(job), "tasks".equals(job));
    Path figures = dir.resolve(config + ".tsv");
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-Xmx" + System.getProperty("bench.heap", "512m"),
        "-Dbench.config=" + config, "-Dbench.job=" + job, "-Dbench.out=" + figures,
        "-DTUOYU_DB_URL=" + url, "-DTUOYU_DB_USER=postgres", "-DTUOYU_DB_PASSWORD=",
        "-Dserver.port=0", "-Dspring.main.banner-mode=off", "-Dlogging.level.root=WARN",
        // A stock query that would run for minutes is cut off and counted as failed.
        "-Dspring.datasource.hikari.connection-init-sql=SET statement_timeout = '30s'",
        // Registrations and campaigns started today may have deadlines in a year not bundled yet.
        "-Dtuoyu.calendar.data-dir=" + TestCalendars.fixtureDirectory()));
    if ("stock".equals(config)) {
      // Stock values of what the application tunes in its configuration files.
      command.add("-Dspring.datasource.hikari.data-source-properties.reWriteBatchedInserts=false");
      command.add("-Dcamunda.bpm.job-execution.lock-time-in-millis=300000");
    }
    // Extra JVM options for the nodes, e.g. a flight recording: -Dbench.node-options="-XX:StartFlightRecording=…"
    for (String option : System.getProperty("bench.node-options", "").trim().split("\\s+")) {
      if (!option.isEmpty()) {
        command.add(option);
      }
    }
    for (String key : List.of("bench.tasks", "bench.starts", "bench.institutions")) {
      if (System.getProperty(key) != null) {
        command.add("-D" + key + "=" + System.getProperty(key));
      }
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchNode.class.getName()));
    Path log = dir.resolve(config + "-" + job + (killAt > 0 ? "-killed" : "") + ".log");
    Bench.progress("starting %s %s (log: %s)", config, job, log);
    long started = System.nanoTime();
    Process node = new ProcessBuilder(command).redirectErrorStream(true).start();
    boolean killed = false;
    boolean ready = false;
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter logFile = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
      String line;
      while ((line = next(lines, killed)) != null) {
        logFile.println(line);
        if (!line.startsWith(Bench.PROGRESS)) {
          continue;
        }
        System.out.println(line);
        if (!ready && line.contains(" ready after ")) {
          ready = true;
          if ("tasks".equals(job)) {
            Bench.append(figures, new Figure("启动", "启动到就绪（含 JVM 启动）", "", "s",
                (System.nanoTime() - started) / 1e9, 1));
          }
        }
        if (killAt > 0 && !killed && line.contains("campaign-progress")) {
          String[] f = line.trim().split(" ");
          double share = Double.parseDouble(f[f.length - 2]) / Double.parseDouble(f[f.length - 1]);
          if (share >= killAt) {
            Bench.progress("killing %s %s (SIGKILL) at %.0f %% of the campaign", config, job, share * 100);
            node.destroyForcibly();
            killed = true;
          }
        }
      }
    }
    node.waitFor(1, TimeUnit.MINUTES);
    if (!killed && node.exitValue() != 0) {
      throw new IllegalStateException(config + " " + job + " failed with exit " + node.exitValue() + "; see " + log);
    }
  }

  /** The node's next output line; none once it has been killed and its pipe is gone. */
  private static String next(BufferedReader lines, boolean killed) throws IOException {
    try {
      return lines.readLine();
    } catch (IOException e) {
      if (killed) {
        return null;
      }
      throw e;
    }
  }

  /**
   * A database for one node; kept when a resumed node continues in it, or when a task-list node
   * finds it seeded in a kept data directory.
   */
  private String database(String name, boolean fresh, boolean reusable) throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      boolean exists = s.executeQuery("select 1 from pg_database where datname = '" + name + "'").next();
      if (fresh && !(exists && reusable && KEPT_DATA != null)) {
        s.execute("drop database if exists " + name);
        s.execute("create database " + name);
      }
    }
    return postgres.getJdbcUrl("postgres", name);
  }
}
