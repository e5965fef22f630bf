package cn.tuoyu.rectification;

/**
 * 限期整改 (processes/rectification/RectificationProcess.bpmn): the names the model, the delegates,
 * the forms and the tests share. Business key: the inspection key (see docs/annual-inspection.md).
 */
public final class RectificationProcess {

  public static final String KEY = "RectificationProcess";

  /** Decision that sets severity and deadline (processes/rectification/RectificationDeadlineDecision.dmn). */
  public static final String DEADLINE_DECISION = "RectificationDeadlineDecision";

  /** Message name the report API correlates (element id Message_RectificationReportSubmitted). */
  public static final String MESSAGE_REPORT_SUBMITTED = "RectificationReportSubmitted";

  /** Element ids. */
  public static final class Elements {
    public static final String START = "StartEvent_RectificationOrdered";
    public static final String DETERMINE_DEADLINE = "Task_DetermineDeadline";
    public static final String ISSUE_ORDER = "Task_IssueRectificationOrder";
    public static final String AWAIT_REPORT = "Task_AwaitRectificationReport";
    public static final String REPORT_OVERDUE = "BoundaryEvent_ReportOverdue";
    public static final String RECORD_OVERDUE = "Task_RecordReportOverdue";
    public static final String REVIEW = "Task_ReviewRectification";
    public static final String REVIEW_RESULT = "Gateway_ReviewResult";
    public static final String ROUNDS_LEFT = "Gateway_RoundsLeft";
    public static final String RECORD_PASSED = "Task_RecordRectificationPassed";
    public static final String ISSUE_FOLLOW_UP = "Task_IssueFollowUpOrder";
    public static final String PENALTY_MERGE = "Gateway_PenaltyMerge";
    public static final String DECIDE_PENALTY = "Task_DecidePenalty";
    public static final String RECORD_PENALTY = "Task_RecordPenalty";
    public static final String END_PASSED = "EndEvent_RectificationPassed";
    public static final String END_PENALIZED = "EndEvent_Penalized";

    private Elements() {}
  }

  /** Process variables: the contract's inputs, references and the flags gateways need. */
  public static final class Variables {
    // inputs of the contract (AnnualInspectionProcess → RectificationProcess)
    public static final String COUNTY = "county";
    public static final String CREDIT_CODE = "creditCode";
    public static final String INSPECTION_YEAR = "inspectionYear";
    public static final String INSPECTION_KIND = "inspectionKind";
    public static final String INSPECTION_KEY = "inspectionKey";
    public static final String VERDICT = "verdict";
    public static final String CRITICAL_FINDINGS = "criticalFindings";
    // outputs of RectificationDeadlineDecision
    /** String: SERIOUS | GENERAL | MINOR. */
    public static final String SEVERITY = "severity";
    /** Integer: working days the institution has for each round. */
    public static final String DEADLINE_WORKING_DAYS = "deadlineWorkingDays";
    // the current round
    /** Long id of the current rectification_order row. */
    public static final String ORDER_ID = "orderId";
    /** Integer, 1 for the first order; the number of re-reviews done when a review has just failed. */
    public static final String REVIEW_ROUND = "reviewRound";
    /** java.util.Date the current round's deadline counts from (the order; later: the failed re-review). */
    public static final String ORDERED_AT = "orderedAt";
    /** java.util.Date, 23:59:59 of the last day to report (workdays.plus). */
    public static final String DUE_DATE = "rectificationDueDate";
    /** String PASS | FAIL, set by the re-review form. */
    public static final String REVIEW_RESULT = "reviewResult";
    public static final String REVIEW_COMMENT = "reviewComment";
    /** String OVERDUE | REVIEW_FAILED: why the case went to the penalty path. */
    public static final String PENALTY_REASON = "penaltyReason";
    // the penalty form
    public static final String PENALTY_KIND = "penaltyKind";
    public static final String PENALTY_AMOUNT = "penaltyAmount";
    public static final String PENALTY_DECISION_NO = "penaltyDecisionNo";
    public static final String LEGAL_BASIS = "legalBasis";
    public static final String PENALTY_TEXT = "penaltyText";
    /** Read-only texts for the task forms. */
    public static final String ORDER_SUMMARY = "orderSummary";
    public static final String REPORT_SUMMARY = "reportSummary";
    public static final String PENALTY_SUMMARY = "penaltySummary";
    /** Boolean output of the contract: true when the re-review passed. */
    public static final String RECTIFICATION_PASSED = "rectificationPassed";

    private Variables() {}
  }

  /** Values of {@link Variables#REVIEW_RESULT}. */
  public enum ReviewResult {
    PASS("整改合格"),
    FAIL("整改不合格");

    private final String label;

    ReviewResult(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Values of {@link Variables#PENALTY_REASON}. */
  public enum PenaltyReason {
    OVERDUE("逾期未提交整改报告"),
    REVIEW_FAILED("整改复查不合格");

    private final String label;

    PenaltyReason(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Values of {@link Variables#SEVERITY}, as RectificationDeadlineDecision gives them. */
  public enum Severity {
    SERIOUS("严重"),
    GENERAL("一般"),
    MINOR("轻微");

    private final String label;

    Severity(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public static String labelOf(String name) {
      try {
        return valueOf(name).label();
      } catch (IllegalArgumentException | NullPointerException e) {
        return String.valueOf(name);
      }
    }
  }

  /**
   * 行政处罚种类 (Administrative Penalty Law art. 9) that fit an institution that failed to rectify;
   * {@link #withAmount()} kinds need an amount in yuan.
   */
  public enum PenaltyKind {
    WARNING("警告", false),
    CRITICISM("通报批评", false),
    FINE("罚款", true),
    CONFISCATION("没收违法所得", true),
    SUSPENSION("责令停业整顿", false),
    LICENCE_REVOCATION("吊销许可证件", false),
    CLOSURE("责令关闭", false);

    private final String label;
    private final boolean withAmount;

    PenaltyKind(String label, boolean withAmount) {
      this.label = label;
      this.withAmount = withAmount;
    }

    public String label() {
      return label;
    }

    public boolean withAmount() {
      return withAmount;
    }
  }

  private RectificationProcess() {}
}
