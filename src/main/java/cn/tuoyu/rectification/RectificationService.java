package cn.tuoyu.rectification;

import cn.tuoyu.system.RuleViolationException;
import cn.tuoyu.calendar.WorkingDayCalendar;
import cn.tuoyu.identity.CurrentUser;
import cn.tuoyu.identity.Role;
import cn.tuoyu.rectification.RectificationProcess.PenaltyKind;
import cn.tuoyu.rectification.RectificationProcess.PenaltyReason;
import cn.tuoyu.rectification.RectificationProcess.ReviewResult;
import cn.tuoyu.rectification.RectificationProcess.Severity;
import cn.tuoyu.rectification.RectificationProcess.Variables;
import cn.tuoyu.rectification.RectificationRepository.NewOrder;
import cn.tuoyu.rectification.RectificationRepository.Order;
import cn.tuoyu.rectification.RectificationRepository.Penalty;
import cn.tuoyu.rectification.RectificationRepository.Report;
import cn.tuoyu.system.NotFoundException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 限期整改: orders with working-day deadlines, the institution's reports, the re-review (整改复查) and,
 * when the institution does not rectify, the administrative penalty (行政处罚).
 *
 * <p>Deadlines: the first order's deadline counts from the day the order is issued; after a failed
 * re-review the new order's deadline counts, with the same number of working days (the severity does
 * not change), from the day of that re-review. The day itself is never counted (see WorkingDayCalendar).
 */
@Service
public class RectificationService {

  static final ZoneId ZONE = WorkingDayCalendar.ZONE;
  private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
  /** Roles that may read a case of their county through the API. */
  private static final Set<String> READERS = Set.of(Role.CLERK.groupId(), Role.INSPECTOR.groupId(),
      Role.SUPERVISOR.groupId(), Role.ADMINISTRATOR.groupId());

  private final RuntimeService runtime;
  private final IdentityService identity;
  private final RectificationRepository rectifications;
  private final WorkingDayCalendar workdays;
  private final RectificationSettings settings;

  public RectificationService(RuntimeService runtime, IdentityService identity, RectificationRepository rectifications,
      WorkingDayCalendar workdays, RectificationSettings settings) {
    this.runtime = runtime;
    this.identity = identity;
    this.rectifications = rectifications;
    this.workdays = workdays;
    this.settings = settings;
  }

  // --- the process

  /** Task_IssueRectificationOrder: the first 整改通知书, its deadline counted from today. */
  public void issueOrder(DelegateExecution execution) {
    issue(execution, 1);
  }

  /** Task_IssueFollowUpOrder: after a failed re-review, a new order for the next round, counted from today. */
  public void issueFollowUpOrder(DelegateExecution execution) {
    issue(execution, number(execution.getVariable(Variables.REVIEW_ROUND)) + 1);
    execution.removeVariable(Variables.REVIEW_RESULT);
    execution.removeVariable(Variables.REVIEW_COMMENT);
  }

  private void issue(DelegateExecution execution, int round) {
    Date orderedAt = ClockUtil.getCurrentTime();
    int days = number(execution.getVariable(Variables.DEADLINE_WORKING_DAYS));
    Date due = workdays.plus(orderedAt, days);
    Order order = rectifications.insertOrder(new NewOrder(
        (String) execution.getVariable(Variables.INSPECTION_KEY),
        (String) execution.getVariable(Variables.CREDIT_CODE),
        (String) execution.getVariable(Variables.COUNTY),
        round,
        (String) execution.getVariable(Variables.VERDICT),
        number(execution.getVariable(Variables.CRITICAL_FINDINGS)),
        (String) execution.getVariable(Variables.SEVERITY),
        days,
        orderedAt.toInstant().atZone(ZONE).toOffsetDateTime(),
        due.toInstant().atZone(ZONE).toLocalDate()));
    execution.setVariable(Variables.ORDER_ID, order.id());
    execution.setVariable(Variables.REVIEW_ROUND, round);
    execution.setVariable(Variables.ORDERED_AT, orderedAt);
    execution.setVariable(Variables.DUE_DATE, due);
    execution.setVariable(Variables.ORDER_SUMMARY, summary(rectifications.orders(order.inspectionKey())));
  }

