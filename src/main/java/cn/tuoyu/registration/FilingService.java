package cn.tuoyu.registration;

import cn.tuoyu.system.RuleViolationException;
import cn.tuoyu.identity.CurrentUser;
import cn.tuoyu.institution.BlacklistRepository;
import cn.tuoyu.institution.Certificate;
import cn.tuoyu.institution.FilingRepository;
import cn.tuoyu.institution.FilingRepository.StaffMember;
import cn.tuoyu.institution.FilingRepository.Submission;
import cn.tuoyu.institution.IdNumber;
import cn.tuoyu.institution.Institution;
import cn.tuoyu.institution.InstitutionRepository;
import cn.tuoyu.institution.InstitutionStatus;
import cn.tuoyu.registration.RegistrationFilingProcess.ReviewDecision;
import cn.tuoyu.registration.RegistrationFilingProcess.Variables;
import cn.tuoyu.system.ConflictException;
import cn.tuoyu.system.NotFoundException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 备案: the institution's submission, the automatic checks, the review and its outcomes. */
@Service
public class FilingService {

  /** Share of certified staff the Linhai plan sets as the target (持证上岗率). */
  public static final double CERTIFICATION_TARGET = 90.0;
  private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

  /** What a submission produced. */
  public record FilingResult(String creditCode, long submissionId, int round) {}

  private final RuntimeService runtime;
  private final IdentityService identity;
  private final InstitutionRepository institutions;
  private final FilingRepository filings;
  private final BlacklistRepository blacklist;

  public FilingService(RuntimeService runtime, IdentityService identity, InstitutionRepository institutions,
      FilingRepository filings, BlacklistRepository blacklist) {
    this.runtime = runtime;
    this.identity = identity;
    this.institutions = institutions;
    this.filings = filings;
    this.blacklist = blacklist;
  }

  /**
   * Stores the submission and hands it to the waiting case, in one transaction: when no case waits
   * (unknown institution, under review, filed or rejected), nothing is written.
   */
  @Transactional
  public FilingResult submit(FilingRequest request) {
    String creditCode = cn.tuoyu.institution.CreditCode.parse(request.creditCode()).value();
    if (!institutions.exists(creditCode)) {
      throw new NotFoundException("统一社会信用代码 " + creditCode + " 没有登记记录，无法备案；请先由登记机关核准登记");
    }
    long submissionId = filings.insertSubmission(creditCode, request.licenceNo().trim(), request.premises().trim(),
        request.fireSafety().trim(), request.healthEvaluation().trim(), request.feeSchedule().trim());
    for (FilingRequest.Staff s : request.staff()) {
      filings.insertStaff(submissionId, creditCode, s.name().trim(), IdNumber.parse(s.idNumber()).fullNumber(),
          s.role(), s.certificatesOrEmpty());
    }
    try {
      runtime.createMessageCorrelation(RegistrationFilingProcess.MESSAGE_FILING_SUBMITTED)
          .processInstanceBusinessKey(creditCode)
          .setVariable(Variables.SUBMISSION_ID, submissionId)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new ConflictException("机构 " + creditCode + " 当前不在等待备案材料的状态（可能正在审核、已备案或不予备案）");
    }
    int round = filings.find(submissionId).orElseThrow().round();
    return new FilingResult(creditCode, submissionId, round);
  }

  /** Task_RunFilingChecks: ID validity, blacklist, certification rate; results on the submission and as flags. */
  public void runChecks(DelegateExecution execution) {
    long submissionId = submissionId(execution);
    LocalDate today = LocalDate.now(RegistrationService.ZONE);
    List<StaffMember> staff = filings.staff(submissionId);
    int invalid = 0;
    int certified = 0;
    List<String> hits = new ArrayList<>();
    for (StaffMember s : staff) {
      boolean idValid = IdNumber.isValid(s.idNumber());
      var entry = blacklist.inForce(s.idNumber(), today);
      filings.markStaffChecked(s.id(), idValid, entry.isPresent());
      invalid += idValid ? 0 : 1;
      certified += s.certificates().isEmpty() ? 0 : 1;
      entry.ifPresent(e -> hits.add(s.name() + "（" + e.reason() + (e.lifetimeBan() ? "，终身禁入" : "") + "）"));
    }
    filings.recordChecks(submissionId, staff.size(), invalid, hits.size(), certified);
    double rate = staff.isEmpty() ? 0 : Math.round(certified * 1000.0 / staff.size()) / 10.0;
    execution.setVariable(Variables.INVALID_IDS, invalid);
    execution.setVariable(Variables.BLACKLIST_HITS, hits.size());
    execution.setVariable(Variables.CERTIFICATION_RATE, rate);
    execution.setVariable(Variables.CHECK_SUMMARY, String.join("\n",
        "工作人员：" + staff.size() + " 人",
        "身份证号校验：" + (invalid == 0 ? "全部有效" : invalid + " 人无效"),
        "黑名单比对：" + (hits.isEmpty() ? "未命中" : "命中 " + hits.size() + " 人：" + String.join("、", hits)
            + "。黑名单人员移出工作人员名单前不能予以备案"),
        String.format(Locale.ROOT, "持证上岗率：%.1f%%（目标 ≥ %.0f%%，%s）", rate, CERTIFICATION_TARGET,
            rate >= CERTIFICATION_TARGET ? "达标" : "未达标")));
    Submission submission = filings.find(submissionId).orElseThrow();
    execution.setVariable(Variables.FILING_MATERIALS, materials(submission));
  }

