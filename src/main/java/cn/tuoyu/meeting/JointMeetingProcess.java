package cn.tuoyu.meeting;

/**
 * 联席会议 (processes/meeting/JointMeetingProcess.bpmn): the names the model, the delegates, the forms
 * and the tests share. Business key {@code meeting-<id>}, the id of the {@code joint_meeting} row.
 */
public final class JointMeetingProcess {

  public static final String KEY = "JointMeetingProcess";

  public static String businessKey(long meetingId) {
    return "meeting-" + meetingId;
  }

  /** Element ids. */
  public static final class Elements {
    public static final String START = "StartEvent_MeetingInitiated";
    public static final String REGISTER_MEETING = "Task_RegisterMeeting";
    public static final String DRAFT_AGENDA = "Task_DraftAgenda";
    public static final String REQUEST_REPORTS = "Task_RequestReports";
    public static final String SUBMIT_PROGRESS_REPORT = "Task_SubmitProgressReport";
    public static final String REPORT_REMINDER = "BoundaryEvent_ReportReminder";
    public static final String REMIND_LAGGARDS = "Task_RemindLaggards";
    public static final String END_LAGGARDS_REMINDED = "EndEvent_LaggardsReminded";
    public static final String REPORTS_OVERDUE = "BoundaryEvent_ReportsOverdue";
    public static final String RECORD_OVERDUE_REPORTS = "Task_RecordOverdueReports";
    public static final String ESCALATE_OVERDUE_REPORTS = "Task_EscalateOverdueReports";
    public static final String END_REPORTS_ESCALATED = "EndEvent_ReportsEscalated";
    public static final String REPORTS_WAIVED = "BoundaryEvent_ReportsWaived";
    public static final String REPORTS_IN = "Gateway_ReportsIn";
    public static final String RECORD_MEETING = "Task_RecordMeeting";
    public static final String ANY_ACTION_ITEMS = "Gateway_AnyActionItems";
    public static final String ACTION_ITEM = "SubProcess_ActionItem";
    public static final String ACTION_ITEM_ASSIGNED = "StartEvent_ActionItemAssigned";
    public static final String ITEM_ROUND = "Gateway_ItemRound";
    public static final String REPORT_ITEM_COMPLETION = "Task_ReportItemCompletion";
    public static final String ITEM_OVERDUE = "BoundaryEvent_ItemOverdue";
    public static final String RECORD_ITEM_OVERDUE = "Task_RecordItemOverdue";
    public static final String ESCALATE_OVERDUE_ITEM = "Task_EscalateOverdueItem";
    public static final String END_ITEM_ESCALATED = "EndEvent_ItemEscalated";
    public static final String ITEM_WAIVED = "BoundaryEvent_ItemWaived";
    public static final String RECORD_ITEM_NOT_DONE = "Task_RecordItemNotDone";
    public static final String END_ITEM_WAIVED = "EndEvent_ItemWaived";
    public static final String ACCEPT_ITEM = "Task_AcceptItem";
    public static final String ITEM_DECISION = "Gateway_ItemDecision";
    public static final String END_ITEM_DONE = "EndEvent_ItemDone";
    public static final String END_ITEM_NOT_DONE = "EndEvent_ItemNotDone";
    public static final String ITEMS_SETTLED = "Gateway_ItemsSettled";
    public static final String CLOSE_MEETING = "Task_CloseMeeting";
    public static final String END_MEETING_CLOSED = "EndEvent_MeetingClosed";

    private Elements() {}
  }

  /** Process variables. The meeting, its reports and its items live in the joint_meeting tables. */
  public static final class Variables {
    /** County division code (610600 for the city level); also the tenant. */
    public static final String COUNTY = "county";
    /** Long: id of the joint_meeting row. */
    public static final String MEETING_ID = "meetingId";
    /** String: title given at an ad-hoc start (start form or API); a default title otherwise. */
    public static final String MEETING_TITLE = "meetingTitle";
    /** String: set by scheduled starts only, the unique slot of the run (see MeetingSchedule). */
    public static final String SCHEDULED_SLOT = "scheduledSlot";

    /** Task_DraftAgenda's form (local to the task): agenda text, planned date, member department groups. */
    public static final String AGENDA = "agenda";
    public static final String PLANNED_DATE = "plannedDate";
    public static final String MEMBER_DEPARTMENTS = "memberDepartments";

