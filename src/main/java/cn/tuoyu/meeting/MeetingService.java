package cn.tuoyu.meeting;

import cn.tuoyu.calendar.UnknownCalendarYearException;
import cn.tuoyu.calendar.WorkingDayCalendar;
import cn.tuoyu.identity.CountyRepository;
import cn.tuoyu.identity.CurrentUser;
import cn.tuoyu.identity.Department;
import cn.tuoyu.identity.Role;
import cn.tuoyu.meeting.JointMeetingProcess.ItemDecision;
import cn.tuoyu.meeting.JointMeetingProcess.Outcome;
import cn.tuoyu.meeting.JointMeetingProcess.Status;
import cn.tuoyu.meeting.JointMeetingProcess.Variables;
import cn.tuoyu.meeting.MeetingRepository.Assignment;
import cn.tuoyu.meeting.MeetingRepository.Item;
import cn.tuoyu.meeting.MeetingRepository.Meeting;
import cn.tuoyu.meeting.MeetingRepository.Member;
import cn.tuoyu.meeting.MeetingRepository.NewItem;
import cn.tuoyu.meeting.MeetingRepository.PlanTask;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * 联席会议: the meeting's agenda and members, the members' progress reports (工作进展通报) with reminders
 * (催办) and escalation, the record of the meeting, its action items (议定事项) per responsible
 * department with acceptance and send-back, and the closing summary. Referenced by the model as
 * {@code meetingService} for the multi-instance collections and the item deadlines.
 */
@Service
public class MeetingService {

  static final ZoneId ZONE = WorkingDayCalendar.ZONE;
  static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
  /** Reminders raise an open task to at least this priority (the engine's default is 50). */
  static final int REMINDED_PRIORITY = 75;
  static final int OVERDUE_PRIORITY = 90;
  static final int MAX_ITEMS = 50;
  private static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;
  private final MeetingRepository meetings;
  private final CountyRepository counties;
  private final WorkingDayCalendar workdays;
  private final MeetingSettings settings;

