package cn.tuoyu.inspection;

import static org.camunda.bpm.engine.variable.Variables.integerValue;
import static org.camunda.bpm.engine.variable.Variables.stringValue;

import cn.tuoyu.identity.CountyRepository;
import cn.tuoyu.identity.CurrentUser;
import cn.tuoyu.inspection.CampaignRepository.Candidate;
import cn.tuoyu.inspection.InspectionCampaignProcess.Variables;
import cn.tuoyu.institution.InspectionHistory;
import cn.tuoyu.system.ConflictException;
import cn.tuoyu.system.NotFoundException;
import cn.tuoyu.system.ValidationClock;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The annual inspection campaign: opens the inspection of every filed institution of a scope,
 * chunk by chunk, each chunk one transaction. The scope is cut into slices of credit codes that run
 * side by side. Safe to run again and from two places at once: a chunk locks its slice's row and
 * opens only institutions that have no inspection of the year.
 */
@Service
public class CampaignService {

  /** The first year the system inspects; earlier results are entered by hand. */
  static final int FIRST_YEAR = 2020;

  /** One chunk of a slice: candidates found, inspections opened, the last credit code looked at. */
  public record Chunk(int size, int opened, String last) {}

  /** Where a campaign stands: institutions in scope and those whose inspection is open. */
  public record CampaignProgress(int year, String county, String countyName, int total, int started,
      boolean running, String startedBy, OffsetDateTime startedAt, OffsetDateTime finishedAt) {}

  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final CampaignRepository campaigns;
  private final InspectionService inspections;
  private final CountyRepository counties;
  private final CampaignSettings settings;
  private final TransactionTemplate transaction;
  private final CommandExecutor commands;

  public CampaignService(RuntimeService runtime, IdentityService identity, CampaignRepository campaigns,
      InspectionService inspections, CountyRepository counties, CampaignSettings settings,
      PlatformTransactionManager transactions, ProcessEngineConfigurationImpl engine) {
    this.runtime = runtime;
    this.repository = engine.getRepositoryService();
    this.identity = identity;
    this.campaigns = campaigns;
    this.inspections = inspections;
    this.counties = counties;
    this.settings = settings;
    this.transaction = new TransactionTemplate(transactions);
    this.commands = engine.getCommandExecutorTxRequired();
  }

  /** Starts the campaign process as the authenticated user; 409 while the same campaign runs. */
  public CampaignProgress start(int year, String county) {
    checkScope(year, county, CurrentUser.of(identity));
    String key = InspectionCampaignProcess.businessKey(year, county);
    if (isRunning(key)) {
      throw new ConflictException(year + " 年" + countyName(county) + "的年检批次正在启动中，请等待完成后再查看进度");
    }
    runtime.createProcessInstanceByKey(InspectionCampaignProcess.KEY)
        .businessKey(key)
        .setVariable(Variables.YEAR, year)
        .setVariable(Variables.COUNTY, county)
        .execute();
    return progress(year, county);
  }

  /** Task_RegisterCampaign: checks the request, counts the scope and cuts it into slices. */
  public void register(DelegateExecution execution) {
    int year = year(execution);
    String county = (String) execution.getVariable(Variables.COUNTY);
    Authentication caller = CurrentUser.of(identity);
    checkScope(year, county, caller);
    String by = caller.getUserId() != null ? caller.getUserId() : "system";
    ensureCampaign(year, county, by);
    execution.setProcessBusinessKey(InspectionCampaignProcess.businessKey(year, county));
    execution.setVariable(Variables.TOTAL, campaigns.countFiled(county));
    execution.setVariable(Variables.STARTED, campaigns.countOpened(year, county));
    execution.setVariable(Variables.SLICES, ensureSlices(year, county).size());
  }

