package cn.tuoyu.inspection;

/**
 * 托育机构年度检查 (processes/inspection/AnnualInspectionProcess.bpmn), also run for special
 * inspections (专项检查): the names the model, the delegates, the forms and the tests share.
 * Business key: the inspection key, {@code <credit code>-<year>} for ANNUAL (see
 * docs/annual-inspection.md).
 */
public final class AnnualInspectionProcess {

  public static final String KEY = "AnnualInspectionProcess";

  /** Decision of the verdict (processes/inspection/InspectionVerdictDecision.dmn). */
  public static final String VERDICT_DECISION = "InspectionVerdictDecision";

  /** Process the call activity starts for FAIL and BASIC_PASS. */
  public static final String RECTIFICATION_PROCESS = "RectificationProcess";

  /** Message name the self-report API correlates (element id Message_SelfReportSubmitted). */
  public static final String MESSAGE_SELF_REPORT_SUBMITTED = "SelfReportSubmitted";

  /** Element ids. */
  public static final class Elements {
    public static final String START = "StartEvent_InspectionOpened";
    public static final String OPEN_INSPECTION = "Task_OpenInspection";
    public static final String INSPECTION_KIND = "Gateway_InspectionKind";
    public static final String AWAIT_SELF_REPORT = "Task_AwaitSelfReport";
    public static final String SELF_REPORT_OVERDUE = "BoundaryEvent_SelfReportOverdue";
    public static final String MARK_SELF_REPORT_OVERDUE = "Task_MarkSelfReportOverdue";
    public static final String DESK_REVIEW_MERGE = "Gateway_DeskReviewMerge";
    public static final String DESK_REVIEW = "Task_DeskReview";
    public static final String ON_SITE_MERGE = "Gateway_OnSiteMerge";
    public static final String ON_SITE_INSPECTION = "Task_OnSiteInspection";
    public static final String CO_SIGN_INSPECTION = "Task_CoSignInspection";
    public static final String DECIDE_VERDICT = "Task_DecideVerdict";
    public static final String RECORD_VERDICT = "Task_RecordVerdict";
    public static final String RECTIFICATION_NEEDED = "Gateway_RectificationNeeded";
    public static final String RECTIFICATION = "CallActivity_Rectification";
    public static final String RESULT_MERGE = "Gateway_ResultMerge";
    public static final String RECORD_RESULT = "Task_RecordResult";
    public static final String FAILED_TWO_YEARS = "Gateway_FailedTwoYearsInARow";
    public static final String START_CLOSURE = "Task_StartClosure";
    public static final String END_CLOSURE_STARTED = "EndEvent_ClosureStarted";
    public static final String END_INSPECTION_COMPLETED = "EndEvent_InspectionCompleted";

    private Elements() {}
  }

  /**
   * Process variables: references, the checklist the decision reads and the flags gateways need. The
   * references (county … inspectionKey) and institutionSummary are written from the inspection row when
   * the desk review begins, for a special inspection at its start; a campaign's annual case passes
   * the references transient, so while it waits for its self-report it stores none.
   */
  public static final class Variables {
    /** County division code; also the tenant (see CountyTenantIdProvider). */
    public static final String COUNTY = "county";
    public static final String CREDIT_CODE = "creditCode";
    /** Integer: the year of the annual inspection; for a special inspection the year it was started. */
    public static final String INSPECTION_YEAR = "inspectionYear";
    /** String: {@link Kind#ANNUAL} or {@link Kind#SPECIAL}. */
    public static final String INSPECTION_KIND = "inspectionKind";
    /** String: business key of the row in table {@code inspection}. */
    public static final String INSPECTION_KEY = "inspectionKey";
    /**
     * Optional java.util.Date the self-report deadline counts from (working days), for a starter that
     * opens a case later than the day it counts from; without it the timer counts from the engine clock.
     */
    public static final String SELF_REPORT_FROM = "selfReportFrom";
    /** Read-only texts for the task forms. */
    public static final String INSTITUTION_SUMMARY = "institutionSummary";
    /** Task-local on the desk review: the self-report as submitted, or 逾期未提交. */
    public static final String SELF_REPORT_SUMMARY = "selfReportSummary";
    /** Boolean: the self-report deadline passed without a report. */
    public static final String SELF_REPORT_OVERDUE = "selfReportOverdue";
    /** Desk review form: the clerk's opinion and what the inspectors should look at on site. */
    public static final String DESK_REVIEW_NOTE = "deskReviewNote";
    public static final String ON_SITE_FOCUS = "onSiteFocus";
    /** On-site checklist: five scores 0–100 (Number), read by InspectionVerdictDecision. */
    public static final String SAFETY_SCORE = "safetyScore";
    public static final String HEALTH_CARE_SCORE = "healthCareScore";
    public static final String STAFFING_SCORE = "staffingScore";
    public static final String FACILITIES_SCORE = "facilitiesScore";
    public static final String FEE_DISCLOSURE_SCORE = "feeDisclosureScore";
    /** Integer ≥ 0: 重大安全隐患数; passed on to RectificationProcess. */
    public static final String CRITICAL_FINDINGS = "criticalFindings";
    public static final String FINDINGS = "findings";
    /** String: user id of the inspector who completed the checklist; the co-signer must be another. */
    public static final String INSPECTOR1 = "inspector1";
    /** Co-sign form: Boolean confirmation and an optional note. */
    public static final String CO_SIGN_CONFIRMED = "coSignConfirmed";
    public static final String CO_SIGN_NOTE = "coSignNote";
    /** Map: the single result of InspectionVerdictDecision; removed once verdict is recorded. */
    public static final String VERDICT_RESULT = "verdictResult";
    /** String: PASS | BASIC_PASS | FAIL. */
    public static final String VERDICT = "verdict";
    public static final String VERDICT_REASON = "verdictReason";
    /** Boolean out of RectificationProcess: the re-review passed. */
    public static final String RECTIFICATION_PASSED = "rectificationPassed";
    /** String: PASSED | FAILED, the outcome after any rectification. */
    public static final String INSPECTION_RESULT = "inspectionResult";
    /** Boolean: an ANNUAL review failed this year and the year before (连续两年年审不合格). */
    public static final String FAILED_TWO_YEARS_IN_A_ROW = "failedTwoYearsInARow";

    private Variables() {}
  }

  /** Values of {@link Variables#INSPECTION_KIND}. */
  public enum Kind {
    ANNUAL("年度检查"),
    SPECIAL("专项检查");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Values of {@link Variables#VERDICT}. */
  public enum Verdict {
    PASS("合格"),
    BASIC_PASS("基本合格"),
    FAIL("不合格");

    private final String label;

    Verdict(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private AnnualInspectionProcess() {}
}