  public MeetingService(RuntimeService runtime, TaskService tasks, IdentityService identity,
      MeetingRepository meetings, CountyRepository counties, WorkingDayCalendar workdays, MeetingSettings settings) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.identity = identity;
    this.meetings = meetings;
    this.counties = counties;
    this.workdays = workdays;
    this.settings = settings;
  }

  // --- starting a meeting

  /**
   * Convenes a meeting ad hoc as the authenticated user (卫健委 office of the level, or a supervisor).
   *
   * @return the new meeting's id
   * @throws IllegalArgumentException for an unknown county or a missing title
   * @throws AuthorizationException for a caller outside the county or without the convener's role
   */
  public long start(String title, String county) {
    if (county == null || !counties.isKnown(county)) {
      throw new IllegalArgumentException("county：会议层级 " + county + " 不是已登记的区县代码，市本级为 610600");
    }
    String cleanTitle = title == null ? "" : title.trim();
    if (cleanTitle.isEmpty() || cleanTitle.length() > 200) {
      throw new IllegalArgumentException("title：会议名称不能为空，且不超过 200 字");
    }
    Authentication caller = CurrentUser.of(identity);
    if (caller.getUserId() != null) {
      if (!caller.getTenantIds().contains(county)) {
        throw new AuthorizationException("您不能召集" + countyName(county) + "的联席会议：不在您的管辖范围内");
      }
      if (!MeetingAccess.mayConvene(caller.getGroupIds())) {
        throw new AuthorizationException("联席会议由卫生健康部门（领导小组办公室）召集，用户 " + caller.getUserId() + " 无权发起");
      }
    }
    var instance = runtime.createProcessInstanceByKey(JointMeetingProcess.KEY)
        .setVariable(Variables.COUNTY, county)
        .setVariable(Variables.MEETING_TITLE, cleanTitle)
        .executeWithVariablesInReturn();
    return ((Number) instance.getVariables().get(Variables.MEETING_ID)).longValue();
  }

  /**
   * The regular meeting of the configured level for a run of the schedule on {@code day}; each node of a
   * cluster fires, the first one starts it. Empty when this day's meeting exists already.
   */
  public Optional<Long> startScheduled(LocalDate day) {
    String county = settings.scheduledCounty();
    String slot = county + "-" + day;
    if (meetings.slotTaken(slot)) {
      return Optional.empty();
    }
    try {
      var instance = runtime.createProcessInstanceByKey(JointMeetingProcess.KEY)
          .setVariable(Variables.COUNTY, county)
          .setVariable(Variables.MEETING_TITLE, regularTitle(day))
          .setVariable(Variables.SCHEDULED_SLOT, slot)
          .executeWithVariablesInReturn();
      return Optional.of(((Number) instance.getVariables().get(Variables.MEETING_ID)).longValue());
    } catch (DuplicateKeyException e) {
      return Optional.empty(); // another node registered the slot a moment ago
    }
  }

  /** "2026年第一季度婴幼儿照护服务工作联席会议". */
  static String regularTitle(LocalDate day) {
    String quarter = "一二三四".substring((day.getMonthValue() - 1) / 3, (day.getMonthValue() - 1) / 3 + 1);
    return day.getYear() + "年第" + quarter + "季度婴幼儿照护服务工作联席会议";
  }

  // --- the process: drafting and progress reports

  /** Task_RegisterMeeting: the meeting row; its id becomes the business key. */
  public void register(DelegateExecution execution) {
    String county = (String) execution.getVariable(Variables.COUNTY);
    Object title = execution.getVariable(Variables.MEETING_TITLE);
    String meetingTitle = title == null || title.toString().isBlank()
        ? "婴幼儿照护服务工作联席会议（" + CHINESE_DATE.format(today()) + "）" : title.toString().trim();
    if (meetingTitle.length() > 200) {
      throw new ProcessEngineException("会议名称不能超过 200 字");
    }
    long id = meetings.insertMeeting(county, meetingTitle, (String) execution.getVariable(Variables.SCHEDULED_SLOT),
        by(null), now());
    execution.setVariable(Variables.MEETING_ID, id);
    execution.setVariable(Variables.MEETING_TITLE, meetingTitle);
    execution.setProcessBusinessKey(JointMeetingProcess.businessKey(id));
  }

  /** Task_DraftAgenda completing: agenda and members (no choice = every member department). */
  public void checkAgenda(DelegateTask task) {
    String agenda = requireText(task.getVariable(Variables.AGENDA), "会议议程", 4000);
    LocalDate planned = date(task.getVariable(Variables.PLANNED_DATE), "拟召开日期");
    if (planned != null && planned.isBefore(today())) {
      throw new ProcessEngineException("拟召开日期不能早于今天");
    }
    List<String> chosen = strings(task.getVariable(Variables.MEMBER_DEPARTMENTS), "成员单位");
    List<String> members = chosen == null ? allDepartments() : departments(chosen, "成员单位");
    if (members.isEmpty()) {
      throw new ProcessEngineException("请至少选择一个参会成员单位");
    }
    meetings.saveAgenda(meetingId(task.getVariable(Variables.MEETING_ID)), agenda, planned, members);
    // a list from the form lands on the instance: the table holds it now
    task.removeVariable(Variables.MEMBER_DEPARTMENTS);
  }

  /** Task_RequestReports: the reports are due in working days from today; the reminder goes out before. */
  public void requestReports(DelegateExecution execution) {
    Date requestedAt = ClockUtil.getCurrentTime();
    LocalDate start = requestedAt.toInstant().atZone(ZONE).toLocalDate();
    int days = settings.reportWorkingDays();
    LocalDate reminderDay = workdays.lastDay(start, days - settings.reminderWorkingDaysBefore());
    execution.setVariable(Variables.REPORTS_REQUESTED_AT, requestedAt);
    execution.setVariable(Variables.REPORT_WORKING_DAYS, days);
    execution.setVariable(Variables.REPORT_REMINDER_AT,
        Date.from(reminderDay.atTime(REMINDER_TIME).atZone(ZONE).toInstant()));
    meetings.reportsRequested(meetingId(execution.getVariable(Variables.MEETING_ID)), now(),
        workdays.lastDay(start, days));
  }

  /** Collection of Task_SubmitProgressReport: the member departments, in the order of {@link Department}. */
  public List<String> memberDepartments(Object meetingId) {
    Set<String> members = meetings.members(meetingId(meetingId)).stream().map(Member::department)
        .collect(Collectors.toSet());
    return allDepartments().stream().filter(members::contains).toList();
  }

  /** Progress report task created: what the meeting is about and until when to report. */
  public void prepareProgressReport(DelegateTask task) {
    Meeting meeting = meeting(task.getVariable(Variables.MEETING_ID));
    StringBuilder brief = new StringBuilder("会议：").append(meeting.title());
    if (meeting.plannedDate() != null) {
      brief.append("\n拟召开日期：").append(CHINESE_DATE.format(meeting.plannedDate()));
    }
    brief.append("\n议程：").append(meeting.agenda())
        .append("\n请于").append(CHINESE_DATE.format(meeting.reportDueDate())).append("前提交本部门工作进展通报。");
    task.setVariableLocal(Variables.MEETING_BRIEF, brief.toString());
  }

  /** Progress report task completing: the report is complete, and goes into the meeting's table. */
  public void checkProgressReport(DelegateTask task) {
    String progress = requireText(task.getVariable(Variables.WORK_PROGRESS), "工作进展情况", 4000);
    String problems = optionalText(task.getVariable(Variables.PROBLEMS), "存在的问题", 4000);
    String nextSteps = optionalText(task.getVariable(Variables.NEXT_STEPS), "下一步工作安排", 4000);
    Meeting meeting = meeting(task.getVariable(Variables.MEETING_ID));
    OffsetDateTime at = now();
    boolean onTime = !at.toLocalDate().isAfter(meeting.reportDueDate());
    meetings.submitReport(meeting.id(), (String) task.getVariable(Variables.REPORTING_DEPARTMENT), progress, problems,
        nextSteps, by(task), at, onTime);
  }

  /** Task_RemindLaggards: 催办 to every department whose report is still open. */
  public void remindLaggards(DelegateExecution execution) {
    Meeting meeting = meeting(execution.getVariable(Variables.MEETING_ID));
    remind(execution, JointMeetingProcess.Elements.SUBMIT_PROGRESS_REPORT, Variables.REPORTING_DEPARTMENT, null,
        meeting.id(), null, "REPORT_DUE", REMINDED_PRIORITY,
        "催办：请于" + CHINESE_DATE.format(meeting.reportDueDate()) + "前提交本部门工作进展通报。（联席会议办公室）");
  }

  /** Task_RecordOverdueReports: the open reports are overdue; each of their departments is reminded again. */
  public void recordOverdueReports(DelegateExecution execution) {
    Meeting meeting = meeting(execution.getVariable(Variables.MEETING_ID));
    meetings.markReportsOverdue(meeting.id());
    remind(execution, JointMeetingProcess.Elements.SUBMIT_PROGRESS_REPORT, Variables.REPORTING_DEPARTMENT, null,
        meeting.id(), null, "REPORT_OVERDUE", OVERDUE_PRIORITY,
        "督办：工作进展通报已超过期限（" + CHINESE_DATE.format(meeting.reportDueDate())
            + "），请立即提交；逾期情况已报联席会议办公室。");
  }

  /** Task_EscalateOverdueReports created: who has not reported. */
  public void prepareOverdueReports(DelegateTask task) {
    Meeting meeting = meeting(task.getVariable(Variables.MEETING_ID));
    List<Member> members = meetings.members(meeting.id());
    Map<String, Integer> reminders = meetings.reportReminders(meeting.id());
    List<Member> open = members.stream().filter(m -> "OPEN".equals(m.reportStatus())).toList();
    StringBuilder s = new StringBuilder(meeting.title()).append("：截至")
        .append(CHINESE_DATE.format(meeting.reportDueDate())).append("，已通报 ")
        .append(members.size() - open.size()).append("/").append(members.size()).append(" 个成员单位。");
    if (!open.isEmpty()) {
      s.append("\n逾期未通报：");
      s.append(open.stream().map(m -> name(m.department()) + "（已催办 " + reminders.getOrDefault(m.department(), 0)
          + " 次）").collect(Collectors.joining("、")));
    }
    task.setVariableLocal(Variables.OVERDUE_SUMMARY, s.toString());
  }

  // --- the meeting and its action items

  /** Task_RecordMeeting created: the compiled reports. */
  public void prepareMeetingRecord(DelegateTask task) {
    Meeting meeting = meeting(task.getVariable(Variables.MEETING_ID));
    meetings.setStatus(meeting.id(), Status.MEETING.name());
    task.setVariableLocal(Variables.REPORTS_SUMMARY, compiledReports(meetings.members(meeting.id())));
  }

  /** The members' reports as the convener reads them before the meeting. */
  static String compiledReports(List<Member> members) {
    long submitted = members.stream().filter(m -> "SUBMITTED".equals(m.reportStatus())).count();
    long late = members.stream().filter(m -> Boolean.FALSE.equals(m.onTime())).count();
    StringBuilder s = new StringBuilder("已通报 ").append(submitted).append("/").append(members.size())
        .append(" 个成员单位（按期 ").append(submitted - late).append("，逾期 ").append(late).append("）");
    for (Member m : members) {
      s.append("\n\n【").append(name(m.department())).append("】");
      if (!"SUBMITTED".equals(m.reportStatus())) {
        s.append("未通报");
        continue;
      }
      s.append(Boolean.TRUE.equals(m.onTime()) ? "按期" : "逾期").append("通报，")
          .append(CHINESE_DATE.format(m.submittedAt().atZoneSameInstant(ZONE)))
          .append("\n工作进展：").append(m.workProgress());
      if (m.problems() != null) {
        s.append("\n存在问题：").append(m.problems());
      }
      if (m.nextSteps() != null) {
        s.append("\n下一步：").append(m.nextSteps());
      }
    }
    return s.toString();
  }

  /**
   * Task_RecordMeeting completing: the record and the decided action items. A plan task without
   * departments gets the plan's responsible departments; a deadline on a rest day moves to the next
   * working day (Civil Code art. 203).
   */
  public void checkMeetingRecord(DelegateTask task) {
    LocalDate heldOn = date(task.getVariable(Variables.HELD_ON), "会议召开日期");
    if (heldOn == null) {
      throw new ProcessEngineException("请填写会议召开日期");
    }
    if (heldOn.isAfter(today())) {
      throw new ProcessEngineException("会议召开日期不能晚于今天：请在会后记录会议情况");
    }
    String attendees = requireText(task.getVariable(Variables.ATTENDEES), "参会人员", 2000);
    String minutes = requireText(task.getVariable(Variables.MINUTES), "会议纪要", 8000);
    String decisions = optionalText(task.getVariable(Variables.DECISIONS), "会议议定事项说明", 4000);
    List<NewItem> items = actionItems(task.getVariable(Variables.ACTION_ITEMS), heldOn);
    long meetingId = meetingId(task.getVariable(Variables.MEETING_ID));
    meetings.recordMeeting(meetingId, heldOn, attendees, minutes, decisions, by(task), now());
    meetings.insertItems(meetingId, items);
    task.removeVariable(Variables.ACTION_ITEMS);
  }

  List<NewItem> actionItems(Object value, LocalDate heldOn) {
    JsonNode list = json(value, "议定事项");
    if (list == null || list.isNull()) {
      return List.of();
    }
    if (!list.isArray()) {
      throw new ProcessEngineException("议定事项格式不正确：应为列表");
    }
    if (list.size() > MAX_ITEMS) {
      throw new ProcessEngineException("议定事项不能超过 " + MAX_ITEMS + " 项");
    }
    List<NewItem> items = new ArrayList<>();
    int seq = 0;
    for (JsonNode entry : list) {
      String where = "第 " + (seq + 1) + " 项议定事项：";
      String code = blankToNull(entry.path("planTask").asText(null));
      String description = blankToNull(entry.path("description").asText(null));
      List<String> chosen = strings(entry.has("departments") ? entry.get("departments") : null, where + "责任部门");
      if (code == null && description == null && (chosen == null || chosen.isEmpty())
          && blankToNull(entry.path("deadline").asText(null)) == null) {
        continue; // an empty row the form left behind
      }
      PlanTask planTask = null;
      if (code != null) {
        planTask = meetings.planTask(code)
            .orElseThrow(() -> new ProcessEngineException(where + "责任分工表中没有任务 " + code));
      }
      if (description == null) {
        if (planTask == null) {
          throw new ProcessEngineException(where + "请填写事项内容，或从责任分工表中选择任务");
        }
        description = planTask.title();
      }
      if (description.length() > 2000) {
        throw new ProcessEngineException(where + "事项内容不能超过 2000 字");
      }
      List<String> departments = chosen == null || chosen.isEmpty()
          ? (planTask == null ? List.of() : planTask.departments())
          : departments(chosen, where + "责任部门");
      if (departments.isEmpty()) {
        throw new ProcessEngineException(where + "请选择责任部门（从责任分工表中选择任务可自动带出）");
      }
      LocalDate deadline = date(entry.hasNonNull("deadline") ? entry.get("deadline").asText() : null, where + "完成时限");
      if (deadline == null) {
        throw new ProcessEngineException(where + "请填写完成时限");
      }
      if (!deadline.isAfter(heldOn) || deadline.isBefore(today())) {
        throw new ProcessEngineException(where + "完成时限应晚于会议召开日期，且不早于今天");
      }
      seq++;
      items.add(new NewItem(seq, code, description, deadline, dueDate(deadline), departments));
    }
    return items;
  }

  /** The deadline, or the next working day when it falls on a rest day; as decided if the year has no data yet. */
  LocalDate dueDate(LocalDate deadline) {
    try {
      LocalDate day = deadline;
      while (!workdays.isWorkingDay(day)) {
        day = day.plusDays(1);
      }
      return day;
    } catch (UnknownCalendarYearException e) {
      return deadline;
    }
  }

  /** Collection of SubProcess_ActionItem. */
  public List<Long> actionItemIds(Object meetingId) {
    return meetings.items(meetingId(meetingId)).stream().filter(i -> "OPEN".equals(i.status())).map(Item::id).toList();
  }

  /** Collection of Task_ReportItemCompletion: the item's departments that still owe a report. */
  public List<String> pendingDepartments(Object actionItemId) {
    return meetings.assignments(meetingId(actionItemId)).stream()
        .filter(a -> "OPEN".equals(a.status()) || "RETURNED".equals(a.status()))
        .map(Assignment::department).toList();
  }

  /** Due date of the item's completion reports: the end of its due day. */
  public Date itemDueAt(Object actionItemId) {
    return Date.from(item(actionItemId).dueDate().atTime(23, 59, 59).atZone(ZONE).toInstant());
  }

  /** The item is overdue from 00:00 of the day after its due day. */
  public Date itemOverdueFrom(Object actionItemId) {
    return Date.from(item(actionItemId).dueDate().plusDays(1).atStartOfDay(ZONE).toInstant());
  }

  /** Completion report task created: the item (and why it came back, after a send-back). */
  public void prepareItemCompletion(DelegateTask task) {
    Item item = item(task.getVariable(Variables.ACTION_ITEM_ID));
    String department = (String) task.getVariable(Variables.RESPONSIBLE_DEPARTMENT);
    StringBuilder brief = new StringBuilder(itemBrief(item));
    meetings.assignments(item.id()).stream()
        .filter(a -> a.department().equals(department) && "RETURNED".equals(a.status()))
        .findFirst()
        .ifPresent(a -> brief.append("\n退回重办（第 ").append(a.returns()).append(" 次）：").append(a.returnNote()));
    task.setVariableLocal(Variables.ITEM_BRIEF, brief.toString());
  }

  /** Completion report completing: report and evidence are required. */
  public void checkItemCompletion(DelegateTask task) {
    String report = requireText(task.getVariable(Variables.COMPLETION_REPORT), "落实情况", 4000);
    String evidence = requireText(task.getVariable(Variables.EVIDENCE), "佐证材料", 2000);
    LocalDate completedOn = date(task.getVariable(Variables.COMPLETED_ON), "完成日期");
    if (completedOn != null && completedOn.isAfter(today())) {
      throw new ProcessEngineException("完成日期不能晚于今天");
    }
    meetings.reportCompletion(meetingId(task.getVariable(Variables.ACTION_ITEM_ID)),
        (String) task.getVariable(Variables.RESPONSIBLE_DEPARTMENT), report, evidence, completedOn, by(task), now());
  }

  /** Task_RecordItemOverdue: the item is overdue; every department still owing a report is reminded. */
  public void recordItemOverdue(DelegateExecution execution) {
    Item item = item(execution.getVariable(Variables.ACTION_ITEM_ID));
    meetings.markItemOverdue(item.id());
    remind(execution, JointMeetingProcess.Elements.REPORT_ITEM_COMPLETION, Variables.RESPONSIBLE_DEPARTMENT,
        item.id(), item.meetingId(), item.id(), "ITEM_OVERDUE", OVERDUE_PRIORITY,
        "督办：议定事项第 " + item.seq() + " 项已超过完成时限（" + CHINESE_DATE.format(item.dueDate())
            + "），请立即报告落实情况；逾期情况已报联席会议办公室。");
  }

  /**
   * Task_RecordItemNotDone: the supervisor stopped waiting after the escalation; the item is not done,
   * naming the departments that never reported.
   */
  public void recordItemNotDone(DelegateExecution execution) {
    Item item = item(execution.getVariable(Variables.ACTION_ITEM_ID));
    String missing = meetings.assignments(item.id()).stream()
        .filter(a -> "OPEN".equals(a.status()) || "RETURNED".equals(a.status()))
        .map(a -> name(a.department())).collect(Collectors.joining("、"));
    meetings.settleItem(item.id(), "NOT_DONE", "CLOSED", null, Outcome.NOT_DONE.name(), by(null), now(),
        "督办后不再等待，未报告：" + missing);
  }

  /** Task_EscalateOverdueItem created: which departments are late with the item. */
  public void prepareOverdueItem(DelegateTask task) {
    Item item = item(task.getVariable(Variables.ACTION_ITEM_ID));
    String late = pendingDepartments(item.id()).stream().map(MeetingService::name).collect(Collectors.joining("、"));
    task.setVariableLocal(Variables.OVERDUE_SUMMARY, itemBrief(item) + "\n已超过完成时限，尚未报告落实情况："
        + (late.isEmpty() ? "无（均已报告，待验收）" : late));
  }

  /** Task_AcceptItem created: every department's report. */
  public void prepareAcceptance(DelegateTask task) {
    Item item = item(task.getVariable(Variables.ACTION_ITEM_ID));
    LocalDate due = item.dueDate();
    StringBuilder s = new StringBuilder(itemBrief(item));
    for (Assignment a : meetings.assignments(item.id())) {
      s.append("\n\n【").append(name(a.department())).append("】");
      if (a.reportedAt() == null) {
        s.append("未报告");
        continue;
      }
      LocalDate reported = a.reportedAt().atZoneSameInstant(ZONE).toLocalDate();
      s.append(CHINESE_DATE.format(reported)).append(reported.isAfter(due) ? "报告（逾期）" : "报告（按期）")
          .append("\n落实情况：").append(a.report())
          .append("\n佐证材料：").append(a.evidence());
      if (a.completedOn() != null) {
        s.append("\n完成日期：").append(CHINESE_DATE.format(a.completedOn()));
      }
    }
    task.setVariableLocal(Variables.ITEM_REPORTS, s.toString());
  }

  /** Task_AcceptItem completing: accept, send back (some or all departments) or close as not done. */
  public void checkAcceptance(DelegateTask task) {
    ItemDecision decision = decision(task.getVariable(Variables.ITEM_DECISION));
    String comment = optionalText(task.getVariable(Variables.ACCEPTANCE_COMMENT), "验收意见", 1000);
    Item item = item(task.getVariable(Variables.ACTION_ITEM_ID));
    List<Assignment> assignments = meetings.assignments(item.id());
    switch (decision) {
      case ACCEPT -> {
        OffsetDateTime completedAt = assignments.stream().map(Assignment::reportedAt)
            .max(Comparator.naturalOrder()).orElseThrow();
        boolean onTime = !completedAt.atZoneSameInstant(ZONE).toLocalDate().isAfter(item.dueDate());
        meetings.settleItem(item.id(), "DONE", "ACCEPTED", completedAt,
            (onTime ? Outcome.ON_TIME : Outcome.LATE).name(), by(task), now(), comment);
      }
      case SEND_BACK -> {
        if (comment == null) {
          throw new ProcessEngineException("请填写验收意见：退回重办须写明需要补充或改正的内容");
        }
        Set<String> ofItem = assignments.stream().map(Assignment::department).collect(Collectors.toSet());
        List<String> chosen = strings(task.getVariable(Variables.SEND_BACK_DEPARTMENTS), "退回部门");
        List<String> back = chosen == null || chosen.isEmpty() ? List.copyOf(ofItem) : chosen;
        for (String department : back) {
          if (!ofItem.contains(department)) {
            throw new ProcessEngineException("退回部门 " + department + " 不是本事项的责任部门");
          }
        }
        back.forEach(department -> meetings.sendBack(item.id(), department, comment));
      }
      case CLOSE -> {
        if (comment == null) {
          throw new ProcessEngineException("请填写验收意见：不再办理的事项须写明理由");
        }
        meetings.settleItem(item.id(), "NOT_DONE", "CLOSED", null, Outcome.NOT_DONE.name(), by(task), now(), comment);
      }
    }
    // the list lands on the instance; the next acceptance (of this or another item) starts empty
    task.removeVariable(Variables.SEND_BACK_DEPARTMENTS);
  }

  /** Task_CloseMeeting: how the items ended; the meeting is closed. */
  public void close(DelegateExecution execution) {
    long meetingId = meetingId(execution.getVariable(Variables.MEETING_ID));
    Map<String, Long> outcomes = meetings.items(meetingId).stream()
        .collect(Collectors.groupingBy(i -> i.outcome() == null ? Outcome.NOT_DONE.name() : i.outcome(),
            Collectors.counting()));
    int onTime = outcomes.getOrDefault(Outcome.ON_TIME.name(), 0L).intValue();
    int late = outcomes.getOrDefault(Outcome.LATE.name(), 0L).intValue();
    int notDone = outcomes.getOrDefault(Outcome.NOT_DONE.name(), 0L).intValue();
    meetings.close(meetingId, now(), onTime, late, notDone);
    execution.setVariable(Variables.ITEMS_ON_TIME, onTime);
    execution.setVariable(Variables.ITEMS_LATE, late);
    execution.setVariable(Variables.ITEMS_NOT_DONE, notDone);
  }

  // --- reminders

  /**
   * Reminds every open task of {@code taskKey} in the instance (of one item, if given): a comment on the
   * task, its follow-up date set to now and its priority raised, so Tasklist shows it; and a reminder row.
   */
  private void remind(DelegateExecution execution, String taskKey, String departmentVariable, Long ofItem,
      long meetingId, Long itemId, String kind, int priority, String message) {
    OffsetDateTime at = now();
    List<Task> open = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(taskKey).list();
    for (Task task : open) {
      if (ofItem != null && !ofItem.equals(number(runtime.getVariable(task.getExecutionId(), Variables.ACTION_ITEM_ID)))) {
        continue;
      }
      String department = (String) runtime.getVariable(task.getExecutionId(), departmentVariable);
      task.setFollowUpDate(ClockUtil.getCurrentTime());
      task.setPriority(Math.max(task.getPriority(), priority));
      tasks.saveTask(task);
      tasks.createComment(task.getId(), task.getProcessInstanceId(), message);
      meetings.insertReminder(meetingId, itemId, department, kind, task.getId(), at);
    }
  }

  // --- helpers

  static String itemBrief(Item item) {
    return "议定事项第 " + item.seq() + " 项：" + item.description()
        + (item.planTaskCode() == null ? "" : "\n责任分工表任务：" + item.planTaskCode())
        + "\n完成时限：" + CHINESE_DATE.format(item.dueDate());
  }

  static List<String> allDepartments() {
    return Arrays.stream(Department.values()).map(Department::groupId).toList();
  }

  /** Chinese name of a department group (the id itself for an unknown one). */
  static String name(String department) {
    return Department.byGroupId(department).map(Department::displayName).orElse(department);
  }

  /** Known department groups, without duplicates, in the order given. */
  static List<String> departments(List<String> ids, String label) {
    Set<String> result = new LinkedHashSet<>();
    for (String id : ids) {
      if (Department.byGroupId(id).isEmpty()) {
        throw new ProcessEngineException(label + "：" + id + " 不是已知的部门");
      }
      result.add(id);
    }
    return List.copyOf(result);
  }

  private Meeting meeting(Object meetingId) {
    long id = meetingId(meetingId);
    return meetings.meeting(id).orElseThrow(() -> new ProcessEngineException("联席会议 " + id + " 不存在"));
  }

  private Item item(Object itemId) {
    long id = meetingId(itemId);
    return meetings.item(id).orElseThrow(() -> new ProcessEngineException("议定事项 " + id + " 不存在"));
  }

  private static long meetingId(Object value) {
    Long id = number(value);
    if (id == null) {
      throw new ProcessEngineException("编号缺失或不是数字：" + value);
    }
    return id;
  }

  private static Long number(Object value) {
    if (value instanceof Number n) {
      return n.longValue();
    }
    if (value instanceof String s && s.matches("\\d{1,18}")) {
      return Long.parseLong(s);
    }
    return null;
  }

  private static ItemDecision decision(Object value) {
    if (value == null || value.toString().isBlank()) {
      throw new ProcessEngineException("请选择验收结论");
    }
    try {
      return ItemDecision.valueOf(value.toString());
    } catch (IllegalArgumentException e) {
      throw new ProcessEngineException("验收结论 " + value + " 无效，应为 ACCEPT、SEND_BACK 或 CLOSE");
    }
  }

  /** A JSON value from a form: a Json variable (Spin node), a JSON string, or Java lists and maps. */
  static JsonNode json(Object value, String label) {
    if (value == null) {
      return null;
    }
    if (value instanceof JsonNode node) {
      return node;
    }
    if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
      return JSON.valueToTree(value);
    }
    String text = value.toString().trim();
    if (text.isEmpty()) {
      return null;
    }
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ProcessEngineException(label + "格式不正确");
    }
  }

  /**
   * A list of strings from a form's checklist or tag list: a JSON array (Json variable or string), a Java
   * collection, or a comma-separated string. Null when the value is absent.
   */
  static List<String> strings(Object value, String label) {
    if (value == null) {
      return null;
    }
    if (value instanceof String s && !s.trim().startsWith("[")) {
      return Arrays.stream(s.split("[,，、\\s]+")).filter(x -> !x.isBlank()).toList();
    }
    JsonNode node = json(value, label);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isArray()) {
      throw new ProcessEngineException(label + "格式不正确：应为列表");
    }
    List<String> result = new ArrayList<>();
    node.forEach(n -> result.add(n.isObject() ? n.path("value").asText() : n.asText()));
    return result;
  }

  static LocalDate date(Object value, String label) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof LocalDate d) {
      return d;
    }
    if (value instanceof Date d) {
      return d.toInstant().atZone(ZONE).toLocalDate();
    }
    String text = value.toString().trim();
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new ProcessEngineException(label + "格式不正确：" + text);
    }
  }

  private static String requireText(Object value, String label, int max) {
    String text = optionalText(value, label, max);
    if (text == null) {
      throw new ProcessEngineException("请填写" + label);
    }
    return text;
  }

  private static String optionalText(Object value, String label, int max) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    String text = value.toString().trim();
    if (text.length() > max) {
      throw new ProcessEngineException(label + "不能超过 " + max + " 字");
    }
    return text;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private String by(DelegateTask task) {
    if (task != null && task.getAssignee() != null) {
      return task.getAssignee();
    }
    String user = CurrentUser.of(identity).getUserId();
    return user != null ? user : "system";
  }

  private String countyName(String county) {
    return counties.findByCode(county).map(c -> c.name()).orElse(county);
  }

  /** The engine's clock, which tests may set. */
  static OffsetDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZONE).toOffsetDateTime();
  }

  static LocalDate today() {
    return now().toLocalDate();
  }

  /** Whether a caller's groups make them the convener's side (all of a meeting) rather than one member. */
  static boolean seesWholeMeeting(Collection<String> groups) {
    return groups.contains(Department.HEALTH.groupId()) || groups.contains(Role.SUPERVISOR.groupId())
        || groups.contains(Role.ADMINISTRATOR.groupId());
  }
}
