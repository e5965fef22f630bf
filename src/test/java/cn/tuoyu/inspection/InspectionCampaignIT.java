package cn.tuoyu.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuoyu.institution.CreditCode;
import cn.tuoyu.support.IntegrationTest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The annual campaign at the size of a province's county seat: 10,000 filed institutions on
 * PostgreSQL, the real AnnualInspectionProcess. The campaign process, its slices side by side on the
 * job executor, and at the same time a second runner (as a second node or a re-run would) open each
 * inspection exactly once; a third run finds nothing left. Prints throughput and peak heap (figures,
 * not a timed assertion); {@code -Dcampaign.institutions=100000} measures the city-wide size of issue 8.
 */
// In the shared IT context: a second application context in this JVM would register a second engine,
// and the webapps and REST layer find engines through static registries.
class InspectionCampaignIT extends IntegrationTest {

  private static final String COUNTY = "610632"; // 黄陵县: no demo data and no other test there
  private static final int INSTITUTIONS = Integer.getInteger("campaign.institutions", 10_000);

  @Autowired CampaignService campaigns;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;

  @Test
  void tenThousandInstitutionsOpenedOnceByTheCampaignAndASecondRunnerAndAThirdFindsNothing() throws Exception {
    int year = Year.now().getValue();
    seedFiledInstitutions();

    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    System.gc();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long cpuBefore = cpuMillis();
    long jvmCpuBefore = jvmCpuMillis();
    long began = System.nanoTime();
    // The way a supervisor starts it: the campaign process, its slices' chunks on the job executor.
    campaigns.start(year, COUNTY);
    String key = InspectionCampaignProcess.businessKey(year, COUNTY);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    int bySecondRunner;
    try {
      Future<Integer> second = pool.submit(() -> campaigns.runInline(year, COUNTY, "campaign-it"));
      long deadline = System.nanoTime() + Duration.ofSeconds(60 + INSTITUTIONS / 50).toNanos();
      while (runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count() > 0
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      bySecondRunner = second.get();
    } finally {
      pool.shutdown();
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    long cpu = cpuMillis() - cpuBefore;
    long jvmCpu = jvmCpuMillis() - jvmCpuBefore;
    long peakHeap = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    System.out.printf("campaign: %,d institutions in %.1f s = %.0f starts/s by the campaign process and a second "
            + "runner (which opened %,d); CPU %.2f ms per start (this JVM %.2f, the rest PostgreSQL); "
            + "peak heap (sum of pool peaks) %,d MB; max heap %,d MB%n",
        INSTITUTIONS, seconds, INSTITUTIONS / seconds, bySecondRunner, (double) cpu / INSTITUTIONS,
        (double) jvmCpu / INSTITUTIONS, peakHeap >> 20, Runtime.getRuntime().maxMemory() >> 20);

    var done = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).singleResult();
    assertThat(done.getEndTime()).as("campaign process finished").isNotNull();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(done.getId())
        .variableName(InspectionCampaignProcess.Variables.STARTED).singleResult().getValue()).isEqualTo(INSTITUTIONS);
    // Scoped to the county: the demo profile also opens this year's inspections in the demo counties.
    assertThat(jdbc.queryForObject("select count(*) from inspection where inspection_year = ? and kind = 'ANNUAL' "
        + "and credit_code in (select credit_code from institution where county_code = ?)",
        Integer.class, year, COUNTY)).isEqualTo(INSTITUTIONS);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("AnnualInspectionProcess")
        .tenantIdIn(COUNTY).count()).isEqualTo(INSTITUTIONS);
    assertThat(jdbc.queryForObject("select count(distinct business_key_) from act_ru_execution "
        + "where proc_def_key_ = 'AnnualInspectionProcess' and parent_id_ is null and tenant_id_ = ?", Integer.class, COUNTY))
        .as("one instance per inspection key").isEqualTo(INSTITUTIONS);
    var progress = campaigns.progress(year, COUNTY);
    assertThat(progress.total()).isEqualTo(INSTITUTIONS);
    assertThat(progress.started()).isEqualTo(INSTITUTIONS);
    assertThat(progress.finishedAt()).isNotNull();

    assertThat(campaigns.runInline(year, COUNTY, "campaign-it")).as("a third run finds nothing").isZero();
  }

  private static long jvmCpuMillis() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1_000_000;
  }

  /**
   * CPU time used so far by this JVM and the embedded PostgreSQL with its backends, from /proc: on a machine shared with other work, a steadier figure than seconds.
   */
  private long cpuMillis() {
    Map<Long, Long> parents = new HashMap<>();
    Map<Long, Long> ticks = new HashMap<>();
    try (var dirs = Files.list(Path.of("/proc"))) {
      dirs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(d -> {
        try {
          String stat = Files.readString(d.resolve("stat"));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          long pid = Long.parseLong(d.getFileName().toString());
          parents.put(pid, Long.parseLong(f[1]));
          ticks.put(pid, Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]));
        } catch (IOException | RuntimeException e) {
          // a process that ended meanwhile
        }
      });
    } catch (IOException e) {
      return 0;
    }
    // pg_ctl starts the server, so it is no child of this JVM: find it as a backend's parent.
    Long postmaster = parents.get(jdbc.queryForObject("select pg_backend_pid()", Long.class));
    Set<Long> roots = Set.of(ProcessHandle.current().pid(), postmaster == null ? -1 : postmaster);
    long total = 0;
    for (var entry : ticks.entrySet()) {
      for (Long p = entry.getKey(); p != null && p > 1; p = parents.get(p)) {
        if (roots.contains(p)) {
          total += entry.getValue();
          break;
        }
      }
    }
    return total * 10; // USER_HZ = 100
  }

  private void seedFiledInstitutions() {
    OffsetDateTime now = OffsetDateTime.now();
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < INSTITUTIONS; i++) {
      String first17 = "52" + COUNTY + String.format("MJ%07d", i);
      rows.add(new Object[] {first17 + CreditCode.checkCharacter(first17), "黄陵县第" + i + "托育园", COUNTY, now, now,
          now, now});
    }
    jdbc.batchUpdate("insert into institution (credit_code, name, nature, county_code, address, legal_representative, "
        + "registration_authority, approved_at, status, filed_at, created_at, updated_at) "
        + "values (?, ?, 'NON_PROFIT', ?, '黄陵县', '王五', 'establishment', ?, 'FILED', ?, ?, ?)", rows);
  }
}
