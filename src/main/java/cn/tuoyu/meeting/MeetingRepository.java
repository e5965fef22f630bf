package cn.tuoyu.meeting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The responsibility matrix (责任分工表) and the joint meetings with their reports, items and reminders. */
@Repository
public class MeetingRepository {

  /** A task of the plan with its responsible department groups, the first one leading. */
  public record PlanTask(String code, String part, String subsection, String title, String content,
      String departmentsAsWritten, String otherBodies, List<String> departments) {}

  public record Meeting(long id, String countyCode, String title, String status, String agenda, LocalDate plannedDate,
      OffsetDateTime reportsRequestedAt, LocalDate reportDueDate, LocalDate heldOn, String attendees, String minutes,
      String decisions, String recordedBy, OffsetDateTime recordedAt, String startedBy, OffsetDateTime startedAt,
      OffsetDateTime closedAt, Integer itemsOnTime, Integer itemsLate, Integer itemsNotDone) {}

  /** A member department and its progress report. */
  public record Member(long meetingId, String department, String reportStatus, String workProgress, String problems,
      String nextSteps, String submittedBy, OffsetDateTime submittedAt, Boolean onTime, boolean overdue) {}

  public record Item(long id, long meetingId, int seq, String planTaskCode, String description, LocalDate deadline,
      LocalDate dueDate, String status, OffsetDateTime completedAt, String outcome, String decidedBy,
      OffsetDateTime decidedAt, String decisionNote, boolean overdue) {}

  /** One responsible department's part of an item. */
  public record Assignment(long itemId, String department, String status, String report, String evidence,
      LocalDate completedOn, String reportedBy, OffsetDateTime reportedAt, int returns, String returnNote) {}

  /** What a new item row needs. */
  public record NewItem(int seq, String planTaskCode, String description, LocalDate deadline, LocalDate dueDate,
      List<String> departments) {}

  private static final String MEETING_COLUMNS = "id, county_code, title, status, agenda, planned_date, "
      + "reports_requested_at, report_due_date, held_on, attendees, minutes, decisions, recorded_by, recorded_at, "
      + "started_by, started_at, closed_at, items_on_time, items_late, items_not_done";
  private static final String MEMBER_COLUMNS = "meeting_id, department, report_status, work_progress, problems, "
      + "next_steps, submitted_by, submitted_at, on_time, overdue";
  private static final String ITEM_COLUMNS = "id, meeting_id, seq, plan_task_code, description, deadline, due_date, "
      + "status, completed_at, outcome, decided_by, decided_at, decision_note, overdue";
  private static final String ASSIGNMENT_COLUMNS = "item_id, department, status, report, evidence, completed_on, "
      + "reported_by, reported_at, returns, return_note";

  private final JdbcClient jdbc;

  public MeetingRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // --- responsibility matrix

