package cn.tuoyu.inspection;

import cn.tuoyu.calendar.UnknownCalendarYearException;
import cn.tuoyu.calendar.WorkingDayCalendar;
import cn.tuoyu.closure.ClosureProcess;
import cn.tuoyu.identity.CurrentUser;
import cn.tuoyu.identity.Department;
import cn.tuoyu.inspection.AnnualInspectionProcess.Elements;
import cn.tuoyu.inspection.AnnualInspectionProcess.Variables;
import cn.tuoyu.institution.Certificate;
import cn.tuoyu.institution.CreditCode;
import cn.tuoyu.institution.IdNumber;
import cn.tuoyu.institution.InspectionHistory;
import cn.tuoyu.institution.InspectionResult;
import cn.tuoyu.institution.InstitutionNature;
import cn.tuoyu.institution.InstitutionRepository;
import cn.tuoyu.institution.InstitutionStatus;
import cn.tuoyu.institution.StaffRole;
import cn.tuoyu.rectification.RectificationProcess;
import cn.tuoyu.rectification.RectificationReportRequest;
import cn.tuoyu.rectification.RectificationService;
import cn.tuoyu.rectification.RectificationSettings;
import cn.tuoyu.registration.FilingRequest;
import cn.tuoyu.registration.FilingService;
import cn.tuoyu.registration.RegistrationDemoData;
import cn.tuoyu.registration.RegistrationFilingProcess;
import cn.tuoyu.registration.RegistrationRequest;
import cn.tuoyu.system.DemoData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo profile: this year's annual inspections of the filed demo institutions of 宝塔区, 安塞区 and
 * 延长县, left in every state a person of the county should see, and one institution whose second
 * failed year in a row has opened a closure case (关闭注销).
 *
 * <p>Runs after {@link RegistrationDemoData} ({@link Order}), which files the institutions. The county
 * supervisor starts each county's campaign (InspectionCampaignProcess, its chunk executed at once);
 * the portal submits self-reports and rectification reports; every task is claimed and completed by
 * the demo user who would do it (county health clerk, inspector1 and inspector2, the penalty
 * department's clerk) with the variables its form submits, so history and Cockpit name real people.
 * The asynchronous start of the closure case (Task_StartClosure) is executed at once.
 *
 * <p>Idempotent: everything is written in one transaction, and only while the dedicated closure
 * institution does not exist yet. Deadlines must stay inside the working-day calendar: a case whose
 * deadline would run past the calendar's last year is left waiting for its self-report (with a
 * warning), and when even the self-report deadline does not fit, nothing is seeded.
 */
@Component
@Order(InspectionDemoData.ORDER)
public class InspectionDemoData implements DemoData {

  /** After RegistrationDemoData ({@link RegistrationDemoData#ORDER}), whose filed institutions it inspects. */
  public static final int ORDER = RegistrationDemoData.ORDER + 10;

  private static final Logger LOG = LoggerFactory.getLogger(InspectionDemoData.class);

  /** Where a demo inspection is left at the end of seeding, and who has work there. */
  public enum DemoState {
    /** Opened by the campaign; the institution has not reported yet (no task for anybody). */
    AWAITING_SELF_REPORT("待提交自查报告"),
    /** Self-report in; 书面审查自查报告 for the county health clerk. */
    DESK_REVIEW("待书面审查"),
    /** Desk review done by the health clerk; 现场检查 for the county's inspectors. */
    ON_SITE("待现场检查"),
    /** Checklist completed by inspector1; 现场检查复核签字 for inspector2. */
    CO_SIGN("待复核签字"),
    /** Verdict FAIL with a critical finding: 限期整改 (10 working days), waiting for the report. */
    RECTIFYING("限期整改待报告"),
    /** Verdict FAIL: the rectification report is in; 整改复查 for the county's inspectors. */
    RECTIFICATION_REVIEW("待整改复查"),
    /** Last year FAILED (entered by hand), this year FAILED after two re-reviews and a penalty: 拟定关闭决定. */
    CLOSURE("待拟定关闭决定");

