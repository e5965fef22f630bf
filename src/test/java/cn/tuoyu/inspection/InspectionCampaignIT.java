package cn.tuoyu.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuoyu.institution.CreditCode;
import cn.tuoyu.support.IntegrationTest;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
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
 * PostgreSQL, the real AnnualInspectionProcess. Two runners at once open each inspection exactly
 * once; a third run through the campaign process and the job executor finds nothing left. Prints
 * throughput and peak heap (figures, not a timed assertion).
 */
// In the shared IT context: a second application context in this JVM would register a second engine,
// and the webapps and REST layer find engines through static registries.
class InspectionCampaignIT extends IntegrationTest {

  private static final String COUNTY = "610632"; // 黄陵县: no demo data and no other test there
  private static final int INSTITUTIONS = 10_000;

  @Autowired CampaignService campaigns;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;

  @Test
  void tenThousandInstitutionsOpenedOnceByTwoRunnersAndAThirdFindsNothing() throws Exception {
    int year = Year.now().getValue();
    seedFiledInstitutions();

    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    System.gc();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long began = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<Integer>> runners = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        runners.add(pool.submit(() -> campaigns.runInline(year, COUNTY, "campaign-it")));
      }
      int opened = 0;
      for (Future<Integer> runner : runners) {
        opened += runner.get();
      }
      assertThat(opened).as("institutions taken up by both runners together").isEqualTo(INSTITUTIONS);
    } finally {
      pool.shutdown();
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    long peakHeap = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    System.out.printf("campaign: %,d institutions in %.1f s = %.0f starts/s by two runners; "
            + "peak heap (sum of pool peaks) %,d MB; max heap %,d MB%n",
        INSTITUTIONS, seconds, INSTITUTIONS / seconds, peakHeap >> 20, Runtime.getRuntime().maxMemory() >> 20);

    // Scoped to the county: the demo profile also opens this year's inspections in the demo counties.
    assertThat(jdbc.queryForObject("select count(*) from inspection where inspection_year = ? and kind = 'ANNUAL' "
        + "and credit_code in (select credit_code from institution where county_code = ?)",
        Integer.class, year, COUNTY)).isEqualTo(INSTITUTIONS);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("AnnualInspectionProcess")
        .tenantIdIn(COUNTY).count()).isEqualTo(INSTITUTIONS);
    assertThat(jdbc.queryForObject("select count(distinct business_key_) from act_ru_execution "
        + "where proc_def_key_ = 'AnnualInspectionProcess' and parent_id_ is null and tenant_id_ = ?", Integer.class, COUNTY))
        .as("one instance per inspection key").isEqualTo(INSTITUTIONS);

    // A third run, the way a supervisor starts it: the campaign process, its chunks on the job executor.
    campaigns.start(year, COUNTY);
    String key = InspectionCampaignProcess.businessKey(year, COUNTY);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count() > 0
        && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    var done = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).singleResult();
    assertThat(done.getEndTime()).as("campaign process finished").isNotNull();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("AnnualInspectionProcess")
        .tenantIdIn(COUNTY).count()).isEqualTo(INSTITUTIONS);
    var progress = campaigns.progress(year, COUNTY);
    assertThat(progress.total()).isEqualTo(INSTITUTIONS);
    assertThat(progress.started()).isEqualTo(INSTITUTIONS);
    assertThat(progress.finishedAt()).isNotNull();
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
