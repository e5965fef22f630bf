package cn.tuoyu.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The three filters every clerk sees in Tasklist. They use stored-query expressions
 * (${currentUser()}, ${currentUserGroups()}), so only the system creates them; other users may
 * read but never create or change filters.
 */
public final class TasklistFilters {

  public static final String MY_TASKS = "我的待办";
  public static final String DEPARTMENT_TASKS = "本部门待办";
  public static final String DUE_SOON = "即将到期";

  /** Days ahead that 即将到期 looks; overdue tasks are included too. */
  static final int DUE_SOON_DAYS = 3;

  private TasklistFilters() {}

  /** Creates the filters that do not exist yet (matched by name) and returns the ids of all three. */
  public static List<String> ensure(FilterService filters, TaskService tasks) {
    List<String> ids = new ArrayList<>();
    ids.add(ensure(filters, MY_TASKS, 1, "#3b82f6", "指派给我本人、由我办理的任务",
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc()));
    ids.add(ensure(filters, DEPARTMENT_TASKS, 2, "#10b981", "本部门（本区县）可认领和已认领的任务",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks().orderByDueDate().asc()));
    ids.add(ensure(filters, DUE_SOON, 3, "#ef4444",
        "我可见的任务中 " + DUE_SOON_DAYS + " 日内到期或已逾期的任务",
        tasks.createTaskQuery()
            .dueBeforeExpression("${dateTime().plusDays(" + DUE_SOON_DAYS + ").toDate()}")
            .orderByDueDate().asc()));
    return ids;
  }

  private static String ensure(FilterService filters, String name, int priority, String color,
      String description, TaskQuery query) {
    Filter existing = filters.createFilterQuery().filterName(name).singleResult();
    if (existing != null) {
      return existing.getId();
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("priority", priority);
    properties.put("color", color);
    properties.put("description", description);
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    Filter filter = filters.newTaskFilter(name).setProperties(properties).setQuery(query);
    return filters.saveFilter(filter).getId();
  }
}