  /** Task_RecordReportOverdue: the deadline passed without a report. */
  public void recordOverdue(DelegateExecution execution) {
    rectifications.setStatus(orderId(execution), "OVERDUE");
  }

  /**
   * Stores the report and hands it to the waiting case, in one transaction; when no case waits for a
   * report under this inspection key, nothing is written.
   *
   * @throws NotFoundException when no rectification case waits for a report under this key
   */
  @Transactional
  public long submitReport(String inspectionKey, RectificationReportRequest request) {
    long waiting = runtime.createExecutionQuery()
        .processDefinitionKey(RectificationProcess.KEY)
        .processInstanceBusinessKey(inspectionKey)
        .messageEventSubscriptionName(RectificationProcess.MESSAGE_REPORT_SUBMITTED)
        .count();
    if (waiting == 0) {
      throw noneWaiting(inspectionKey);
    }
    List<Order> orders = rectifications.orders(inspectionKey);
    Order current = orders.get(orders.size() - 1);
    String by = CurrentUser.of(identity).getUserId();
    long reportId = rectifications.insertReport(current.id(), inspectionKey, request.reportText().trim(),
        request.measures().trim(), request.completedOn(), by, now());
    rectifications.setStatus(current.id(), "REPORTED");
    try {
      runtime.createMessageCorrelation(RectificationProcess.MESSAGE_REPORT_SUBMITTED)
          .processInstanceBusinessKey(inspectionKey)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw noneWaiting(inspectionKey);
    }
    return reportId;
  }

  /** Re-review task created: what was ordered and what the institution reported. */
  public void prepareReview(DelegateTask task) {
    long orderId = ((Number) task.getVariable(Variables.ORDER_ID)).longValue();
    Order order = rectifications.order(orderId).orElseThrow();
    task.setVariable(Variables.ORDER_SUMMARY, summary(rectifications.orders(order.inspectionKey())));
    task.setVariable(Variables.REPORT_SUMMARY, reportSummary(rectifications.reports(orderId)));
  }

  /** Re-review completing: a result, and a reason for a failure; otherwise the task stays open. */
  public void checkReview(DelegateTask task) {
    ReviewResult result = reviewResult(task.getVariable(Variables.REVIEW_RESULT));
    Object comment = task.getVariable(Variables.REVIEW_COMMENT);
    boolean noComment = comment == null || comment.toString().isBlank();
    if (result == ReviewResult.FAIL && noComment) {
      throw new RuleViolationException("请填写复查意见：整改不合格必须写明理由");
    }
    rectifications.recordReview(((Number) task.getVariable(Variables.ORDER_ID)).longValue(), result.name(),
        noComment ? null : comment.toString().trim(), by(task), now());
  }

  /** Task_RecordRectificationPassed: the contract's output. */
  public void recordPassed(DelegateExecution execution) {
    execution.setVariable(Variables.RECTIFICATION_PASSED, true);
  }

  /** Penalty task created: why, and the history of the case. */
  public void preparePenalty(DelegateTask task) {
    Order last = rectifications.order(((Number) task.getVariable(Variables.ORDER_ID)).longValue()).orElseThrow();
    PenaltyReason reason = "OVERDUE".equals(last.status()) ? PenaltyReason.OVERDUE : PenaltyReason.REVIEW_FAILED;
    task.setVariable(Variables.PENALTY_REASON, reason.name());
    task.setVariable(Variables.PENALTY_SUMMARY, "处罚事由：" + reason.label() + "\n"
        + summary(rectifications.orders(last.inspectionKey())));
  }

  /** Penalty task completing: the decision must be complete; otherwise the task stays open. */
  public void checkPenalty(DelegateTask task) {
    Object kindValue = task.getVariable(Variables.PENALTY_KIND);
    if (kindValue == null || kindValue.toString().isBlank()) {
      throw new RuleViolationException("请选择处罚种类");
    }
    PenaltyKind kind;
    try {
      kind = PenaltyKind.valueOf(kindValue.toString());
    } catch (IllegalArgumentException e) {
      throw new RuleViolationException("处罚种类 " + kindValue + " 无效");
    }
    BigDecimal amount = amount(task.getVariable(Variables.PENALTY_AMOUNT));
    if (kind.withAmount() && (amount == null || amount.signum() <= 0)) {
      throw new RuleViolationException("请填写" + kind.label() + "金额（元），应大于 0");
    }
    if (!kind.withAmount() && amount != null && amount.signum() != 0) {
      throw new RuleViolationException(kind.label() + "不涉及金额，请清空罚没金额");
    }
    requireText(task, Variables.PENALTY_DECISION_NO, "处罚决定书文号", 60);
    requireText(task, Variables.LEGAL_BASIS, "法律依据", 500);
    requireText(task, Variables.PENALTY_TEXT, "处罚决定内容", 2000);
  }

