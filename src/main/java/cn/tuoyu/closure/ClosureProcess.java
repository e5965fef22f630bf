package cn.tuoyu.closure;

/**
 * 关闭注销并公告 (processes/closure/ClosureProcess.bpmn): the names the model, the delegates, the
 * forms and the tests share. Business key {@code <credit code>-closure}; started by
 * {@code startClosureDelegate} inside AnnualInspectionProcess (see docs/annual-inspection.md).
 */
public final class ClosureProcess {

  public static final String KEY = "ClosureProcess";

  /** The departments that draw up the placement plan for the children in care (在托婴幼儿安置). */
  public static final java.util.List<String> PLACEMENT_DEPARTMENTS = java.util.List.of("health", "education");

  public static String businessKey(String creditCode) {
    return creditCode + "-closure";
  }

  /** Element ids. */
  public static final class Elements {
    public static final String START = "StartEvent_TwoYearsFailed";
    public static final String OPEN_CASE = "Task_OpenClosureCase";
    public static final String DRAFT_MERGE = "Gateway_DraftDecision";
    public static final String DRAFT_DECISION = "Task_DraftClosureDecision";
    public static final String APPROVE_DECISION = "Task_ApproveClosureDecision";
    public static final String APPROVAL_DECISION = "Gateway_ApprovalDecision";
    public static final String RECORD_DECISION = "Task_RecordClosureDecision";
    public static final String SPLIT = "Gateway_DeregisterAndPlace";
    public static final String DEREGISTER = "Task_DeregisterInstitution";
    public static final String DEREGISTRATION_OVERDUE = "BoundaryEvent_DeregistrationOverdue";
    public static final String ESCALATE_DEREGISTRATION = "Task_EscalateDeregistration";
    public static final String END_ESCALATED = "EndEvent_DeregistrationEscalated";
    public static final String PLAN_PLACEMENT = "Task_PlanPlacement";
    public static final String JOIN = "Gateway_DeregisteredAndPlaced";
    public static final String PUBLISH_ANNOUNCEMENT = "Task_PublishClosureAnnouncement";
    public static final String CLOSE_INSTITUTION = "Task_CloseInstitution";
    public static final String END_CLOSED = "EndEvent_InstitutionClosed";

    private Elements() {}
  }

  /** Process variables: references, gateway flags and the texts the forms show and fill. */
  public static final class Variables {
    /** County division code; also the tenant (see CountyTenantIdProvider). */
    public static final String COUNTY = "county";
    public static final String CREDIT_CODE = "creditCode";
    /** Integer: the year of the second failed annual review. */
    public static final String INSPECTION_YEAR = "inspectionYear";
    /** Department group that registered the institution and deregisters it: approval | establishment. */
    public static final String REGISTRATION_AUTHORITY = "registrationAuthority";
    /** Read-only texts for the task forms (no ID numbers). */
    public static final String INSTITUTION_SUMMARY = "institutionSummary";
    public static final String FAILED_YEARS = "failedYearsSummary";
    /**
     * Json list of {label, value} for the blacklist checklist: the responsible persons of the latest
     * filed staff list, labelled with masked ID numbers; the value is the staff row id.
     */
    public static final String BLACKLIST_CANDIDATES = "blacklistCandidates";
    /** Text of the closure decision, drafted by the county health clerk. */
    public static final String DECISION_DRAFT = "decisionDraft";
    /** Json list of staff row ids (strings): the persons proposed, then decided, for the blacklist. */
    public static final String BLACKLIST_PERSONS = "blacklistPersons";
    /** String: a {@link BanKind} name. */
    public static final String BAN_KIND = "banKind";
    /** String: an {@link ApprovalDecision} name, set by the supervisor's form. */
    public static final String APPROVAL_DECISION = "approvalDecision";
    public static final String APPROVAL_COMMENT = "approvalComment";
    /** User id of the supervisor who approved. */
    public static final String DECIDED_BY = "decidedBy";
    public static final String DECISION_NO = "decisionNo";
    /** java.util.Date of the approval; the deregistration deadline counts from it. */
    public static final String DECIDED_AT = "decidedAt";
    /** Integer: working days the registration authority has, fixed per case when the decision is made. */
    public static final String DEREGISTRATION_WORKING_DAYS = "deregistrationWorkingDays";
    /** Filled by the registration authority: date (yyyy-MM-dd) and document number of the deregistration. */
    public static final String DEREGISTERED_ON = "deregisteredOn";
    public static final String DEREGISTRATION_DOCUMENT_NO = "deregistrationDocumentNo";
    public static final String ESCALATION_NOTE = "escalationNote";
    /** Local to each placement multi-instance execution: health | education. */
    public static final String PLACEMENT_DEPARTMENT = "placementDepartment";
    /** Local to each placement execution: the plan of that department. */
    public static final String CHILDREN_COUNT = "childrenCount";
    public static final String PLACEMENT_DESTINATION = "placementDestination";
    public static final String PLACEMENT_NOTE = "placementNote";
    /** The public announcement: date (yyyy-MM-dd, today by default) and text. */
    public static final String ANNOUNCEMENT_DATE = "announcementDate";
    public static final String ANNOUNCEMENT_TEXT = "announcementText";

    private Variables() {}
  }

  /** Values of {@link Variables#APPROVAL_DECISION}. */
  public enum ApprovalDecision {
    APPROVE("批准关闭决定"),
    RETURN("退回修改");

    private final String label;

    ApprovalDecision(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Values of {@link Variables#BAN_KIND}. */
  public enum BanKind {
    BLACKLIST("列入不良记录黑名单"),
    LIFETIME_BAN("终身禁入");

    private final String label;

    BanKind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private ClosureProcess() {}
}
