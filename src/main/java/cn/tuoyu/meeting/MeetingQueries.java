package cn.tuoyu.meeting;

import cn.tuoyu.identity.CountyRepository;
import cn.tuoyu.identity.CurrentUser;
import cn.tuoyu.identity.Department;
import cn.tuoyu.identity.Role;
import cn.tuoyu.meeting.JointMeetingProcess.Outcome;
import cn.tuoyu.meeting.JointMeetingProcess.Status;
import cn.tuoyu.meeting.MeetingRepository.Assignment;
import cn.tuoyu.meeting.MeetingRepository.Item;
import cn.tuoyu.meeting.MeetingRepository.Meeting;
import cn.tuoyu.meeting.MeetingRepository.Member;
import cn.tuoyu.meeting.MeetingRepository.PlanTask;
import cn.tuoyu.system.NotFoundException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Service;

/**
 * What the API shows of a meeting: its status, the open action items per department and the summary.
 * The convener's side (卫健委, supervisors, administrators) of the meeting's county sees everything; a member
 * department's clerk sees the meeting it takes part in, and of the open items only its own.
 */
@Service
public class MeetingQueries {

  /** Roles that may read meetings at all (the portal may not). */
  private static final Set<String> READERS = Set.of(Role.CLERK.groupId(), Role.INSPECTOR.groupId(),
      Role.SUPERVISOR.groupId(), Role.ADMINISTRATOR.groupId());

  public record ReportView(String department, String departmentName, String reportStatus, Boolean onTime,
      boolean overdue, OffsetDateTime submittedAt, int reminders) {}

  public record MeetingStatus(long id, String title, String county, String countyName, String status,
      String statusLabel, String agenda, LocalDate plannedDate, LocalDate reportDueDate, int members,
      int reportsSubmitted, int reportsLate, List<ReportView> reports, LocalDate heldOn, int actionItems,
      int itemsOpen, int itemsDone, int itemsNotDone, String startedBy, OffsetDateTime startedAt,
      OffsetDateTime closedAt) {}

  public record OpenItem(long itemId, int seq, String description, String planTaskCode, LocalDate dueDate,
      boolean overdue, String status, String statusLabel) {}

  public record DepartmentItems(String department, String departmentName, List<OpenItem> items) {}

  public record ItemSummary(long itemId, int seq, String description, String planTaskCode, List<String> departments,
      LocalDate deadline, LocalDate dueDate, String outcome, String outcomeLabel, OffsetDateTime completedAt,
      String note) {}

  public record MeetingSummary(long id, String title, String county, String status, String statusLabel, int onTime,
      int late, int notDone, int open, List<ItemSummary> items) {}

  private final MeetingRepository meetings;
  private final CountyRepository counties;
  private final IdentityService identity;

  public MeetingQueries(MeetingRepository meetings, CountyRepository counties, IdentityService identity) {
    this.meetings = meetings;
    this.counties = counties;
    this.identity = identity;
  }

  /** The responsibility matrix, for pickers and checks. */
  public List<PlanTask> planTasks() {
    return meetings.planTasks();
  }

  public MeetingStatus status(long meetingId) {
    Meeting meeting = readable(meetingId).meeting();
    List<Member> members = meetings.members(meetingId);
    Map<String, Integer> reminders = meetings.reportReminders(meetingId);
    List<ReportView> reports = members.stream().map(m -> new ReportView(m.department(),
        MeetingService.name(m.department()), m.reportStatus(), m.onTime(), m.overdue(), m.submittedAt(),
        reminders.getOrDefault(m.department(), 0))).toList();
    List<Item> items = meetings.items(meetingId);
    return new MeetingStatus(meeting.id(), meeting.title(), meeting.countyCode(), countyName(meeting.countyCode()),
        meeting.status(), Status.valueOf(meeting.status()).label(), meeting.agenda(), meeting.plannedDate(),
        meeting.reportDueDate(), members.size(),
        (int) members.stream().filter(m -> "SUBMITTED".equals(m.reportStatus())).count(),
        (int) members.stream().filter(m -> Boolean.FALSE.equals(m.onTime())).count(),
        reports, meeting.heldOn(), items.size(),
        (int) items.stream().filter(i -> "OPEN".equals(i.status())).count(),
        (int) items.stream().filter(i -> "DONE".equals(i.status())).count(),
        (int) items.stream().filter(i -> "NOT_DONE".equals(i.status())).count(),
        meeting.startedBy(), meeting.startedAt(), meeting.closedAt());
  }

