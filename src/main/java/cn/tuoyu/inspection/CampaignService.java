package cn.tuoyu.inspection;

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
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The annual inspection campaign: opens the inspection of every filed institution of a scope,
 * chunk by chunk, each chunk one transaction. Safe to run again and from two places at once: a
 * chunk locks the campaign row and opens only institutions that have no inspection of the year.
 */
@Service
public class CampaignService {

  /** The first year the system inspects; earlier results are entered by hand. */
  static final int FIRST_YEAR = 2020;

  /** Where a campaign stands: institutions in scope and those whose inspection is open. */
  public record CampaignProgress(int year, String county, String countyName, int total, int started,
      boolean running, String startedBy, OffsetDateTime startedAt, OffsetDateTime finishedAt) {}

  private final RuntimeService runtime;
  private final IdentityService identity;
  private final CampaignRepository campaigns;
  private final InspectionHistory history;
  private final CountyRepository counties;
  private final CampaignSettings settings;
  private final TransactionTemplate transaction;

  public CampaignService(RuntimeService runtime, IdentityService identity, CampaignRepository campaigns,
      InspectionHistory history, CountyRepository counties, CampaignSettings settings, PlatformTransactionManager transactions) {
    this.runtime = runtime;
    this.identity = identity;
    this.campaigns = campaigns;
    this.history = history;
    this.counties = counties;
    this.settings = settings;
    this.transaction = new TransactionTemplate(transactions);
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

  /** Task_RegisterCampaign: checks the request and counts the scope. */
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
  }

  /** Task_StartInspectionChunk: opens the next chunk and tells the gateway whether more remain. */
  public void startChunk(DelegateExecution execution) {
    int year = year(execution);
    String county = (String) execution.getVariable(Variables.COUNTY);
    int opened = startNextChunk(year, county);
    int started = (Integer) execution.getVariable(Variables.STARTED) + opened;
    execution.setVariable(Variables.STARTED, started);
    execution.setVariable(Variables.ALL_STARTED, opened < settings.chunkSize());
  }

  /** Task_FinishCampaign. */
  public void finish(DelegateExecution execution) {
    campaigns.markFinished(year(execution), (String) execution.getVariable(Variables.COUNTY));
  }

  /**
   * Opens up to one chunk of missing inspections in one transaction (joining the caller's, e.g. the
   * job's) and returns the size of the chunk: less than the chunk size means nothing is left.
   */
  public int startNextChunk(int year, String county) {
    Integer opened = transaction.execute(status -> {
      campaigns.lock(year, county);
      List<Candidate> chunk = campaigns.nextUnopened(year, county, settings.chunkSize());
      String by = InspectionCampaignProcess.businessKey(year, county);
      for (Candidate c : chunk) {
        String inspectionKey = InspectionHistory.annualKey(c.creditCode(), year);
        if (!history.openAnnual(c.creditCode(), year, by)) {
          continue; // opened by an overlapping campaign (city and county) a moment ago
        }
        runtime.createProcessInstanceByKey(AnnualInspectionProcess.KEY)
            .businessKey(inspectionKey)
            .setVariables(Map.of(
                AnnualInspectionProcess.Variables.COUNTY, c.county(),
                AnnualInspectionProcess.Variables.CREDIT_CODE, c.creditCode(),
                AnnualInspectionProcess.Variables.INSPECTION_YEAR, year,
                AnnualInspectionProcess.Variables.INSPECTION_KIND, AnnualInspectionProcess.Kind.ANNUAL.name(),
                AnnualInspectionProcess.Variables.INSPECTION_KEY, inspectionKey))
            .execute();
      }
      return chunk.size();
    });
    return opened == null ? 0 : opened;
  }

  /**
   * Runs a whole campaign in the calling thread, chunk after chunk, without the campaign process:
   * for tests and benchmarks that measure the chunks themselves. Returns how many it opened.
   */
  public int runInline(int year, String county, String by) {
    ensureCampaign(year, county, by);
    int total = 0;
    int opened;
    do {
      opened = startNextChunk(year, county);
      total += opened;
    } while (opened == settings.chunkSize());
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