  /**
   * Task_StartInspectionChunk, one slice (the multi-instance's {@code loopCounter}): opens the slice's
   * next chunk and tells the gateway whether more remain. Its variables are local to the slice, so
   * slices running side by side never update the same variable.
   */
  public void startChunk(DelegateExecution execution) {
    int year = year(execution);
    String county = (String) execution.getVariable(Variables.COUNTY);
    int slice = (Integer) execution.getVariable(Variables.SLICE);
    Chunk chunk = startNextChunk(year, county, slice, (String) execution.getVariable(Variables.SLICE_AFTER));
    Object before = execution.getVariableLocal(Variables.SLICE_STARTED);
    execution.setVariableLocal(Variables.SLICE_STARTED, (before == null ? 0 : (Integer) before) + chunk.opened());
    execution.setVariableLocal(Variables.SLICE_AFTER, chunk.last());
    execution.setVariableLocal(Variables.ALL_STARTED, chunk.size() < settings.chunkSize());
  }

  /** Task_FinishCampaign: the final count, and the campaign row's end. */
  public void finish(DelegateExecution execution) {
    int year = year(execution);
    String county = (String) execution.getVariable(Variables.COUNTY);
    execution.setVariable(Variables.STARTED, campaigns.countOpened(year, county));
    campaigns.markFinished(year, county);
  }

  /**
   * Opens up to one chunk of a slice's missing inspections, the next ones after credit code
   * {@code after} (null: from the slice's start), in one transaction (joining the caller's, e.g. the
   * job's). A chunk smaller than the chunk size means the slice has nothing left.
   */
  public Chunk startNextChunk(int year, String county, int slice, String after) {
    // One engine command for the whole chunk (the job's own when called from the chunk job): the
    // starts join it, and the engine writes their rows together at its end, in JDBC batches.
    return commands.execute(context -> transaction.execute(status -> {
      List<Candidate> chunk = campaigns.nextUnopened(year, county, campaigns.lockSlice(year, county, slice), after,
          settings.chunkSize());
      if (chunk.isEmpty()) {
        return new Chunk(0, 0, after);
      }
      boolean[] opened = campaigns.openAnnual(chunk, year, InspectionCampaignProcess.businessKey(year, county));
      // Latest version once per chunk: the engine would look it up again for every start.
      String definitionId = repository.createProcessDefinitionQuery()
          .processDefinitionKey(AnnualInspectionProcess.KEY).withoutTenantId().latestVersion().singleResult().getId();
      List<Candidate> toStart = new ArrayList<>();
      for (int n = 0; n < chunk.size(); n++) {
        if (opened[n]) {
          toStart.add(chunk.get(n));
        } // else opened by an overlapping campaign (city and county) a moment ago
      }
      inspections.withPreloaded(toStart.stream().map(c -> InspectionHistory.annualKey(c.creditCode(), year)).toList(),
          () -> toStart.forEach(c -> startAnnual(definitionId, c, year)));
      return new Chunk(chunk.size(), toStart.size(), chunk.get(chunk.size() - 1).creditCode());
    }));
  }

  /**
   * Starts one annual case with its references as transient variables: the start (tenant, checks,
   * gateway) reads them, and the case, which then waits for its self-report, keeps none of them; its
   * desk review writes them from the row (InspectionService#prepareDeskReview). Under full history each
   * stored variable would cost three rows per case, two thirds of a start's writes.
   */
  private void startAnnual(String definitionId, Candidate c, int year) {
    String inspectionKey = InspectionHistory.annualKey(c.creditCode(), year);
    runtime.createProcessInstanceById(definitionId)
        .businessKey(inspectionKey)
        .setVariables(org.camunda.bpm.engine.variable.Variables.createVariables()
            .putValueTyped(AnnualInspectionProcess.Variables.COUNTY, transientText(c.county()))
            .putValueTyped(AnnualInspectionProcess.Variables.CREDIT_CODE, transientText(c.creditCode()))
            .putValueTyped(AnnualInspectionProcess.Variables.INSPECTION_YEAR, integerValue(year, true))
            .putValueTyped(AnnualInspectionProcess.Variables.INSPECTION_KIND,
                transientText(AnnualInspectionProcess.Kind.ANNUAL.name()))
            .putValueTyped(AnnualInspectionProcess.Variables.INSPECTION_KEY, transientText(inspectionKey)))
        .execute();
  }