  /** Review task created: the staff list with full ID numbers, for this task only. */
  public void prepareReview(DelegateTask task) {
    long submissionId = ((Number) task.getVariable(Variables.SUBMISSION_ID)).longValue();
    List<StaffMember> staff = filings.staff(submissionId);
    StringBuilder roster = new StringBuilder();
    int n = 1;
    for (StaffMember s : staff) {
      roster.append(n++).append(". ").append(s.name()).append("　").append(s.role().label()).append("　")
          .append(s.idNumber()).append("　证书：")
          .append(s.certificates().isEmpty() ? "无" : s.certificates().stream().map(Certificate::label)
              .collect(Collectors.joining("、")));
      if (Boolean.FALSE.equals(s.idValid())) {
        roster.append("　【身份证号无效】");
      }
      if (Boolean.TRUE.equals(s.blacklisted())) {
        roster.append("　【黑名单人员】");
      }
      roster.append('\n');
    }
    task.setVariableLocal(Variables.STAFF_ROSTER, roster.toString().stripTrailing());
  }

  /** Review task completing: the decision must be complete and allowed; otherwise the task stays open. */
  public void checkReview(DelegateTask task) {
    ReviewDecision decision = decision(task.getVariable(Variables.REVIEW_DECISION));
    Object comment = task.getVariable(Variables.REVIEW_COMMENT);
    boolean noComment = comment == null || comment.toString().isBlank();
    if (decision != ReviewDecision.APPROVE && noComment) {
      throw new RuleViolationException("请填写审核意见：" + decision.label() + "必须写明理由");
    }
    if (decision == ReviewDecision.APPROVE) {
      int hits = number(task.getVariable(Variables.BLACKLIST_HITS));
      int invalid = number(task.getVariable(Variables.INVALID_IDS));
      if (hits > 0) {
        throw new RuleViolationException("工作人员名单中有 " + hits + " 人在不良记录黑名单上，不能予以备案；"
            + "请退回补正，由机构将其移出工作人员名单后重新提交");
      }
      if (invalid > 0) {
        throw new RuleViolationException("工作人员名单中有 " + invalid + " 个无效的身份证号，不能予以备案；请退回补正");
      }
    }
    String by = task.getAssignee() != null ? task.getAssignee() : CurrentUser.of(identity).getUserId();
    filings.recordDecision(((Number) task.getVariable(Variables.SUBMISSION_ID)).longValue(), decision.name(),
        noComment ? null : comment.toString().trim(), by);
  }

  /** Task_IssueFilingReceipt: 予以备案 with a receipt number per county and year. */
  public void issueReceipt(DelegateExecution execution) {
    String creditCode = creditCode(execution);
    Institution institution = institutions.find(creditCode).orElseThrow();
    int year = LocalDate.now(RegistrationService.ZONE).getYear();
    int number = filings.nextReceiptNumber(institution.countyCode(), year);
    String receipt = String.format(Locale.ROOT, "托备〔%d〕%s-%04d号", year, institution.countyCode(), number);
    institutions.markFiled(creditCode, receipt, decidedBy(execution));
    execution.setVariable(Variables.FILING_RECEIPT_NO, receipt);
  }

  /** Task_RecordReturn: 退回补正; the new deadline counts from today. */
  public void recordReturn(DelegateExecution execution) {
    institutions.setFilingOverdue(creditCode(execution), false);
    execution.setVariable(Variables.FILING_DEADLINE_FROM, new Date());
    execution.removeVariable(Variables.REVIEW_DECISION);
    execution.removeVariable(Variables.REVIEW_COMMENT);
  }

  /** Task_RecordRejection: 不予备案 with its reason in the status history. */
  public void recordRejection(DelegateExecution execution) {
    Object comment = execution.getVariable(Variables.REVIEW_COMMENT);
    institutions.changeStatus(creditCode(execution), InstitutionStatus.FILING_REJECTED, decidedBy(execution),
        "不予备案：" + comment);
  }

  /** Task_MarkFilingOverdue: the disclosure shows the institution as not filed (逾期未备案). */
  public void markOverdue(DelegateExecution execution) {
    institutions.setFilingOverdue(creditCode(execution), true);
  }

  /** Task_PushRegistration completed: the record reached health and the supervisory department. */
  public void markPushed(String creditCode, String by) {
    Institution institution = institutions.find(creditCode).orElseThrow();
    if (institution.status() == InstitutionStatus.REGISTERED) {
      institutions.changeStatus(creditCode, InstitutionStatus.PUSHED, by, "登记信息已推送卫健部门和业务主管部门");
    }
  }

  private String materials(Submission s) {
    return String.join("\n",
        "第 " + s.round() + " 次提交（" + CHINESE_DATE.format(s.submittedAt().atZoneSameInstant(RegistrationService.ZONE)) + "）",
        "营业执照或登记证书：" + s.licenceNo(),
        "场地证明：" + s.premises(),
        "消防安全：" + s.fireSafety(),
        "卫生评价：" + s.healthEvaluation(),
        "收费项目和标准：" + s.feeSchedule());
  }

  private String decidedBy(DelegateExecution execution) {
    String user = CurrentUser.of(identity).getUserId();
    return user != null ? user : "system";
  }

  private static String creditCode(DelegateExecution execution) {
    return (String) execution.getVariable(Variables.CREDIT_CODE);
  }

  private static long submissionId(DelegateExecution execution) {
    return ((Number) execution.getVariable(Variables.SUBMISSION_ID)).longValue();
  }

  private static int number(Object value) {
    return value == null ? 0 : ((Number) value).intValue();
  }

  private static ReviewDecision decision(Object value) {
    if (value == null || value.toString().isBlank()) {
      throw new RuleViolationException("请选择审核结论：予以备案、退回补正或不予备案");
    }
    try {
      return ReviewDecision.valueOf(value.toString());
    } catch (IllegalArgumentException e) {
      throw new RuleViolationException("审核结论 " + value + " 无效，应为 APPROVE、RETURN 或 REJECT");
    }
  }
}
