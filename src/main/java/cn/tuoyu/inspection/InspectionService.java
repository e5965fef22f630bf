package cn.tuoyu.inspection;

import cn.tuoyu.system.RuleViolationException;
import cn.tuoyu.identity.CountyRepository;
import cn.tuoyu.identity.CurrentUser;
import cn.tuoyu.identity.Department;
import cn.tuoyu.inspection.AnnualInspectionProcess.Kind;
import cn.tuoyu.inspection.AnnualInspectionProcess.Variables;
import cn.tuoyu.inspection.AnnualInspectionProcess.Verdict;
import cn.tuoyu.institution.CreditCode;
import cn.tuoyu.institution.InspectionHistory;
import cn.tuoyu.institution.InspectionHistory.Checklist;
import cn.tuoyu.institution.InspectionHistory.Inspection;
import cn.tuoyu.institution.InspectionHistory.SelfReport;
import cn.tuoyu.institution.InspectionResult;
import cn.tuoyu.institution.Institution;
import cn.tuoyu.institution.InstitutionRepository;
import cn.tuoyu.institution.InstitutionStatus;
import cn.tuoyu.system.ConflictException;
import cn.tuoyu.system.NotFoundException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 年度检查 and 专项检查: the institution's self-report, the desk review, the on-site checklist with
 * its co-signature by a second inspector, the verdict and the year's result, all recorded on the
 * inspection's row in table {@code inspection}.
 */
@Service
public class InspectionService {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

  /** The five scores of the on-site checklist: variable name → label. */
  static final Map<String, String> SCORES = new LinkedHashMap<>();

  static {
    SCORES.put(Variables.SAFETY_SCORE, "安全管理");
    SCORES.put(Variables.HEALTH_CARE_SCORE, "卫生保健");
    SCORES.put(Variables.STAFFING_SCORE, "人员资质");
    SCORES.put(Variables.FACILITIES_SCORE, "设施设备");
    SCORES.put(Variables.FEE_DISCLOSURE_SCORE, "收费公示");
  }

  /** A self-report handed to its waiting inspection. */
  public record SelfReportResult(String inspectionKey, String processInstanceId) {}

  /** A special inspection that was opened and started. */
  public record SpecialInspectionResult(String inspectionKey, String creditCode, int inspectionYear,
      String processInstanceId) {}

  /** Rows Task_OpenInspection reads, loaded for a whole chunk of the campaign (see {@link #withPreloaded}). */
  private record Preloaded(Map<String, Inspection> inspections) {}

  private static final ThreadLocal<Preloaded> PRELOADED = new ThreadLocal<>();

  private final RuntimeService runtime;
  private final IdentityService identity;
  private final InspectionHistory history;
  private final InstitutionRepository institutions;
  private final CountyRepository counties;

  public InspectionService(RuntimeService runtime, IdentityService identity, InspectionHistory history,
      InstitutionRepository institutions, CountyRepository counties) {
    this.runtime = runtime;
    this.identity = identity;
    this.history = history;
    this.institutions = institutions;
    this.counties = counties;
  }

  // --- API

  /**
   * Stores the self-report and hands it to the inspection waiting for it, in one transaction: when
   * no inspection waits (unknown key, a special inspection, already submitted or overdue), nothing
   * is written.
   */
  @Transactional
  public SelfReportResult submitSelfReport(String inspectionKey, SelfReportRequest request) {
    Inspection inspection = history.find(inspectionKey)
        .filter(i -> Kind.ANNUAL.name().equals(i.kind()))
        .orElseThrow(() -> noSelfReportAwaited(inspectionKey));
    boolean awaited = runtime.createExecutionQuery()
        .processInstanceBusinessKey(inspectionKey)
        .messageEventSubscriptionName(AnnualInspectionProcess.MESSAGE_SELF_REPORT_SUBMITTED)
        .count() > 0;
    if (!awaited) {
      throw noSelfReportAwaited(inspectionKey);
    }
    history.recordSelfReport(inspection.businessKey(), new SelfReport(request.report().trim(),
        request.enrolledChildren(), request.staffCount(), request.safetyIncidents()));
    try {
      var result = runtime.createMessageCorrelation(AnnualInspectionProcess.MESSAGE_SELF_REPORT_SUBMITTED)
          .processInstanceBusinessKey(inspectionKey)
          .correlateWithResult();
      return new SelfReportResult(inspectionKey, result.getExecution().getProcessInstanceId());
    } catch (MismatchingMessageCorrelationException e) {
      throw noSelfReportAwaited(inspectionKey);
    }
  }