  private static StringValue transientText(String value) {
    return stringValue(value, true);
  }

  /**
   * Runs a whole campaign in the calling thread, slice after slice and chunk after chunk, without the
   * campaign process: for tests and benchmarks that measure the chunks themselves. Returns how many
   * inspections it opened.
   */
  public int runInline(int year, String county, String by) {
    ensureCampaign(year, county, by);
    int total = 0;
    for (CampaignRepository.Slice slice : ensureSlices(year, county)) {
      Chunk chunk = null;
      do {
        chunk = startNextChunk(year, county, slice.number(), chunk == null ? null : chunk.last());
        total += chunk.opened();
      } while (chunk.size() == settings.chunkSize());
    }
    return total;
  }

  public CampaignProgress progress(int year, String county) {
    Authentication caller = CurrentUser.of(identity);
    if (caller.getUserId() != null && !caller.getTenantIds().contains(county)) {
      throw new AuthorizationException("您无权查看" + countyName(county) + "的年检批次");
    }
    var campaign = campaigns.find(year, county)
        .orElseThrow(() -> new NotFoundException(year + " 年" + countyName(county) + "尚未发起年检"));
    return new CampaignProgress(year, county, countyName(county), campaigns.countFiled(county),
        campaigns.countOpened(year, county), isRunning(InspectionCampaignProcess.businessKey(year, county)),
        campaign.startedBy(), campaign.startedAt(), campaign.finishedAt());
  }

  /** The campaign's slices, cut at its first registration; later runs keep them (see V9). */
  private List<CampaignRepository.Slice> ensureSlices(int year, String county) {
    return transaction.execute(status -> {
      campaigns.lock(year, county);
      List<CampaignRepository.Slice> slices = campaigns.slices(year, county);
      // Slices no smaller than a chunk: a small county is one slice, as before slicing.
      return slices.isEmpty() ? campaigns.insertSlices(year, county, settings.slices(), settings.chunkSize()) : slices;
    });
  }

  private void ensureCampaign(int year, String county, String by) {
    try {
      transaction.executeWithoutResult(status -> campaigns.insertIfMissing(year, county, by));
    } catch (DuplicateKeyException e) {
      // A runner starting at the same moment registered it; its row is the one to lock.
    }
  }

  private boolean isRunning(String businessKey) {
    return CurrentUser.asSystem(identity, () -> runtime.createProcessInstanceQuery()
        .processDefinitionKey(InspectionCampaignProcess.KEY)
        .processInstanceBusinessKey(businessKey)
        .count() > 0);
  }

  /** The year must be one the system inspects; the scope one the caller belongs to. */
  private void checkScope(int year, String county, Authentication caller) {
    int thisYear = Year.now(ValidationClock.CHINA).getValue();
    if (year < FIRST_YEAR || year > thisYear) {
      throw new IllegalArgumentException("inspectionYear：年检年度须在 " + FIRST_YEAR + " 到 " + thisYear + " 年之间，收到 " + year);
    }
    if (county == null || !counties.isKnown(county)) {
      throw new IllegalArgumentException("county：年检范围 " + county + " 不是已登记的区县代码");
    }
    if (caller.getUserId() != null && !caller.getTenantIds().contains(county)) {
      throw new AuthorizationException("您不能对" + countyName(county) + "发起年检：不在您的管辖范围内");
    }
  }

  private String countyName(String county) {
    return counties.findByCode(county).map(c -> c.name()).orElse(county);
  }

  private static int year(DelegateExecution execution) {
    Object year = execution.getVariable(Variables.YEAR);
    if (year instanceof Number n) {
      return n.intValue();
    }
    throw new ProcessEngineException("inspectionYear：年检年度缺失或不是数字：" + year);
  }
}