  /** Task_RecordPenalty: the decision into the register; the case ends unrectified. */
  public void recordPenalty(DelegateExecution execution) {
    PenaltyKind kind = PenaltyKind.valueOf((String) execution.getVariable(Variables.PENALTY_KIND));
    BigDecimal amount = kind.withAmount() ? amount(execution.getVariable(Variables.PENALTY_AMOUNT)) : null;
    String user = CurrentUser.of(identity).getUserId();
    rectifications.insertPenalty(new Penalty(
        (String) execution.getVariable(Variables.INSPECTION_KEY),
        (String) execution.getVariable(Variables.PENALTY_REASON),
        settings.getPenaltyDepartment(),
        kind.name(),
        amount,
        text(execution.getVariable(Variables.PENALTY_DECISION_NO)),
        text(execution.getVariable(Variables.LEGAL_BASIS)),
        text(execution.getVariable(Variables.PENALTY_TEXT)),
        user != null ? user : "system",
        now()),
        (String) execution.getVariable(Variables.CREDIT_CODE),
        (String) execution.getVariable(Variables.COUNTY));
    execution.setVariable(Variables.RECTIFICATION_PASSED, false);
  }

  // --- the API's view

  /**
   * The case as a clerk, inspector or supervisor of its county sees it.
   *
   * @throws AuthorizationException for other roles (the portal reports, it does not read)
   * @throws NotFoundException when there is no case, or it belongs to a county the caller does not serve
   */
  public RectificationStatus status(String inspectionKey) {
    Authentication caller = CurrentUser.of(identity);
    boolean system = caller.getUserId() == null;
    if (!system && caller.getGroupIds().stream().noneMatch(READERS::contains)) {
      throw new AuthorizationException("用户 " + caller.getUserId() + " 无权查看整改案件");
    }
    List<Order> orders = rectifications.orders(inspectionKey);
    if (orders.isEmpty() || !(system || caller.getGroupIds().contains(Role.ADMINISTRATOR.groupId())
        || caller.getTenantIds().contains(orders.get(0).countyCode()))) {
      throw new NotFoundException("没有检查编号为 " + inspectionKey + " 的整改案件");
    }
    Order last = orders.get(orders.size() - 1);
    Penalty penalty = rectifications.penalty(inspectionKey).orElse(null);
    String status;
    String label;
    if (penalty != null) {
      status = "PENALIZED";
      label = "已作出行政处罚";
    } else {
      switch (last.status()) {
        case "PASSED" -> { status = "PASSED"; label = "整改合格"; }
        case "REPORTED" -> { status = "UNDER_REVIEW"; label = "已提交整改报告，待复查"; }
        case "ORDERED" -> { status = "AWAITING_REPORT"; label = "整改中，待提交整改报告"; }
        default -> { status = "PENALTY_PENDING"; label = ("OVERDUE".equals(last.status())
            ? PenaltyReason.OVERDUE : PenaltyReason.REVIEW_FAILED).label() + "，待作出行政处罚决定"; }
      }
    }
    List<RectificationStatus.Round> rounds = orders.stream().map(o -> new RectificationStatus.Round(o.round(),
        o.orderNo(), o.orderedAt(), o.dueDate(), o.status(),
        rectifications.reports(o.id()).stream().map(r -> new RectificationStatus.Report(r.reportText(), r.measures(),
            r.completedOn(), r.submittedAt())).toList(),
        o.reviewResult(), o.reviewComment(), o.reviewedAt())).toList();
    RectificationStatus.Penalty penaltyView = penalty == null ? null : new RectificationStatus.Penalty(
        penalty.reason(), PenaltyReason.valueOf(penalty.reason()).label(), penalty.department(),
        penalty.penaltyKind(), PenaltyKind.valueOf(penalty.penaltyKind()).label(), penalty.fineAmount(),
        penalty.decisionNo(), penalty.legalBasis(), penalty.decisionText(), penalty.decidedAt());
    return new RectificationStatus(inspectionKey, last.creditCode(), last.countyCode(), last.severity(),
        Severity.labelOf(last.severity()), last.deadlineWorkingDays(), status, label, last.round(),
        settings.getMaxReviewRounds(), last.dueDate(), rounds, penaltyView);
  }