    /** java.util.Date the progress reports were requested; the working days they are due in. */
    public static final String REPORTS_REQUESTED_AT = "reportsRequestedAt";
    public static final String REPORT_WORKING_DAYS = "reportWorkingDays";
    /** java.util.Date of the reminder (催办) to departments whose report is still open. */
    public static final String REPORT_REMINDER_AT = "reportReminderAt";
    /** Local to each 工作进展通报 instance: the department that reports. */
    public static final String REPORTING_DEPARTMENT = "reportingDepartment";
    /** Task_SubmitProgressReport's form (local to the task). */
    public static final String WORK_PROGRESS = "workProgress";
    public static final String PROBLEMS = "problems";
    public static final String NEXT_STEPS = "nextSteps";
    /** Task-local, read-only: the meeting's title, agenda and due date for the reporting clerk. */
    public static final String MEETING_BRIEF = "meetingBrief";

    /** Task-local, read-only: who is overdue, for the escalation tasks. */
    public static final String OVERDUE_SUMMARY = "overdueSummary";
    /** Escalation tasks' form (local): what the supervisor did, and whether to keep waiting. */
    public static final String ESCALATION_NOTE = "escalationNote";
    /** String: WAIT, or PROCEED (reports: hold the meeting without the missing ones) / CLOSE (item: not done). */
    public static final String ESCALATION_DECISION = "escalationDecision";
    /** Boolean, mapped out of Task_EscalateOverdueReports: stop waiting for the missing reports. */
    public static final String REPORTS_WAIVED = "reportsWaived";
    /** Boolean, mapped out of Task_EscalateOverdueItem to the item's scope: stop waiting, the item is not done. */
    public static final String ITEM_WAIVED = "itemWaived";

    /** Task_RecordMeeting: the compiled reports (task-local, read-only) and the form (local to the task). */
    public static final String REPORTS_SUMMARY = "reportsSummary";
    public static final String HELD_ON = "heldOn";
    public static final String ATTENDEES = "attendees";
    public static final String MINUTES = "minutes";
    public static final String DECISIONS = "decisions";
    /** JSON array of {planTask, departments[], deadline, description}: the form's dynamic list. */
    public static final String ACTION_ITEMS = "actionItems";

    /** Local to each 议定事项 sub-process instance: the id of its meeting_action_item row. */
    public static final String ACTION_ITEM_ID = "actionItemId";
    /** Local to each completion report instance: the responsible department. */
    public static final String RESPONSIBLE_DEPARTMENT = "responsibleDepartment";
    /** Task-local, read-only: the item, its departments and deadline (and a send-back note). */
    public static final String ITEM_BRIEF = "itemBrief";
    /** Task_ReportItemCompletion's form (local to the task). */
    public static final String COMPLETION_REPORT = "completionReport";
    public static final String EVIDENCE = "evidence";
    public static final String COMPLETED_ON = "completedOn";

    /** Task_AcceptItem: every department's report (task-local, read-only) and the form. */
    public static final String ITEM_REPORTS = "itemReports";
    /** String ACCEPT | SEND_BACK | CLOSE; mapped out of the task to the item's scope for the gateway. */
    public static final String ITEM_DECISION = "itemDecision";
    /** Department groups to send back (JSON array); empty sends back every department of the item. */
    public static final String SEND_BACK_DEPARTMENTS = "sendBackDepartments";
    public static final String ACCEPTANCE_COMMENT = "acceptanceComment";

    /** Integers, set when the meeting closes. */
    public static final String ITEMS_ON_TIME = "itemsOnTime";
    public static final String ITEMS_LATE = "itemsLate";
    public static final String ITEMS_NOT_DONE = "itemsNotDone";

    private Variables() {}
  }

  /** Values of {@link Variables#ITEM_DECISION}. */
  public enum ItemDecision {
    ACCEPT("验收通过"),
    SEND_BACK("退回重办"),
    CLOSE("不再办理，记为未完成");

    private final String label;

    ItemDecision(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** How an action item ended, for the closing summary. */
  public enum Outcome {
    ON_TIME("按期完成"),
    LATE("逾期完成"),
    NOT_DONE("未完成");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Values of joint_meeting.status. */
  public enum Status {
    DRAFTING("拟定议程"),
    REPORTING("成员单位通报工作进展"),
    MEETING("召开会议"),
    ACTIONS("落实议定事项"),
    CLOSED("已闭环");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private JointMeetingProcess() {}
}