  /**
   * Opens a special inspection (专项检查) of a filed institution in the caller's county and starts
   * its case. Only the county's health department (clerks and supervisors) may order one.
   */
  @Transactional
  public SpecialInspectionResult startSpecial(SpecialInspectionRequest request) {
    Authentication caller = CurrentUser.of(identity);
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    if (caller.getUserId() != null && !groups.contains(Department.HEALTH.groupId())) {
      throw new AuthorizationException("只有卫健部门的经办或监管人员可以发起专项检查");
    }
    String creditCode = CreditCode.parse(request.creditCode()).value();
    Institution institution = institutions.find(creditCode)
        .filter(i -> caller.getUserId() == null || caller.getTenantIds().contains(i.countyCode()))
        .orElseThrow(() -> new NotFoundException("没有统一社会信用代码为 " + creditCode + " 的本辖区托育机构"));
    if (institution.status() != InstitutionStatus.FILED) {
      throw new ConflictException("机构 " + institution.name() + " 当前状态为“" + institution.status().label()
          + "”，只有已备案的机构可以进行专项检查");
    }
    int year = LocalDate.now(ZONE).getYear();
    String by = caller.getUserId() != null ? caller.getUserId() : "system";
    String key = history.openSpecial(creditCode, year, request.reason().trim(), by);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(Variables.COUNTY, institution.countyCode());
    variables.put(Variables.CREDIT_CODE, creditCode);
    variables.put(Variables.INSPECTION_YEAR, year);
    variables.put(Variables.INSPECTION_KIND, Kind.SPECIAL.name());
    variables.put(Variables.INSPECTION_KEY, key);
    String id = runtime.createProcessInstanceByKey(AnnualInspectionProcess.KEY)
        .businessKey(key)
        .setVariables(variables)
        .execute()
        .getId();
    return new SpecialInspectionResult(key, creditCode, year, id);
  }

  /**
   * Runs {@code starts} (instance starts in the calling thread and transaction) with the rows that
   * Task_OpenInspection reads for these inspections loaded beforehand, one query for a whole chunk
   * of the campaign instead of one per instance. Keys it was not given are read as usual.
   */
  public void withPreloaded(Collection<String> inspectionKeys, Runnable starts) {
    Map<String, Inspection> inspections = history.findAll(inspectionKeys).stream()
        .collect(Collectors.toMap(Inspection::businessKey, i -> i));
    Preloaded outer = PRELOADED.get();
    PRELOADED.set(new Preloaded(inspections));
    try {
      starts.run();
    } finally {
      if (outer == null) {
        PRELOADED.remove();
      } else {
        PRELOADED.set(outer);
      }
    }
  }

  // --- the model's service tasks