  // --- helpers

  /** Every round so far, for the forms. */
  static String summary(List<Order> orders) {
    StringBuilder s = new StringBuilder();
    Order first = orders.get(0);
    s.append("检查编号：").append(first.inspectionKey()).append("　机构：").append(first.creditCode()).append('\n')
        .append("年检结论：").append(first.verdict()).append("　重大安全隐患：").append(first.criticalFindings())
        .append(" 项　整改等级：").append(Severity.labelOf(first.severity()))
        .append("　整改期限：").append(first.deadlineWorkingDays()).append(" 个工作日");
    for (Order o : orders) {
      s.append('\n').append("第 ").append(o.round()).append(" 轮：").append(o.orderNo()).append("，")
          .append(CHINESE_DATE.format(o.orderedAt().atZoneSameInstant(ZONE))).append("下达，")
          .append(CHINESE_DATE.format(o.dueDate())).append("前提交整改报告");
      if (o.reviewResult() != null) {
        s.append("；复查结论：").append(ReviewResult.valueOf(o.reviewResult()).label());
        if (o.reviewComment() != null) {
          s.append("（").append(o.reviewComment()).append("）");
        }
      } else if ("OVERDUE".equals(o.status())) {
        s.append("；逾期未提交整改报告");
      }
    }
    return s.toString();
  }

  private static String reportSummary(List<Report> reports) {
    if (reports.isEmpty()) {
      return "（未提交整改报告）";
    }
    Report r = reports.get(reports.size() - 1);
    return String.join("\n",
        "提交时间：" + CHINESE_DATE.format(r.submittedAt().atZoneSameInstant(ZONE)),
        "整改完成日期：" + (r.completedOn() == null ? "未填写" : CHINESE_DATE.format(r.completedOn())),
        "整改措施：" + r.measures(),
        "整改情况：" + r.reportText());
  }

  private String by(DelegateTask task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    String user = CurrentUser.of(identity).getUserId();
    return user != null ? user : "system";
  }

  private static NotFoundException noneWaiting(String inspectionKey) {
    return new NotFoundException("检查编号 " + inspectionKey + " 没有等待整改报告的整改案件（可能不存在、正在复查或已办结）");
  }

  private static void requireText(DelegateTask task, String variable, String label, int max) {
    Object value = task.getVariable(variable);
    if (value == null || value.toString().isBlank()) {
      throw new RuleViolationException("请填写" + label);
    }
    if (value.toString().trim().length() > max) {
      throw new RuleViolationException(label + "不能超过 " + max + " 字");
    }
  }

  private static ReviewResult reviewResult(Object value) {
    if (value == null || value.toString().isBlank()) {
      throw new RuleViolationException("请选择复查结论：整改合格或整改不合格");
    }
    try {
      return ReviewResult.valueOf(value.toString());
    } catch (IllegalArgumentException e) {
      throw new RuleViolationException("复查结论 " + value + " 无效，应为 PASS 或 FAIL");
    }
  }

  private static BigDecimal amount(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    try {
      return new BigDecimal(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new RuleViolationException("罚没金额应为数字");
    }
  }

  /** The engine's clock, which tests may set: every date of a case comes from it. */
  static OffsetDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZONE).toOffsetDateTime();
  }

  private static String text(Object value) {
    return value == null ? null : value.toString().trim();
  }

  private static long orderId(DelegateExecution execution) {
    return ((Number) execution.getVariable(Variables.ORDER_ID)).longValue();
  }

  private static int number(Object value) {
    return value == null ? 0 : ((Number) value).intValue();
  }
}
