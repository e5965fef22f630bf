package cn.tuoyu.support;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;

/** Small look-ups and set-ups the engine tests share: tasks, timers, candidates, supervisors, instants. */
public final class EngineFixtures {

  private EngineFixtures() {}

  /**
   * An engine of the test's own, apart from the shared test engine: named {@code name}, on its own
   * in-memory H2 database, no job executor. Set plugins or beans on it, then build it.
   */
  public static StandaloneInMemProcessEngineConfiguration ownInMemoryEngine(String name) {
    var configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    configuration.setJobExecutorActivate(false);
    return configuration;
  }

  /** The instant of an ISO offset date-time such as {@code 2026-02-12T10:00:00+08:00}. */
  public static Date at(String isoOffsetDateTime) {
    return Date.from(OffsetDateTime.parse(isoOffsetDateTime).toInstant());
  }

  /** The open task of the instance at the activity, or null. */
  public static Task task(ProcessEngine engine, ProcessInstance instance, String activityId) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(activityId).singleResult();
  }

  /** The timer job of the instance at the activity, or null. */
  public static Job timer(ProcessEngine engine, ProcessInstance instance, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId(activityId).singleResult();
  }

  /** The candidate groups of the task. */
  public static List<String> candidateGroups(ProcessEngine engine, Task task) {
    return candidates(engine, task, IdentityLink::getGroupId);
  }

  /** The candidate users of the task. */
  public static List<String> candidateUsers(ProcessEngine engine, Task task) {
    return candidates(engine, task, IdentityLink::getUserId);
  }

  private static List<String> candidates(ProcessEngine engine, Task task, Function<IdentityLink, String> id) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()) && id.apply(l) != null).map(id).toList();
  }

  /**
   * A user in the groups {@code supervisor} and {@code department} and a member of the county's tenant; the
   * groups and the tenant are created when missing.
   */
  public static void supervisor(ProcessEngine engine, String userId, String department, String county) {
    IdentityService identity = engine.getIdentityService();
    for (String groupId : List.of("supervisor", department)) {
      if (identity.createGroupQuery().groupId(groupId).count() == 0) {
        identity.saveGroup(identity.newGroup(groupId));
      }
    }
    identity.saveUser(identity.newUser(userId));
    identity.createMembership(userId, "supervisor");
    identity.createMembership(userId, department);
    if (identity.createTenantQuery().tenantId(county).count() == 0) {
      identity.saveTenant(identity.newTenant(county));
    }
    identity.createTenantUserMembership(county, userId);
  }

  /** Deletes every user and group, with their memberships, so that the next test's supervisors start afresh. */
  public static void deleteUsersAndGroups(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    identity.createUserQuery().list().forEach(u -> identity.deleteUser(u.getId()));
    identity.createGroupQuery().list().forEach(g -> identity.deleteGroup(g.getId()));
  }
}