  /** The plan's tasks in the plan's order. */
  public List<PlanTask> planTasks() {
    Map<String, List<String>> departments = new LinkedHashMap<>();
    jdbc.sql("select task_code, department from plan_task_department order by task_code, position")
        .query((rs, n) -> departments.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>())
            .add(rs.getString(2)))
        .list();
    return jdbc.sql("select code, part, subsection, title, content, departments_as_written, other_bodies "
            + "from plan_task order by sort_order")
        .query((rs, n) -> new PlanTask(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), departments.getOrDefault(rs.getString(1), List.of())))
        .list();
  }

  public Optional<PlanTask> planTask(String code) {
    return planTasks().stream().filter(t -> t.code().equals(code)).findFirst();
  }

  // --- meetings

  public long insertMeeting(String county, String title, String slot, String by, OffsetDateTime at) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("insert into joint_meeting (county_code, title, scheduled_slot, status, started_by, started_at) "
            + "values (?, ?, ?, 'DRAFTING', ?, ?)")
        .params(county, title, slot, by, at)
        .update(key, "id");
    return key.getKey().longValue();
  }

  public boolean slotTaken(String slot) {
    return jdbc.sql("select count(*) from joint_meeting where scheduled_slot = ?").param(slot)
        .query(Integer.class).single() > 0;
  }

  public Optional<Meeting> meeting(long id) {
    return jdbc.sql("select " + MEETING_COLUMNS + " from joint_meeting where id = ?").param(id)
        .query(Meeting.class).optional();
  }

  public void setStatus(long meetingId, String status) {
    jdbc.sql("update joint_meeting set status = ? where id = ?").params(status, meetingId).update();
  }

  /** Agenda and members, replacing members set before (the draft task may be completed again after a retry). */
  public void saveAgenda(long meetingId, String agenda, LocalDate plannedDate, List<String> members) {
    jdbc.sql("update joint_meeting set agenda = ?, planned_date = ? where id = ?")
        .params(agenda, plannedDate, meetingId).update();
    jdbc.sql("delete from meeting_member where meeting_id = ?").param(meetingId).update();
    for (String department : members) {
      jdbc.sql("insert into meeting_member (meeting_id, department, report_status) values (?, ?, 'OPEN')")
          .params(meetingId, department).update();
    }
  }

  public void reportsRequested(long meetingId, OffsetDateTime at, LocalDate dueDate) {
    jdbc.sql("update joint_meeting set status = 'REPORTING', reports_requested_at = ?, report_due_date = ? "
            + "where id = ?")
        .params(at, dueDate, meetingId).update();
  }

  public void recordMeeting(long meetingId, LocalDate heldOn, String attendees, String minutes, String decisions,
      String by, OffsetDateTime at) {
    jdbc.sql("update joint_meeting set status = 'ACTIONS', held_on = ?, attendees = ?, minutes = ?, decisions = ?, "
            + "recorded_by = ?, recorded_at = ? where id = ?")
        .params(heldOn, attendees, minutes, decisions, by, at, meetingId).update();
  }

  public void close(long meetingId, OffsetDateTime at, int onTime, int late, int notDone) {
    jdbc.sql("update joint_meeting set status = 'CLOSED', closed_at = ?, items_on_time = ?, items_late = ?, "
            + "items_not_done = ? where id = ?")
        .params(at, onTime, late, notDone, meetingId).update();
  }

  // --- members and their reports

  public List<Member> members(long meetingId) {
    return jdbc.sql("select " + MEMBER_COLUMNS + " from meeting_member where meeting_id = ? order by department")
        .param(meetingId).query(Member.class).list();
  }

  public void submitReport(long meetingId, String department, String workProgress, String problems,
      String nextSteps, String by, OffsetDateTime at, boolean onTime) {
    jdbc.sql("update meeting_member set report_status = 'SUBMITTED', work_progress = ?, problems = ?, next_steps = ?, "
            + "submitted_by = ?, submitted_at = ?, on_time = ? where meeting_id = ? and department = ?")
        .params(workProgress, problems, nextSteps, by, at, onTime, meetingId, department).update();
  }

  public void markReportsOverdue(long meetingId) {
    jdbc.sql("update meeting_member set overdue = true where meeting_id = ? and report_status = 'OPEN'")
        .param(meetingId).update();
  }

  // --- action items

  public void insertItems(long meetingId, List<NewItem> items) {
    for (NewItem item : items) {
      KeyHolder key = new GeneratedKeyHolder();
      jdbc.sql("insert into meeting_action_item (meeting_id, seq, plan_task_code, description, deadline, due_date, "
              + "status) values (?, ?, ?, ?, ?, ?, 'OPEN')")
          .params(meetingId, item.seq(), item.planTaskCode(), item.description(), item.deadline(), item.dueDate())
          .update(key, "id");
      long id = key.getKey().longValue();
      for (String department : item.departments()) {
        jdbc.sql("insert into meeting_action_assignment (item_id, department, status) values (?, ?, 'OPEN')")
            .params(id, department).update();
      }
    }
  }

  public List<Item> items(long meetingId) {
    return jdbc.sql("select " + ITEM_COLUMNS + " from meeting_action_item where meeting_id = ? order by seq")
        .param(meetingId).query(Item.class).list();
  }

  public Optional<Item> item(long itemId) {
    return jdbc.sql("select " + ITEM_COLUMNS + " from meeting_action_item where id = ?").param(itemId)
        .query(Item.class).optional();
  }

  public List<Assignment> assignments(long itemId) {
    return jdbc.sql("select " + ASSIGNMENT_COLUMNS + " from meeting_action_assignment where item_id = ? "
            + "order by department")
        .param(itemId).query(Assignment.class).list();
  }

  public void reportCompletion(long itemId, String department, String report, String evidence, LocalDate completedOn,
      String by, OffsetDateTime at) {
    jdbc.sql("update meeting_action_assignment set status = 'REPORTED', report = ?, evidence = ?, completed_on = ?, "
            + "reported_by = ?, reported_at = ? where item_id = ? and department = ?")
        .params(report, evidence, completedOn, by, at, itemId, department).update();
  }

  public void sendBack(long itemId, String department, String note) {
    jdbc.sql("update meeting_action_assignment set status = 'RETURNED', returns = returns + 1, return_note = ? "
            + "where item_id = ? and department = ?")
        .params(note, itemId, department).update();
  }

  public void settleItem(long itemId, String status, String assignmentStatus, OffsetDateTime completedAt,
      String outcome, String by, OffsetDateTime at, String note) {
    jdbc.sql("update meeting_action_item set status = ?, completed_at = ?, outcome = ?, decided_by = ?, decided_at = ?, "
            + "decision_note = ? where id = ?")
        .params(status, completedAt, outcome, by, at, note, itemId).update();
    jdbc.sql("update meeting_action_assignment set status = ? where item_id = ?")
        .params(assignmentStatus, itemId).update();
  }

  public void markItemOverdue(long itemId) {
    jdbc.sql("update meeting_action_item set overdue = true where id = ?").param(itemId).update();
  }

  /** Open parts of the meeting's items, i.e. neither accepted nor closed, by item then department. */
  public List<Assignment> openAssignments(long meetingId) {
    return jdbc.sql("select a.item_id, a.department, a.status, a.report, a.evidence, a.completed_on, a.reported_by, "
            + "a.reported_at, a.returns, a.return_note from meeting_action_assignment a "
            + "join meeting_action_item i on i.id = a.item_id where i.meeting_id = ? and i.status = 'OPEN' "
            + "order by i.seq, a.department")
        .param(meetingId).query(Assignment.class).list();
  }

  // --- reminders

  public void insertReminder(long meetingId, Long itemId, String department, String kind, String taskId,
      OffsetDateTime at) {
    jdbc.sql("insert into meeting_reminder (meeting_id, item_id, department, kind, task_id, reminded_at) "
            + "values (?, ?, ?, ?, ?, ?)")
        .params(meetingId, itemId, department, kind, taskId, at).update();
  }

  /** Reminders per department of the meeting's progress reports (kinds REPORT_*). */
  public Map<String, Integer> reportReminders(long meetingId) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    jdbc.sql("select department, count(*) from meeting_reminder where meeting_id = ? and item_id is null "
            + "group by department order by department")
        .param(meetingId)
        .query((rs, n) -> counts.put(rs.getString(1), rs.getInt(2)))
        .list();
    return counts;
  }

  public List<String> reminderKinds(long meetingId, String department) {
    return jdbc.sql("select kind from meeting_reminder where meeting_id = ? and department = ? order by id")
        .params(meetingId, department).query(String.class).list();
  }
}
