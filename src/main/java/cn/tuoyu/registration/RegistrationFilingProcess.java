package cn.tuoyu.registration;

/**
 * 登记备案衔接 (processes/registration/RegistrationFilingProcess.bpmn): the names the model, the
 * delegates, the forms and the tests share. Business key: the unified social credit code.
 */
public final class RegistrationFilingProcess {

  public static final String KEY = "RegistrationFilingProcess";

  /** Days the rules allow, counted in working days from 核准登记 (approval). */
  public static final int PUSH_WORKING_DAYS = 7;
  public static final int FILING_WORKING_DAYS = 10;

  /** Message name the filing API correlates (element id Message_FilingSubmitted). */
  public static final String MESSAGE_FILING_SUBMITTED = "FilingSubmitted";

  /** Element ids. */
  public static final class Elements {
    public static final String START = "StartEvent_RegistrationApproved";
    public static final String RECORD_REGISTRATION = "Task_RecordRegistration";
    public static final String PUSH_REGISTRATION = "Task_PushRegistration";
    public static final String PUSH_OVERDUE = "BoundaryEvent_PushOverdue";
    public static final String ESCALATE_PUSH = "Task_EscalatePush";
    public static final String ACKNOWLEDGE_REGISTRATION = "Task_AcknowledgeRegistration";
    public static final String AWAIT_FILING = "Task_AwaitFiling";
    public static final String FILING_OVERDUE = "BoundaryEvent_FilingOverdue";
    public static final String MARK_FILING_OVERDUE = "Task_MarkFilingOverdue";
    public static final String HANDLE_OVERDUE_FILING = "Task_HandleOverdueFiling";
    public static final String RUN_FILING_CHECKS = "Task_RunFilingChecks";
    public static final String REVIEW_FILING = "Task_ReviewFiling";
    public static final String REVIEW_DECISION = "Gateway_ReviewDecision";
    public static final String ISSUE_RECEIPT = "Task_IssueFilingReceipt";
    public static final String RECORD_RETURN = "Task_RecordReturn";
    public static final String RECORD_REJECTION = "Task_RecordRejection";
    public static final String END_FILED = "EndEvent_InstitutionFiled";
    public static final String END_REJECTED = "EndEvent_FilingRejected";
    public static final String END_PUSHED = "EndEvent_RegistrationAcknowledged";
    public static final String END_OVERDUE_HANDLED = "EndEvent_OverdueFilingHandled";
    public static final String END_PUSH_ESCALATED = "EndEvent_PushEscalated";
    public static final String SPLIT = "Gateway_HandoffAndFiling";
    public static final String AWAIT_FILING_MERGE = "Gateway_AwaitFiling";

    private Elements() {}
  }

  /** Process variables. Domain data lives in the registry; these are references and gateway flags. */
  public static final class Variables {
    /** County division code; also the tenant (see CountyTenantIdProvider). */
    public static final String COUNTY = "county";
    public static final String CREDIT_CODE = "creditCode";
    /** Department group that registered the institution: approval | establishment. */
    public static final String REGISTRATION_AUTHORITY = "registrationAuthority";
    /** java.util.Date of 核准登记. */
    public static final String APPROVED_AT = "approvedAt";
    /** java.util.Date the current filing deadline counts from: approval, then each 退回补正. */
    public static final String FILING_DEADLINE_FROM = "filingDeadlineFrom";
    /** Long id of the filing submission under review. */
    public static final String SUBMISSION_ID = "submissionId";
    /** Integer results of the automatic checks. */
    public static final String INVALID_IDS = "invalidIds";
    public static final String BLACKLIST_HITS = "blacklistHits";
    /** Double, 0–100: share of staff with a childcare certificate. */
    public static final String CERTIFICATION_RATE = "certificationRate";
    /** String: APPROVE | RETURN | REJECT, set by the review form. */
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String REVIEW_COMMENT = "reviewComment";
    public static final String FILING_RECEIPT_NO = "filingReceiptNo";
    /** Read-only texts for the task forms (no personal data). */
    public static final String INSTITUTION_SUMMARY = "institutionSummary";
    public static final String FILING_MATERIALS = "filingMaterials";
    public static final String CHECK_SUMMARY = "checkSummary";
    /**
     * Task-local on the review task only: the staff list with full ID numbers. Never written to
     * history (names starting with "confidential" never are, see ConfidentialHistoryFilter) and gone
     * when the task completes.
     */
    public static final String STAFF_ROSTER = "confidentialStaffRoster";
    /** Local to each 签收 multi-instance execution: the department that acknowledges. */
    public static final String ACKNOWLEDGING_DEPARTMENT = "acknowledgingDepartment";
    /** Overdue handling note of the county health clerk. */
    public static final String OVERDUE_NOTE = "overdueNote";

    private Variables() {}
  }

  /** Values of {@link Variables#REVIEW_DECISION}. */
  public enum ReviewDecision {
    APPROVE("予以备案"),
    RETURN("退回补正"),
    REJECT("不予备案");

    private final String label;

    ReviewDecision(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private RegistrationFilingProcess() {}
}