  /** Open items (neither accepted nor closed) per department; a member department's clerk gets its own only. */
  public List<DepartmentItems> openItems(long meetingId) {
    Access access = readable(meetingId);
    Map<Long, Item> items = new LinkedHashMap<>();
    meetings.items(meetingId).forEach(i -> items.put(i.id(), i));
    Map<String, List<OpenItem>> byDepartment = new LinkedHashMap<>();
    for (Department d : Department.values()) {
      byDepartment.put(d.groupId(), new ArrayList<>());
    }
    for (Assignment a : meetings.openAssignments(meetingId)) {
      if (!access.whole() && !access.departments().contains(a.department())) {
        continue;
      }
      Item i = items.get(a.itemId());
      byDepartment.computeIfAbsent(a.department(), k -> new ArrayList<>()).add(new OpenItem(i.id(), i.seq(),
          i.description(), i.planTaskCode(), i.dueDate(), i.overdue(), a.status(), assignmentLabel(a.status())));
    }
    return byDepartment.entrySet().stream().filter(e -> !e.getValue().isEmpty())
        .map(e -> new DepartmentItems(e.getKey(), MeetingService.name(e.getKey()), e.getValue())).toList();
  }

  /** Which items were done on time, late or not at all (and which are still open). */
  public MeetingSummary summary(long meetingId) {
    Meeting meeting = readable(meetingId).meeting();
    List<ItemSummary> items = meetings.items(meetingId).stream().map(i -> new ItemSummary(i.id(), i.seq(),
        i.description(), i.planTaskCode(),
        meetings.assignments(i.id()).stream().map(Assignment::department).toList(), i.deadline(), i.dueDate(),
        i.outcome() == null ? "OPEN" : i.outcome(),
        i.outcome() == null ? (i.overdue() ? "办理中（已逾期）" : "办理中") : Outcome.valueOf(i.outcome()).label(),
        i.completedAt(), i.decisionNote())).toList();
    return new MeetingSummary(meeting.id(), meeting.title(), meeting.countyCode(), meeting.status(),
        Status.valueOf(meeting.status()).label(), count(items, Outcome.ON_TIME.name()), count(items, Outcome.LATE.name()),
        count(items, Outcome.NOT_DONE.name()), count(items, "OPEN"), items);
  }

  private static int count(List<ItemSummary> items, String outcome) {
    return (int) items.stream().filter(i -> i.outcome().equals(outcome)).count();
  }

  static String assignmentLabel(String status) {
    return switch (status) {
      case "OPEN" -> "待报告";
      case "RETURNED" -> "退回重办";
      case "REPORTED" -> "已报告，待验收";
      default -> status;
    };
  }

  /** The meeting, and how much of it the caller may see. */
  private record Access(Meeting meeting, boolean whole, Set<String> departments) {}

  /**
   * @throws AuthorizationException for roles that do not read meetings
   * @throws NotFoundException when there is no such meeting, it is of another county, or the caller's
   *     departments take no part in it
   */
  private Access readable(long meetingId) {
    Authentication caller = CurrentUser.of(identity);
    NotFoundException notFound = new NotFoundException("没有编号为 " + meetingId + " 的联席会议");
    if (caller.getUserId() == null) {
      return new Access(meetings.meeting(meetingId).orElseThrow(() -> notFound), true, Set.of());
    }
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    if (groups.stream().noneMatch(READERS::contains)) {
      throw new AuthorizationException("用户 " + caller.getUserId() + " 无权查看联席会议");
    }
    Meeting meeting = meetings.meeting(meetingId).orElseThrow(() -> notFound);
    boolean admin = groups.contains(Role.ADMINISTRATOR.groupId());
    List<String> tenants = caller.getTenantIds() == null ? List.of() : caller.getTenantIds();
    if (!admin && !tenants.contains(meeting.countyCode())) {
      throw notFound;
    }
    if (MeetingService.seesWholeMeeting(groups)) {
      return new Access(meeting, true, Set.of());
    }
    Set<String> own = new java.util.HashSet<>(groups);
    own.retainAll(MeetingService.allDepartments());
    boolean member = meetings.members(meetingId).stream().anyMatch(m -> own.contains(m.department()))
        || meetings.items(meetingId).stream().flatMap(i -> meetings.assignments(i.id()).stream())
            .anyMatch(a -> own.contains(a.department()));
    if (!member) {
      throw notFound;
    }
    return new Access(meeting, false, own);
  }

  private String countyName(String county) {
    return counties.findByCode(county).map(c -> c.name()).orElse(county);
  }
}
