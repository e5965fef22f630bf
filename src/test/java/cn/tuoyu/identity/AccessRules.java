package cn.tuoyu.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The access rules of 属地管理 × 部门, written down independently of the engine: plain SQL on the
 * engine's runtime tables and a few lines of Java. {@link AccessEquivalenceIT} compares what REST
 * answers with what these rules allow.
 */
final class AccessRules {

  /** A person of the generated population: their groups (role + department) and county tenants. */
  record Person(String id, Set<String> groups, Set<String> tenants) {
    boolean isSupervisor() {
      return groups.contains(Role.SUPERVISOR.groupId());
    }
  }

  /** One open task as the database holds it; its county is its case's. */
  record TaskRow(String id, String county, String processDefinitionKey, String definitionKey, String assignee, String owner,
      Instant due, Set<String> candidateGroups, Set<String> candidateUsers) {

    /** Who the task is for, for reports: its candidate groups, or "users" for escalations to named persons. */
    String audience() {
      if (!candidateGroups.isEmpty()) {
        return String.join("+", new java.util.TreeSet<>(candidateGroups));
      }
      return candidateUsers.isEmpty() ? "(nobody)" : "candidate users";
    }
  }

  private AccessRules() {}

  // ---------------------------------------------------------------- the rules

  /**
   * May see and work (claim, complete) the task: it belongs to one of the person's counties AND it
   * is for one of their groups, or names them as candidate or assignee.
   */
  static boolean mayWork(Person p, TaskRow t) {
    boolean ownCounty = t.county() != null && p.tenants().contains(t.county());
    boolean forThem = t.candidateGroups().stream().anyMatch(p.groups()::contains)
        || t.candidateUsers().contains(p.id())
        || p.id().equals(t.assignee());
    return ownCounty && forThem;
  }

  /** May read the task: whoever may work it, and supervisors every task of their counties. */
  static boolean mayRead(Person p, TaskRow t) {
    boolean ownCounty = t.county() != null && p.tenants().contains(t.county());
    return mayWork(p, t) || (p.isSupervisor() && ownCounty);
  }

  // ---------------------------------------------------------------- what each view should list

  /** {@code /engine-rest/task}: everything the person may read. */
  static Set<String> taskList(Person p, Collection<TaskRow> tasks) {
    return ids(tasks, t -> mayRead(p, t));
  }

  /** 我的待办: readable tasks assigned to the person. */
  static Set<String> myTasks(Person p, Collection<TaskRow> tasks) {
    return ids(tasks, t -> mayRead(p, t) && p.id().equals(t.assignee()));
  }

  /** 本部门待办: readable tasks with a candidate group of the person's, assigned or not. */
  static Set<String> departmentTasks(Person p, Collection<TaskRow> tasks) {
    return ids(tasks, t -> mayRead(p, t) && t.candidateGroups().stream().anyMatch(p.groups()::contains));
  }

  /** 即将到期: readable tasks due before {@code limit} (now + {@value TasklistFilters#DUE_SOON_DAYS} days). */
  static Set<String> dueSoon(Person p, Collection<TaskRow> tasks, Instant limit) {
    return ids(tasks, t -> mayRead(p, t) && t.due() != null && t.due().isBefore(limit));
  }

  private static Set<String> ids(Collection<TaskRow> tasks, Predicate<TaskRow> rule) {
    return tasks.stream().filter(rule).map(TaskRow::id).collect(Collectors.toCollection(HashSet::new));
  }

  // ---------------------------------------------------------------- the database state

  /**
   * All open tasks with their candidate groups and users, read with plain SQL (no engine query API).
   * The county is taken from the case (the process instance's tenant), not from the task's own tenant,
   * which is the mechanism under test.
   */
  static Map<String, TaskRow> snapshot(JdbcTemplate jdbc) {
    Map<String, Set<String>> groups = new HashMap<>();
    Map<String, Set<String>> users = new HashMap<>();
    jdbc.query("select TASK_ID_, GROUP_ID_, USER_ID_ from ACT_RU_IDENTITYLINK "
        + "where TYPE_ = 'candidate' and TASK_ID_ is not null", rs -> {
          String task = rs.getString(1);
          if (rs.getString(2) != null) {
            groups.computeIfAbsent(task, k -> new HashSet<>()).add(rs.getString(2));
          }
          if (rs.getString(3) != null) {
            users.computeIfAbsent(task, k -> new HashSet<>()).add(rs.getString(3));
          }
        });
    Map<String, TaskRow> tasks = new LinkedHashMap<>();
    jdbc.query("select T.ID_, P.TENANT_ID_, T.PROC_DEF_ID_, T.TASK_DEF_KEY_, T.ASSIGNEE_, T.OWNER_, T.DUE_DATE_ "
        + "from ACT_RU_TASK T left join ACT_RU_EXECUTION P on P.ID_ = T.PROC_INST_ID_ order by T.ID_", rs -> {
          String id = rs.getString(1);
          String definition = rs.getString(3);
          Timestamp due = rs.getTimestamp(7);
          tasks.put(id, new TaskRow(id, rs.getString(2), definition == null ? null : definition.split(":")[0],
              rs.getString(4), rs.getString(5), rs.getString(6),
              due == null ? null : due.toInstant(),
              groups.getOrDefault(id, Set.of()), users.getOrDefault(id, Set.of())));
        });
    return tasks;
  }

  /** Open tasks counted by task definition key and audience (department), for the report. */
  static List<String> census(Collection<TaskRow> tasks, Set<String> tenants) {
    Map<String, Integer> counts = new java.util.TreeMap<>();
    for (TaskRow t : tasks) {
      if (tenants.contains(t.county())) {
        counts.merge(t.definitionKey() + " → " + t.audience(), 1, Integer::sum);
      }
    }
    List<String> lines = new ArrayList<>();
    counts.forEach((k, v) -> lines.add(String.format("%6d  %s", v, k)));
    return lines;
  }
}