  /**
   * Task_OpenInspection: the row must exist and agree with the start; the self-report deadline starts
   * today unless given. An annual case then waits, often for weeks, for its self-report: its case
   * variables are written when its desk review begins ({@link #prepareDeskReview}), so that the
   * campaign's 100,000 waiting cases cost few rows (a campaign passes them as transient variables).
   * A special inspection goes on to the on-site inspection and gets them now.
   */
  public void openInspection(DelegateExecution execution) {
    String key = inspectionKey(execution);
    Preloaded preloaded = PRELOADED.get();
    Inspection inspection = Optional.ofNullable(preloaded == null ? null : preloaded.inspections().get(key))
        .or(() -> history.find(key))
        .orElseThrow(() -> new ProcessEngineException("没有业务编号为 " + key + " 的检查记录：请先登记检查，再启动流程"));
    Kind kind = kind(execution);
    if (!kind.name().equals(inspection.kind())) {
      throw new ProcessEngineException("检查 " + key + " 登记为 " + inspection.kind() + "，流程变量 inspectionKind 却是 " + kind);
    }
    if (!inspection.creditCode().equals(execution.getVariable(Variables.CREDIT_CODE))
        || !key.equals(execution.getVariable(Variables.INSPECTION_KEY))) {
      throw new ProcessEngineException("检查 " + key + " 的流程变量 creditCode、inspectionKey 与检查记录不一致");
    }
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(key);
    }
    if (kind == Kind.SPECIAL) {
      writeCaseVariables(execution, inspection);
    }
  }

  /** Task_MarkSelfReportOverdue: 逾期未提交自查报告, on the row and for the desk review. */
  public void markSelfReportOverdue(DelegateExecution execution) {
    history.markSelfReportOverdue(inspectionKey(execution));
    execution.setVariable(Variables.SELF_REPORT_OVERDUE, true);
  }

  /** Task_RecordVerdict: the decision's result becomes {@code verdict} and goes on the row. */
  public void recordVerdict(DelegateExecution execution) {
    Object result = execution.getVariable(Variables.VERDICT_RESULT);
    if (!(result instanceof Map<?, ?> map) || map.get(Variables.VERDICT) == null) {
      throw new ProcessEngineException("年检结论判定没有得出结论（verdictResult 为空），请检查现场检查评分");
    }
    Verdict verdict = Verdict.valueOf(map.get(Variables.VERDICT).toString());
    Object reason = map.get(Variables.VERDICT_REASON);
    history.recordVerdict(inspectionKey(execution), verdict.name(), reason == null ? null : reason.toString());
    execution.setVariable(Variables.VERDICT, verdict.name());
    execution.setVariable(Variables.VERDICT_REASON, reason);
    execution.removeVariable(Variables.VERDICT_RESULT);
  }

  /**
   * Task_RecordResult: PASSED when the verdict was PASS or the rectification passed, FAILED
   * otherwise; for an annual review also whether the year before failed too.
   */
  public void recordResult(DelegateExecution execution) {
    // Kind, institution, year and verdict from the row: a task form could have overwritten the variables.
    Inspection inspection = history.find(inspectionKey(execution)).orElseThrow();
    Verdict verdict = Verdict.valueOf(inspection.verdict());
    boolean passed = verdict == Verdict.PASS
        || Boolean.TRUE.equals(execution.getVariable(Variables.RECTIFICATION_PASSED));
    InspectionResult result = passed ? InspectionResult.PASSED : InspectionResult.FAILED;
    String note = "现场检查结论：" + verdict.label()
        + (verdict == Verdict.PASS ? "" : passed ? "；限期整改复查合格" : "；限期整改复查不合格");
    boolean twoYears = false;
    if (Kind.ANNUAL.name().equals(inspection.kind())) {
      history.recordResult(inspection.creditCode(), inspection.inspectionYear(), result, note);
      twoYears = history.failedTwoYearsInARow(inspection.creditCode(), inspection.inspectionYear());
    } else {
      history.recordResultOf(inspection.businessKey(), result, note);
    }
    execution.setVariable(Variables.INSPECTION_RESULT, result.name());
    execution.setVariable(Variables.FAILED_TWO_YEARS_IN_A_ROW, twoYears);
  }

  // --- the model's task listeners

  /**
   * Task_DeskReview created: the case variables from the row (see {@link #openInspection}), and the
   * self-report as submitted, for this task only.
   */
  public void prepareDeskReview(DelegateTask task) {
    Inspection i = history.find(inspectionKey(task)).orElseThrow();
    writeCaseVariables(task.getExecution(), i);
    String text;
    if (i.selfReportSubmittedAt() != null) {
      text = String.join("\n",
          "提交时间：" + CHINESE_DATE.format(i.selfReportSubmittedAt().atZoneSameInstant(ZONE)),
          "在托婴幼儿数：" + i.selfReportChildren() + " 人",
          "工作人员数：" + i.selfReportStaff() + " 人",
          "本年度安全事故数：" + i.selfReportIncidents() + " 起",
          "自查情况：",
          i.selfReport());
    } else if (i.selfReportOverdue()) {
      text = "自查报告：逾期未提交。机构在规定的工作日内未提交年度自查报告，已记录逾期；请在书面审查意见中写明，并列为现场检查重点。";
    } else {
      text = "自查报告：未提交。";
    }
    task.setVariableLocal(Variables.SELF_REPORT_SUMMARY, text);
  }

  /** Task_DeskReview completing: an opinion is required; it goes on the row. */
  public void checkDeskReview(DelegateTask task) {
    String note = text(task.getVariable(Variables.DESK_REVIEW_NOTE));
    if (note == null) {
      throw new RuleViolationException("请填写书面审查意见");
    }
    if (note.length() > 1000) {
      throw new RuleViolationException("书面审查意见不能超过 1000 字");
    }
    history.recordDeskReview(inspectionKey(task), note, actor(task, "完成书面审查"));
  }

  /** Task_OnSiteInspection completing: the checklist must be complete and valid; it goes on the row. */
  public void checkOnSiteInspection(DelegateTask task) {
    Checklist checklist = checklist(task);
    String inspector = actor(task, "提交现场检查记录");
    task.setVariable(Variables.CRITICAL_FINDINGS, checklist.criticalFindings());
    task.setVariable(Variables.INSPECTOR1, inspector);
    history.recordChecklist(inspectionKey(task), checklist, inspector);
  }

  /**
   * Task_CoSignInspection on assignment and on complete: the second signature must come from
   * another inspector than the one who completed the checklist (双人检查), and must not change it.
   */
  public void checkCoSign(DelegateTask task) {
    // Who filled in the checklist comes from the row: the form shows inspector1 and posts it back.
    Inspection recorded = history.find(inspectionKey(task)).orElseThrow();
    String inspector1 = recorded.inspector1();
    if (TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      if (task.getAssignee() != null && task.getAssignee().equals(inspector1)) {
        throw new RuleViolationException(sameInspector(inspector1));
      }
      return;
    }
    if (inspector1 == null || recorded.criticalFindings() == null) {
      throw new RuleViolationException("检查 " + recorded.businessKey() + " 还没有现场检查记录，无法复核签字");
    }
    String signer = actor(task, "复核签字");
    if (signer.equals(inspector1)) {
      throw new RuleViolationException(sameInspector(inspector1));
    }
    if (!Boolean.TRUE.equals(task.getVariable(Variables.CO_SIGN_CONFIRMED))) {
      throw new RuleViolationException("请确认已到场核对现场检查记录，方可复核签字");
    }
    List<BigDecimal> before = List.of(recorded.safetyScore(), recorded.healthCareScore(), recorded.staffingScore(),
        recorded.facilitiesScore(), recorded.feeDisclosureScore());
    List<String> names = List.copyOf(SCORES.keySet());
    for (int n = 0; n < names.size(); n++) {
      BigDecimal now = decimal(task.getVariable(names.get(n)));
      if (now == null || before.get(n).compareTo(now) != 0) {
        throw new RuleViolationException("复核签字不能修改现场检查评分（" + SCORES.get(names.get(n))
            + "）；评分有误时请联系检查人员处理");
      }
    }
    BigDecimal findings = decimal(task.getVariable(Variables.CRITICAL_FINDINGS));
    if (findings == null || findings.compareTo(BigDecimal.valueOf(recorded.criticalFindings())) != 0) {
      throw new RuleViolationException("复核签字不能修改重大安全隐患数；有误时请联系检查人员处理");
    }
    task.setVariable(Variables.CRITICAL_FINDINGS, recorded.criticalFindings());
    task.setVariable(Variables.INSPECTOR1, inspector1);
    history.recordCoSign(inspectionKey(task), signer);
  }

  // --- helpers

  private Checklist checklist(DelegateTask task) {
    List<String> problems = new ArrayList<>();
    List<BigDecimal> scores = new ArrayList<>();
    SCORES.forEach((name, label) -> {
      BigDecimal score = decimal(task.getVariable(name));
      if (score == null || score.compareTo(BigDecimal.ZERO) < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0) {
        problems.add(label + "得分须为 0–100 之间的数字");
      } else if (score.stripTrailingZeros().scale() > 1) {
        problems.add(label + "得分最多保留一位小数");
      }
      scores.add(score);
    });
    BigDecimal findings = decimal(task.getVariable(Variables.CRITICAL_FINDINGS));
    if (findings == null || findings.signum() < 0 || findings.stripTrailingZeros().scale() > 0) {
      problems.add("重大安全隐患数须为不小于 0 的整数");
    }
    String notes = text(task.getVariable(Variables.FINDINGS));
    if (notes != null && notes.length() > 2000) {
      problems.add("检查发现的问题不能超过 2000 字");
    }
    if (findings != null && findings.signum() > 0 && notes == null) {
      problems.add("发现重大安全隐患时请在“检查发现的问题”中逐项写明");
    }
    if (!problems.isEmpty()) {
      throw new RuleViolationException("现场检查记录不完整：" + String.join("；", problems));
    }
    return new Checklist(scores.get(0), scores.get(1), scores.get(2), scores.get(3), scores.get(4),
        findings.intValueExact(), notes);
  }

  /** Who acts on the task: its assignee, else the authenticated user; nobody is not allowed. */
  private String actor(DelegateTask task, String what) {
    String user = task.getAssignee() != null ? task.getAssignee() : CurrentUser.of(identity).getUserId();
    if (user == null) {
      throw new RuleViolationException("无法确定由谁" + what + "：请先认领任务");
    }
    return user;
  }

  private static String sameInspector(String inspector1) {
    return "现场检查须由两名检查人员共同完成：现场检查记录已由 " + inspector1
        + " 提交，复核签字须由另一名检查人员完成";
  }

  private static NotFoundException noSelfReportAwaited(String inspectionKey) {
    return new NotFoundException("没有等待提交年度自查报告的年检：" + inspectionKey
        + "（业务编号不存在、已提交或已逾期）");
  }

  /**
   * The variables the forms, gateways and the rectification call read, from the row; only those that
   * differ from what the case holds are written (a start may have passed them already).
   */
  private void writeCaseVariables(DelegateExecution execution, Inspection inspection) {
    Institution institution = institutions.find(inspection.creditCode()).orElseThrow();
    Map<String, Object> values = new LinkedHashMap<>();
    values.put(Variables.COUNTY, institution.countyCode());
    values.put(Variables.CREDIT_CODE, inspection.creditCode());
    values.put(Variables.INSPECTION_YEAR, inspection.inspectionYear());
    values.put(Variables.INSPECTION_KIND, inspection.kind());
    values.put(Variables.INSPECTION_KEY, inspection.businessKey());
    values.put(Variables.INSTITUTION_SUMMARY, summary(institution, inspection));
    values.forEach((name, value) -> {
      if (!value.equals(execution.getVariable(name))) {
        execution.setVariable(name, value);
      }
    });
  }

  private String summary(Institution i, Inspection inspection) {
    String county = counties.findByCode(i.countyCode()).map(c -> c.name()).orElse(i.countyCode());
    String what = Kind.SPECIAL.name().equals(inspection.kind())
        ? "专项检查（" + inspection.inspectionYear() + " 年）：" + inspection.specialReason()
        : inspection.inspectionYear() + " 年度检查";
    return String.join("\n",
        "检查：" + what,
        "机构名称：" + i.name(),
        "统一社会信用代码：" + i.creditCode(),
        "所在区县：" + county,
        "机构地址：" + i.address(),
        "托位：共 " + i.totalCapacity() + " 个",
        "备案回执：" + (i.filingReceiptNo() == null ? "无" : i.filingReceiptNo()));
  }

  private static Kind kind(DelegateExecution execution) {
    Object kind = execution.getVariable(Variables.INSPECTION_KIND);
    try {
      return Kind.valueOf(String.valueOf(kind));
    } catch (IllegalArgumentException e) {
      throw new ProcessEngineException("流程变量 inspectionKind 的值 " + kind + " 无效，应为 ANNUAL 或 SPECIAL");
    }
  }

  /**
   * The business key, which is the inspection key (docs/annual-inspection.md) and, unlike a variable,
   * cannot be changed by completing a task; the variable only for a case started without one.
   */
  private static String inspectionKey(DelegateExecution execution) {
    String businessKey = execution.getProcessBusinessKey();
    return businessKey != null ? businessKey : (String) execution.getVariable(Variables.INSPECTION_KEY);
  }

  private static String inspectionKey(DelegateTask task) {
    return inspectionKey(task.getExecution());
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  private static BigDecimal decimal(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    if (value instanceof String s && !s.isBlank()) {
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