    private final String label;

    DemoState(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** One demo inspection: the institution and where its inspection of this year is left. */
  public record DemoInspection(String creditCode, String county, String name, DemoState state) {

    public String inspectionKey(int year) {
      return InspectionHistory.annualKey(creditCode, year);
    }

    String prefix() {
      return switch (county) {
        case BAOTA -> "baota";
        case ANSAI -> "ansai";
        case YANCHANG -> "yanchang";
        default -> throw new IllegalStateException(county);
      };
    }
  }

  static final String BAOTA = "610602";
  static final String ANSAI = "610603";
  static final String YANCHANG = "610621";
  static final List<String> COUNTIES = List.of(BAOTA, ANSAI, YANCHANG);

  /** Filed institutions of RegistrationDemoData (by their sequence number) and their inspection's state. */
  private static final Map<Integer, DemoState> FILED_DEMO_INSTITUTIONS = new LinkedHashMap<>();

  static {
    FILED_DEMO_INSTITUTIONS.put(1, DemoState.DESK_REVIEW);           // 宝塔区小太阳托育园
    FILED_DEMO_INSTITUTIONS.put(2, DemoState.ON_SITE);               // 宝塔区七彩虹婴幼儿托育中心
    FILED_DEMO_INSTITUTIONS.put(14, DemoState.CO_SIGN);              // 安塞区童心托育中心
    FILED_DEMO_INSTITUTIONS.put(15, DemoState.RECTIFYING);           // 安塞区金明街道社区托育服务站
    FILED_DEMO_INSTITUTIONS.put(16, DemoState.RECTIFICATION_REVIEW); // 安塞区腰鼓娃托育园
    FILED_DEMO_INSTITUTIONS.put(23, DemoState.DESK_REVIEW);          // 延长县七里村街道普惠托育中心
    FILED_DEMO_INSTITUTIONS.put(24, DemoState.AWAITING_SELF_REPORT); // 延长县油城宝贝托育园
  }

  /**
   * The institution that is closed: registered and filed here for this purpose only, so that the
   * registration demo keeps its own states. Its staff list gives the closure draft its candidates.
   */
  static final String CLOSURE_NAME = "宝塔区童趣岛托育园";
  static final String CLOSURE_CREDIT_CODE = creditCode("91" + BAOTA + "MA6JC0001");
  static final LocalDate CLOSURE_APPROVED_AT = LocalDate.of(2025, 3, 14);

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final CampaignService campaigns;
  private final InspectionService inspections;
  private final RectificationService rectifications;
  private final RectificationSettings rectificationSettings;
  private final InspectionSettings inspectionSettings;
  private final FilingService filings;
  private final InstitutionRepository institutions;
  private final InspectionHistory history;
  private final WorkingDayCalendar workdays;
  private final TransactionTemplate transaction;
  private final Map<String, Authentication> people = new HashMap<>();

  public InspectionDemoData(RuntimeService runtime, TaskService tasks, ManagementService management,
      RepositoryService repository, IdentityService identity, CampaignService campaigns, InspectionService inspections,
      RectificationService rectifications, RectificationSettings rectificationSettings,
      InspectionSettings inspectionSettings, FilingService filings, InstitutionRepository institutions,
      InspectionHistory history, WorkingDayCalendar workdays, PlatformTransactionManager transactionManager) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.repository = repository;
    this.identity = identity;
    this.campaigns = campaigns;
    this.inspections = inspections;
    this.rectifications = rectifications;
    this.rectificationSettings = rectificationSettings;
    this.inspectionSettings = inspectionSettings;
    this.filings = filings;
    this.institutions = institutions;
    this.history = history;
    this.workdays = workdays;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  /** The demo inspections: the filed registration demo institutions, then the closure institution. */
  public static List<DemoInspection> inspections() {
    List<DemoInspection> all = new ArrayList<>();
    for (RegistrationDemoData.DemoCase c : RegistrationDemoData.cases()) {
      DemoState state = FILED_DEMO_INSTITUTIONS.get(c.seq());
      if (state != null) {
        if (c.state() != RegistrationDemoData.DemoState.FILED) {
          throw new IllegalStateException("演示机构 " + c.name() + " 不是已备案机构，不能年检");
        }
        all.add(new DemoInspection(c.creditCode(), c.county(), c.name(), state));
      }
    }
    all.add(new DemoInspection(CLOSURE_CREDIT_CODE, BAOTA, CLOSURE_NAME, DemoState.CLOSURE));
    return all;
  }

  /** The institution whose closure case the demo opens. */
  public static String closureCreditCode() {
    return CLOSURE_CREDIT_CODE;
  }

  @Override
  public void seed() {
    for (String key : List.of(AnnualInspectionProcess.KEY, InspectionCampaignProcess.KEY, RectificationProcess.KEY,
        ClosureProcess.KEY, RegistrationFilingProcess.KEY)) {
      if (repository.createProcessDefinitionQuery().processDefinitionKey(key).count() == 0) {
        LOG.info("演示年检案件：流程 {} 未部署，跳过", key);
        return;
      }
    }
    if (institutions.exists(CLOSURE_CREDIT_CODE)) {
      LOG.info("演示年检案件：登记库中已有演示机构 {}（{}），不再生成", CLOSURE_NAME, CLOSURE_CREDIT_CODE);
      return;
    }
    LocalDate today = LocalDate.now(WorkingDayCalendar.ZONE);
    int year = today.getYear();
    if (!fits(today, inspectionSettings.getSelfReportWorkingDays())) {
      LOG.warn("演示年检案件：自查报告期限（{} 个工作日）超出工作日历的年份，无法启动演示年检，跳过（见 docs/working-day-calendar.md）",
          inspectionSettings.getSelfReportWorkingDays());
      return;
    }
    // The critical finding of the RECTIFYING and CLOSURE cases gives 10 working days, the plain FAIL 20.
    Map<DemoState, Integer> deadlines = Map.of(DemoState.RECTIFYING, 10, DemoState.RECTIFICATION_REVIEW, 20,
        DemoState.CLOSURE, 10);
    long started = System.nanoTime();
    Map<DemoState, Long> byState = new EnumMap<>(DemoState.class);
    List<String> skipped = new ArrayList<>();
    Map<String, Integer> opened = new LinkedHashMap<>();
    transaction.executeWithoutResult(status -> {
      fileClosureInstitution();
      history.enterPriorResult(CLOSURE_CREDIT_CODE, year - 1, InspectionResult.FAILED,
          "补录：" + (year - 1) + " 年度年审不合格（纸质档案，现场检查发现消防通道堵塞、晨午检记录缺失，整改复查仍不合格）",
          "baota-health-clerk");
      for (String county : COUNTIES) {
        opened.put(county, startCampaign(year, county));
      }
      for (DemoInspection d : inspections()) {
        String key = d.inspectionKey(year);
        if (history.find(key).isEmpty()) {
          skipped.add(d.name() + "（未开启年检）");
          continue;
        }
        Integer days = deadlines.get(d.state());
        if (days != null && !fits(today, days)) {
          LOG.warn("演示年检案件：{} 的整改期限（{} 个工作日）超出工作日历的年份，保留在“待提交自查报告”（见 docs/working-day-calendar.md）",
              d.name(), days);
          skipped.add(d.name());
          byState.merge(DemoState.AWAITING_SELF_REPORT, 1L, Long::sum);
          continue;
        }
        drive(d, year);
        byState.merge(d.state(), 1L, Long::sum);
      }
    });
    LOG.info("演示年检案件：{} 年度年检已启动（宝塔区 {}，安塞区 {}，延长县 {} 家）— {}；关闭注销 1 家（{}，上年度补录不合格）{}；用时 {} ms",
        year, opened.get(BAOTA), opened.get(ANSAI), opened.get(YANCHANG),
        byState.entrySet().stream().map(e -> e.getKey().label() + " " + e.getValue()).collect(Collectors.joining("，")),
        CLOSURE_NAME, skipped.isEmpty() ? "" : "；未推进：" + String.join("、", skipped),
        (System.nanoTime() - started) / 1_000_000);
  }

  private boolean fits(LocalDate from, int workingDays) {
    try {
      workdays.lastDay(from, workingDays);
      return true;
    } catch (UnknownCalendarYearException e) {
      return false;
    }
  }

  // --- the campaign

  /** The county supervisor starts the year's campaign; its chunks run here instead of on the job executor. */
  private int startCampaign(int year, String county) {
    String supervisor = prefix(county) + "-supervisor";
    as(supervisor, () -> campaigns.start(year, county));
    String businessKey = InspectionCampaignProcess.businessKey(year, county);
    String instanceId = runtime.createProcessInstanceQuery().processDefinitionKey(InspectionCampaignProcess.KEY)
        .processInstanceBusinessKey(businessKey).singleResult().getId();
    for (int guard = 0; guard < 1000; guard++) {
      List<Job> jobs = management.createJobQuery().processInstanceId(instanceId).list();
      if (jobs.isEmpty()) {
        return campaigns.progress(year, county).started();
      }
      jobs.forEach(j -> management.executeJob(j.getId()));
    }
    throw new IllegalStateException("演示年检批次 " + businessKey + " 未能完成");
  }

  // --- one inspection

  private void drive(DemoInspection d, int year) {
    String key = d.inspectionKey(year);
    String prefix = d.prefix();
    if (d.state() == DemoState.AWAITING_SELF_REPORT) {
      return;
    }
    as("portal", () -> inspections.submitSelfReport(key, selfReport(d, year)));
    if (d.state() == DemoState.DESK_REVIEW) {
      return;
    }
    work(key, Elements.DESK_REVIEW, prefix + "-health-clerk", Map.of(
        Variables.DESK_REVIEW_NOTE, deskReviewNote(d),
        Variables.ON_SITE_FOCUS, "核查消防通道和应急照明、晨午检及因病缺勤追踪记录、工作人员健康合格证明和资格证书原件、收费公示。"));
    if (d.state() == DemoState.ON_SITE) {
      return;
    }
    work(key, Elements.ON_SITE_INSPECTION, prefix + "-inspector1", checklist(d));
    if (d.state() == DemoState.CO_SIGN) {
      return;
    }
    work(key, Elements.CO_SIGN_INSPECTION, prefix + "-inspector2", Map.of(
        Variables.CO_SIGN_CONFIRMED, true,
        Variables.CO_SIGN_NOTE, "已到场核对，检查记录与现场情况一致。"));
    if (d.state() == DemoState.RECTIFYING) {
      return;
    }
    report(key, 1);
    if (d.state() == DemoState.RECTIFICATION_REVIEW) {
      return;
    }
    // CLOSURE: two failed re-reviews, then the penalty; the year ends FAILED, the second in a row.
    work(key, RectificationProcess.Elements.REVIEW, prefix + "-inspector1", Map.of(
        RectificationProcess.Variables.REVIEW_RESULT, RectificationProcess.ReviewResult.FAIL.name(),
        RectificationProcess.Variables.REVIEW_COMMENT, "复查发现安全出口仍被杂物堵塞，应急照明未更换，整改不合格，责令再次整改。"));
    report(key, 2);
    work(key, RectificationProcess.Elements.REVIEW, prefix + "-inspector1", Map.of(
        RectificationProcess.Variables.REVIEW_RESULT, RectificationProcess.ReviewResult.FAIL.name(),
        RectificationProcess.Variables.REVIEW_COMMENT, "第二次复查：疏散通道仍不畅通，晨午检记录仍不完整，整改不合格。"));
    Map<String, Object> penalty = new HashMap<>();
    penalty.put(RectificationProcess.Variables.PENALTY_KIND, RectificationProcess.PenaltyKind.FINE.name());
    penalty.put(RectificationProcess.Variables.PENALTY_AMOUNT, 5000.0);
    penalty.put(RectificationProcess.Variables.PENALTY_DECISION_NO, "延宝市监罚〔" + year + "〕31号");
    penalty.put(RectificationProcess.Variables.LEGAL_BASIS,
        "《中华人民共和国消防法》第六十条；《托育机构设置标准（试行）》《托育机构管理规范（试行）》");
    penalty.put(RectificationProcess.Variables.PENALTY_TEXT,
        "该机构年检发现疏散通道堵塞等重大安全隐患，经两次责令限期整改，复查仍不合格，决定给予罚款人民币伍仟元整。");
    work(key, RectificationProcess.Elements.DECIDE_PENALTY,
        prefix + "-" + rectificationSettings.getPenaltyDepartment() + "-clerk", penalty);
    // Task_StartClosure is asynchronous: run its job now, so the closure case waits at 拟定关闭决定.
    String inspectionId = runtime.createProcessInstanceQuery().processDefinitionKey(AnnualInspectionProcess.KEY)
        .processInstanceBusinessKey(key).singleResult().getId();
    Job startClosure = management.createJobQuery().processInstanceId(inspectionId)
        .activityId(Elements.START_CLOSURE).singleResult();
    if (startClosure == null) {
      throw new IllegalStateException("演示案件 " + key + " 没有等待执行的“启动关闭注销程序”作业：本年度结果为 "
          + history.resultOf(d.creditCode(), year).orElse(null));
    }
    management.executeJob(startClosure.getId());
    task(ClosureProcess.businessKey(d.creditCode()), ClosureProcess.Elements.DRAFT_DECISION);
  }

  private void report(String key, int round) {
    RectificationReportRequest report = round == 1
        ? new RectificationReportRequest("已按整改通知书逐项整改：清理疏散通道和安全出口堆放的杂物，更换损坏的应急照明灯 6 盏；"
            + "补齐晨午检和因病缺勤追踪记录；组织全体工作人员消防安全培训一次。",
            "清理杂物、更换应急照明、补记台账、消防培训", LocalDate.now(WorkingDayCalendar.ZONE))
        : new RectificationReportRequest("第二轮整改：疏散通道已划线并安排专人每日巡查，晨午检记录由保健员每日签字。",
            "划线定位、专人巡查、保健员签字制度", LocalDate.now(WorkingDayCalendar.ZONE));
    as("portal", () -> rectifications.submitReport(key, report));
  }

  private static SelfReportRequest selfReport(DemoInspection d, int year) {
    boolean closing = d.state() == DemoState.CLOSURE;
    return new SelfReportRequest(year + " 年度自查：" + d.name() + "对照《托育机构设置标准（试行）》《托育机构管理规范（试行）》开展自查。"
        + (closing
            ? "上年度年审不合格后已更换负责人，消防设施正在维修，部分工作人员资格证书仍在办理中。"
            : "安全管理、卫生保健、人员资质、设施设备、收费公示等制度健全，全年开展消防演练 2 次，收费标准在园区醒目位置公示。"),
        closing ? 28 : 36, closing ? 8 : 11, closing ? 1 : 0);
  }

  private static String deskReviewNote(DemoInspection d) {
    return switch (d.state()) {
      case CLOSURE -> "自查报告承认消防设施未修复、部分人员无证上岗，且上年度年审不合格，请现场重点核查。";
      case RECTIFYING, RECTIFICATION_REVIEW -> "自查报告内容完整，但消防演练记录与在托人数不符，需现场核实。";
      default -> "自查报告内容完整，材料齐全，未发现明显问题。";
    };
  }

  /** The on-site checklist as the form submits it: PASS-level scores for a case still open, FAIL for the others. */
  private static Map<String, Object> checklist(DemoInspection d) {
    Map<String, Object> v = new HashMap<>();
    boolean critical = d.state() == DemoState.RECTIFYING || d.state() == DemoState.CLOSURE;
    boolean failing = critical || d.state() == DemoState.RECTIFICATION_REVIEW;
    v.put(Variables.SAFETY_SCORE, failing ? 52.0 : 91.0);
    v.put(Variables.HEALTH_CARE_SCORE, failing ? 68.0 : 88.5);
    v.put(Variables.STAFFING_SCORE, failing ? 75.0 : 92.0);
    v.put(Variables.FACILITIES_SCORE, failing ? 70.0 : 86.0);
    v.put(Variables.FEE_DISCLOSURE_SCORE, failing ? 85.0 : 95.0);
    v.put(Variables.CRITICAL_FINDINGS, critical ? 1 : 0);
    v.put(Variables.FINDINGS, critical
        ? "1. 重大安全隐患：二层疏散通道和安全出口堆放床垫、纸箱，安全出口被堵塞；2. 应急照明灯 6 盏损坏；3. 晨午检记录缺失近两周。"
        : failing ? "1. 消防演练记录不全；2. 晨午检记录有缺页；3. 部分消毒记录未签字。" : "未发现问题。");
    return v;
  }

  // --- the closure institution

  /** Registered in 2025 by 行政审批局, filed through the registration case like any other institution. */
  private void fileClosureInstitution() {
    RegistrationRequest registration = new RegistrationRequest(CLOSURE_CREDIT_CODE, CLOSURE_NAME,
        InstitutionNature.FOR_PROFIT, false, BAOTA, "延安市宝塔区河庄坪街道河庄坪村便民服务中心旁 8 号", "薛建平",
        6, 12, 18, new BigDecimal("2100"), null, CLOSURE_APPROVED_AT);
    Map<String, Object> variables = new HashMap<>(registration.toVariables());
    // Started as the system: the engine takes the registration authority from the variables.
    variables.put(RegistrationFilingProcess.Variables.REGISTRATION_AUTHORITY, Department.APPROVAL.groupId());
    String instanceId = runtime.createProcessInstanceByKey(RegistrationFilingProcess.KEY)
        .businessKey(CLOSURE_CREDIT_CODE)
        .setVariables(variables)
        .execute()
        .getId();
    work(CLOSURE_CREDIT_CODE, RegistrationFilingProcess.Elements.PUSH_REGISTRATION, "baota-approval-clerk", Map.of());
    for (Task acknowledgement : tasks.createTaskQuery().processInstanceId(instanceId)
        .taskDefinitionKey(RegistrationFilingProcess.Elements.ACKNOWLEDGE_REGISTRATION).list()) {
      String department = (String) tasks.getVariable(acknowledgement.getId(),
          RegistrationFilingProcess.Variables.ACKNOWLEDGING_DEPARTMENT);
      String clerk = "baota-" + department + "-clerk";
      as(clerk, () -> {
        tasks.claim(acknowledgement.getId(), clerk);
        tasks.complete(acknowledgement.getId(), Map.of());
        return null;
      });
    }
    as("portal", () -> filings.submit(closureFiling()));
    Job checks = management.createJobQuery().processInstanceId(instanceId)
        .activityId(RegistrationFilingProcess.Elements.RUN_FILING_CHECKS).singleResult();
    management.executeJob(checks.getId());
    work(CLOSURE_CREDIT_CODE, RegistrationFilingProcess.Elements.REVIEW_FILING, "baota-health-clerk", Map.of(
        RegistrationFilingProcess.Variables.REVIEW_DECISION, RegistrationFilingProcess.ReviewDecision.APPROVE.name()));
    if (institutions.find(CLOSURE_CREDIT_CODE).map(i -> i.status()).orElse(null) != InstitutionStatus.FILED) {
      throw new IllegalStateException("演示机构 " + CLOSURE_NAME + " 未能备案");
    }
  }

  /** Eight people; the principal and the health-care worker are the closure draft's candidates. */
  static FilingRequest closureFiling() {
    List<FilingRequest.Staff> staff = List.of(
        new FilingRequest.Staff("薛建平", idNumber("610602", LocalDate.of(1978, 6, 9), 131), StaffRole.PRINCIPAL,
            List.of(Certificate.TEACHER, Certificate.CHILDCARE_WORKER)),
        new FilingRequest.Staff("贺晓琳", idNumber("610602", LocalDate.of(1987, 2, 21), 224), StaffRole.HEALTH_CARE,
            List.of(Certificate.HEALTH_CARE)),
        new FilingRequest.Staff("呼艳妮", idNumber("610603", LocalDate.of(1994, 10, 3), 342), StaffRole.CAREGIVER,
            List.of(Certificate.CHILDCARE_WORKER)),
        new FilingRequest.Staff("拓丹", idNumber("610602", LocalDate.of(1996, 4, 17), 168), StaffRole.CAREGIVER,
            List.of(Certificate.INFANT_CARER)),
        new FilingRequest.Staff("刘思雨", idNumber("610625", LocalDate.of(1999, 12, 1), 406), StaffRole.CAREGIVER,
            List.of(Certificate.CHILDCARE_WORKER, Certificate.INFANT_CARER)),
        new FilingRequest.Staff("高佳怡", idNumber("610602", LocalDate.of(2001, 7, 26), 288), StaffRole.CAREGIVER,
            List.of(Certificate.CHILDCARE_WORKER)),
        new FilingRequest.Staff("白雅楠", idNumber("610621", LocalDate.of(1992, 5, 30), 520), StaffRole.CAREGIVER,
            List.of(Certificate.TEACHER, Certificate.CHILDCARE_WORKER)),
        new FilingRequest.Staff("郝海军", idNumber("610602", LocalDate.of(1971, 9, 12), 615), StaffRole.COOK,
            List.of(Certificate.CHILDCARE_WORKER)));
    return new FilingRequest(CLOSURE_CREDIT_CODE, "营业执照 " + CLOSURE_CREDIT_CODE,
        "租赁房产，租期 2025年3月1日至2030年2月28日，一层，建筑面积 420 平方米，户外活动场地 100 平方米",
        "宝塔区住房和城乡建设局特殊建设工程消防验收意见书，结论合格，编号 XFYS-610602-2025-071",
        "宝塔区妇幼保健院托育机构卫生评价报告，结论合格，编号 WSPJ-610602-2025-033",
        "保育费 2100 元/月（乳儿班 2300 元/月），伙食费 400 元/月，按月收取", staff);
  }

  // --- acting as the demo users

  /** Claims and completes the single open task of a case as the given user. */
  private void work(String businessKey, String taskKey, String userId, Map<String, Object> variables) {
    String taskId = task(businessKey, taskKey).getId();
    as(userId, () -> {
      tasks.claim(taskId, userId);
      tasks.complete(taskId, variables);
      return null;
    });
  }

  private Task task(String businessKey, String taskKey) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey)
        .singleResult();
    if (task == null) {
      throw new IllegalStateException("演示案件 " + businessKey + " 没有任务 " + taskKey);
    }
    return task;
  }

  /** Runs as the demo user, with the groups and counties the REST filters would give them. */
  private <T> T as(String userId, Supplier<T> work) {
    return CurrentUser.as(identity, people.computeIfAbsent(userId, id -> CurrentUser.of(identity, id)), work);
  }

  private static String prefix(String county) {
    return new DemoInspection("", county, "", DemoState.AWAITING_SELF_REPORT).prefix();
  }

  private static String creditCode(String first17) {
    return first17 + CreditCode.checkCharacter(first17);
  }

  private static String idNumber(String place, LocalDate born, int serial) {
    String first17 = place + String.format(Locale.ROOT, "%04d%02d%02d%03d", born.getYear(), born.getMonthValue(),
        born.getDayOfMonth(), serial);
    return first17 + IdNumber.checkCharacter(first17);
  }

  /** For the summary and the IT: the demo inspections in a state. */
  public static List<DemoInspection> inState(DemoState state) {
    return inspections().stream().filter(d -> d.state() == state).toList();
  }
}
