package cn.tuoyu.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.tuoyu.identity.CountyRepository;
import cn.tuoyu.inspection.InspectionCampaignProcess.Elements;
import cn.tuoyu.inspection.InspectionCampaignProcess.Variables;
import cn.tuoyu.institution.CreditCode;
import cn.tuoyu.institution.InspectionHistory;
import cn.tuoyu.institution.InstitutionRepository;
import cn.tuoyu.support.Registry;
import cn.tuoyu.support.TestEnginePlugin;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * InspectionCampaignProcess on the in-memory engine over a real registry (H2 with the migrations),
 * with a stand-in for the annual inspection it starts: chunks, scope, re-runs, two runners at once.
 */
@Deployment(resources = {"processes/inspection/InspectionCampaignProcess.bpmn",
    "inspection/AnnualInspectionProcessStub.bpmn"})
class InspectionCampaignProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension =
      ProcessEngineCoverageExtension.builder(TestEnginePlugin.CONFIGURATION).assertClassCoverageAtLeast(0.9).build();

  private static final String BAOTA = "610602";
  private static final String ANSAI = "610603";
  private static final int CHUNK = 20;
  private static final int SLICES = 3;

  private static DataSource dataSource;
  private static JdbcClient jdbc;
  private static int sequence;

  private ProcessEngine engine;
  private CampaignService campaigns;
  /** A year of its own per test, so that tests sharing the registry do not see each other's inspections. */
  private int year;

  @BeforeAll
  static void registry() {
    dataSource = Registry.migrated("campaign-test");
    jdbc = JdbcClient.create(dataSource);
  }

  @BeforeEach
  void wire() {
    engine = extension.getProcessEngine();
    campaigns = new CampaignService(engine.getRuntimeService(), engine.getIdentityService(),
        new CampaignRepository(jdbc, new JdbcTemplate(dataSource)),
        new InspectionService(engine.getRuntimeService(), engine.getIdentityService(), new InspectionHistory(jdbc),
            new InstitutionRepository(jdbc), new CountyRepository(jdbc)),
        new CountyRepository(jdbc),
        new CampaignSettings(CHUNK, SLICES), new DataSourceTransactionManager(dataSource),
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration());
    CampaignDelegates delegates = new CampaignDelegates();
    Mocks.register("registerCampaignDelegate", delegates.registerCampaignDelegate(campaigns));
    Mocks.register("startInspectionChunkDelegate", delegates.startInspectionChunkDelegate(campaigns));
    Mocks.register("finishCampaignDelegate", delegates.finishCampaignDelegate(campaigns));
    jdbc.sql("delete from inspection").update();
    jdbc.sql("delete from inspection_campaign_slice").update();
    jdbc.sql("delete from inspection_campaign").update();
    jdbc.sql("update institution set status = 'CLOSED_BY_TEST'").update();
    year = Year.now().getValue();
  }

  @AfterEach
  void reset() {
    Mocks.reset();
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void opensEveryFiledInstitutionOfTheCountyInChunks() {
    List<String> baota = institutions(BAOTA, 45, "FILED");
    institutions(BAOTA, 3, "REGISTERED");
    institutions(ANSAI, 5, "FILED");

    ProcessInstance campaign = start(year, BAOTA);
    assertThat(campaign.getBusinessKey()).isEqualTo("campaign-" + year + "-" + BAOTA);
    assertThat(campaign.getTenantId()).isEqualTo(BAOTA);
    assertThat(campaign).isWaitingAt(Elements.START_CHUNK);
    assertThat(campaign).variables().containsEntry(Variables.TOTAL, 45).containsEntry(Variables.STARTED, 0)
        .as("slices no smaller than a chunk").containsEntry(Variables.SLICES, 2);
    assertThat(engine.getManagementService().createJobQuery().activityId(Elements.START_CHUNK).count())
        .as("the slices run side by side").isEqualTo(2);

    assertThat(runChunks()).as("45 institutions in two slices of 22 and 23, in chunks of 20").isEqualTo(4);
    assertThat(campaign).hasPassed(Elements.FINISH_CAMPAIGN).isEnded();
    assertThat(historicVariable(campaign, Variables.STARTED)).isEqualTo(45);
    assertThat(inspectionKeys()).containsExactlyInAnyOrderElementsOf(
        baota.stream().map(code -> code + "-" + year).toList());
    ProcessInstance one = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(baota.get(0) + "-" + year).singleResult();
    // The case is the county's; its references were passed transient (the real process's desk review
    // writes them from the row), so the stand-in, which waits at once, stores none.
    assertThat(one.getTenantId()).isEqualTo(BAOTA);
    assertThat(one).isWaitingAt("Task_Stub").variables().isEmpty();
    assertThat(jdbc.sql("select finished_at from inspection_campaign where county_code = ?").param(BAOTA)
        .query(OffsetDateTime.class).single()).isNotNull();
  }

  @Test
  void cityScopeCoversEveryCounty() {
    institutions(BAOTA, 4, "FILED");
    institutions(ANSAI, 3, "FILED");
    ProcessInstance campaign = start(year, InspectionCampaignProcess.CITY);
    runChunks();
    assertThat(campaign).isEnded();
    assertThat(inspectionKeys()).hasSize(7);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().tenantIdIn(ANSAI).count()).isEqualTo(3);
  }

  @Test
  void runningAgainStartsOnlyWhatIsMissing() {
    institutions(BAOTA, 25, "FILED");
    start(year, BAOTA);
    runChunks();
    List<String> late = institutions(BAOTA, 2, "FILED");

    ProcessInstance again = start(year, BAOTA);
    assertThat(again).variables().containsEntry(Variables.TOTAL, 27).containsEntry(Variables.STARTED, 25);
    runChunks();
    assertThat(again).isEnded();
    assertThat(inspectionKeys()).hasSize(27).contains(late.get(0) + "-" + year, late.get(1) + "-" + year);
    assertThat(annualInstances()).isEqualTo(27);
  }

  @Test
  void twoRunnersAtOnceOpenEachInspectionOnce() throws Exception {
    institutions(BAOTA, 150, "FILED");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Callable<Integer> run = () -> campaigns.runInline(year, BAOTA, "test");
      Future<Integer> first = pool.submit(run);
      Future<Integer> second = pool.submit(run);
      first.get();
      second.get();
    } finally {
      pool.shutdown();
    }
    assertThat(inspectionKeys()).hasSize(150).doesNotHaveDuplicates();
    assertThat(annualInstances()).isEqualTo(150);
    assertThat(campaigns.runInline(year, BAOTA, "test")).as("a third run finds nothing").isZero();
  }

  @Test
  void progressCountsOpenedAgainstFiled() {
    institutions(BAOTA, 5, "FILED");
    start(year, BAOTA);
    var before = campaigns.progress(year, BAOTA);
    assertThat(before.total()).isEqualTo(5);
    assertThat(before.started()).isZero();
    assertThat(before.running()).isTrue();
    runChunks();
    var after = campaigns.progress(year, BAOTA);
    assertThat(after.started()).isEqualTo(5);
    assertThat(after.running()).isFalse();
    assertThat(after.finishedAt()).isNotNull();
    assertThat(after.countyName()).isEqualTo("宝塔区");
  }

  @Test
  void refusesUnknownScopeYearsOutsideTheSystemAndForeignCounties() {
    assertThatThrownBy(() -> start(year, "999999")).hasMessageContaining("county");
    assertThatThrownBy(() -> start(2019, BAOTA)).hasMessageContaining("inspectionYear");
    assertThatThrownBy(() -> start(year + 1, BAOTA)).hasMessageContaining("inspectionYear");
    engine.getIdentityService().setAuthentication("ansai-supervisor", List.of("supervisor"), List.of(ANSAI));
    assertThatThrownBy(() -> campaigns.start(year, BAOTA))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("宝塔区");
    assertThatThrownBy(() -> campaigns.progress(year, BAOTA)).isInstanceOf(AuthorizationException.class);
  }

  @Test
  void aRunningCampaignIsNotStartedTwice() {
    institutions(BAOTA, 1, "FILED");
    campaigns.start(year, BAOTA);
    assertThatThrownBy(() -> campaigns.start(year, BAOTA)).hasMessageContaining("正在启动中");
  }

  private ProcessInstance start(int inspectionYear, String county) {
    return engine.getRuntimeService().createProcessInstanceByKey(InspectionCampaignProcess.KEY)
        .setVariable(Variables.YEAR, inspectionYear)
        .setVariable(Variables.COUNTY, county)
        .execute();
  }

  /** Executes the campaign's jobs as the job executor would; returns how many chunks ran. */
  private int runChunks() {
    int runs = 0;
    List<Job> jobs;
    while (!(jobs = engine.getManagementService().createJobQuery()
        .processDefinitionKey(InspectionCampaignProcess.KEY).list()).isEmpty()) {
      Set<String> chunks = engine.getManagementService().createJobQuery().activityId(Elements.START_CHUNK).list()
          .stream().map(Job::getId).collect(Collectors.toSet());
      for (Job job : jobs) {
        boolean chunk = chunks.contains(job.getId());
        engine.getManagementService().executeJob(job.getId());
        runs += chunk ? 1 : 0;
      }
    }
    return runs;
  }

  private Object historicVariable(ProcessInstance instance, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(name).singleResult().getValue();
  }

  private List<String> inspectionKeys() {
    return jdbc.sql("select business_key from inspection where inspection_year = ?").param(year)
        .query(String.class).list();
  }

  private long annualInstances() {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("AnnualInspectionProcess")
        .count();
  }

  private static List<String> institutions(String county, int count, String status) {
    OffsetDateTime now = OffsetDateTime.now();
    return java.util.stream.IntStream.range(0, count).mapToObj(i -> {
      String first17 = "52" + county + String.format("MJ%07d", ++sequence);
      String code = first17 + CreditCode.checkCharacter(first17);
      jdbc.sql("insert into institution (credit_code, name, nature, county_code, address, legal_representative, "
              + "registration_authority, approved_at, status, created_at, updated_at) "
              + "values (?, ?, 'NON_PROFIT', ?, '延安市', '王五', 'establishment', ?, ?, ?, ?)")
          .params(code, "年检批次测试托育园" + sequence, county, now, status, now, now)
          .update();
      return code;
    }).toList();
  }
}
