package cn.tuoyu.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The Tasklist filters of every working role: 我的待办, 本部门待办 and 即将到期. They use stored-query
 * expressions (${currentUser()}, ${currentUserGroups()}), so only the system creates and changes them;
 * other users may read but never create or change filters.
 *
 * <p>本部门待办 exists twice under one name, and each person reads one of them. For clerks and
 * inspectors it has no criteria: their task tenants are their departments' ({@link TaskAudience}), so
 * every task they see is one of their department's, and the list and count read those tasks by the
 * tenant index alone. Supervisors see every task of their counties; theirs keeps the criterion
 * "a candidate group of mine". A person therefore holds one working role: clerk or inspector, or
 * supervisor.
 */
public final class TasklistFilters {

  public static final String MY_TASKS = "我的待办";
  public static final String DEPARTMENT_TASKS = "本部门待办";
  public static final String DUE_SOON = "即将到期";

  /** Days ahead that 即将到期 looks; overdue tasks are included too. */
  static final int DUE_SOON_DAYS = 3;

  /** Filter property naming which system filter a filter is; filters without it are adopted by name. */
  static final String KEY_PROPERTY = "systemFilter";
  /** Filter property with the definition's revision: a filter of an older revision is rewritten at start. */
  static final String REVISION_PROPERTY = "systemFilterRevision";

  private static final List<Role> STAFF = List.of(Role.CLERK, Role.INSPECTOR);

  /** One filter the system keeps: its key, name, look, query and the role groups that read it. */
  enum Definition {
    MINE("my-tasks", 1, MY_TASKS, 1, "#3b82f6", "指派给我本人、由我办理的任务", Role.WORKING,
        tasks -> tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc()),
    DEPARTMENT_STAFF("department-tasks-staff", 2, DEPARTMENT_TASKS, 2, "#10b981",
        "本部门（本区县）可认领和已认领的任务", STAFF,
        tasks -> tasks.createTaskQuery().orderByDueDate().asc()),
    DEPARTMENT_SUPERVISORS("department-tasks-supervisors", 1, DEPARTMENT_TASKS, 2, "#10b981",
        "本人所在部门（所辖区县）可认领和已认领的任务", List.of(Role.SUPERVISOR),
        TasklistFilters::byCandidateGroups),
    DUE_SOON_TASKS("due-soon", 1, DUE_SOON, 3, "#ef4444",
        "我可见的任务中 " + DUE_SOON_DAYS + " 日内到期或已逾期的任务", Role.WORKING,
        tasks -> tasks.createTaskQuery()
            .dueBeforeExpression("${dateTime().plusDays(" + DUE_SOON_DAYS + ").toDate()}")
            .orderByDueDate().asc());

    final String key;
    final int revision;
    final String name;
    final int priority;
    final String color;
    final String description;
    final List<Role> readers;
    final Function<TaskService, TaskQuery> query;

    Definition(String key, int revision, String name, int priority, String color, String description,
        List<Role> readers, Function<TaskService, TaskQuery> query) {
      this.key = key;
      this.revision = revision;
      this.name = name;
      this.priority = priority;
      this.color = color;
      this.description = description;
      this.readers = readers;
      this.query = query;
    }

    Map<String, Object> properties() {
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("priority", priority);
      properties.put("color", color);
      properties.put("description", description);
      properties.put("refresh", true);
      properties.put("showUndefinedVariable", false);
      properties.put(KEY_PROPERTY, key);
      properties.put(REVISION_PROPERTY, revision);
      return properties;
    }
  }

  private TasklistFilters() {}

  /** 本部门待办 by "a candidate group of mine", assigned or not: the supervisors' query. */
  public static TaskQuery byCandidateGroups(TaskService tasks) {
    return tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
        .includeAssignedTasks().orderByDueDate().asc();
  }

  /**
   * Creates the filters that do not exist yet, brings those of an older revision up to date and
   * returns, per filter id, the role groups that read it.
   */
  public static Map<String, List<Role>> ensure(FilterService filters, TaskService tasks) {
    Map<String, List<Role>> readers = new LinkedHashMap<>();
    for (Definition definition : Definition.values()) {
      readers.put(ensure(filters, tasks, definition), definition.readers);
    }
    return readers;
  }

  private static String ensure(FilterService filters, TaskService tasks, Definition definition) {
    Filter filter = existing(filters, definition);
    if (filter == null) {
      filter = filters.newTaskFilter(definition.name);
    } else if (Objects.equals(property(filter, REVISION_PROPERTY), definition.revision)
        && definition.key.equals(property(filter, KEY_PROPERTY))) {
      return filter.getId();
    }
    filter.setName(definition.name);
    filter.setProperties(definition.properties());
    filter.setQuery(definition.query.apply(tasks));
    return filters.saveFilter(filter).getId();
  }

  /**
   * The filter of this definition: the one with its key, else one of its name without a key, as older
   * installations have them (it gets the key when saved, so no second definition adopts it).
   */
  private static Filter existing(FilterService filters, Definition definition) {
    List<Filter> named = filters.createFilterQuery().filterName(definition.name).list();
    return named.stream().filter(f -> definition.key.equals(property(f, KEY_PROPERTY))).findFirst()
        .orElseGet(() -> named.stream().filter(f -> property(f, KEY_PROPERTY) == null)
            .findFirst().orElse(null));
  }

  private static Object property(Filter filter, String name) {
    return filter.getProperties() == null ? null : filter.getProperties().get(name);
  }
}
