package cn.tuoyu.identity;

import cn.tuoyu.system.RuleViolationException;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;

/**
 * A task goes only to someone of its audience: a member of one of its candidate groups, or one of its
 * candidate users, who belongs to the case's county. Checked at every assignment (claim, hand-over,
 * delegation), whoever does it, so a clerk cannot claim a task for a person of another department.
 * Added to every user task by the parse listener below.
 */
public class TaskAudienceGuard implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String assignee = task.getAssignee();
    Set<IdentityLink> candidates = task.getCandidates();
    if (assignee == null || candidates.isEmpty()) {
      return;
    }
    if (candidates.stream().anyMatch(link -> assignee.equals(link.getUserId()))) {
      return;
    }
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    Authentication person = Context.getCommandContext().runWithoutAuthorization(() -> CurrentUser.of(identity, assignee));
    boolean inAudience = TaskAudience.includes(candidates, assignee, person.getGroupIds());
    String county = TaskAudience.countyOf(task.getTenantId());
    boolean inCounty = county == null || person.getTenantIds().contains(county);
    if (!inAudience || !inCounty) {
      throw new RuleViolationException("任务“" + task.getName() + "”只能由"
          + (inAudience ? "本区县" : "承办部门") + "的人员办理，不能交给 " + assignee);
    }
  }

  /**
   * A task created without any candidate keeps its case's plain county tenant, which every clerk of
   * the county could read: it goes to the supervisors' audience instead. (The models give every user
   * task a candidate; this keeps a model that forgets one from leaking.)
   */
  static final TaskListener NO_AUDIENCE_TO_SUPERVISORS = task -> {
    if (Context.getProcessEngineConfiguration().isAuthorizationEnabled()) {
      TaskAudienceAuthorizationProvider.toSupervisorsUnlessPlaced((TaskEntity) task);
    }
  };

  /** Puts the guard on every user task of every deployed model. */
  public static class ParseListener extends AbstractBpmnParseListener {

    private final TaskAudienceGuard guard = new TaskAudienceGuard();

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
        userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, NO_AUDIENCE_TO_SUPERVISORS);
        userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, guard);
      }
    }
  }

}
