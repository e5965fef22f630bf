package cn.tuoyu.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.task.IdentityLink;

/**
 * 属地管理 × 部门 as tenants. A task belongs to its county and its audience (the candidate group that
 * does it), written as one tenant id {@code <county>-<audience>}, e.g. {@code 610602-health}; its case
 * keeps the plain county tenant {@code 610602}. A person's counties and groups give the task tenants
 * they see: a 宝塔区 卫健 clerk {@code 610602-health} (and {@code 610602-clerk}), a supervisor every
 * audience of their counties. The engine's tenant check is an indexed equality, so a task page costs
 * the same whatever the number of open tasks, and no authorization row is written per task.
 */
public final class TaskAudience {

  /**
   * Audience of tasks addressed to named persons (escalations, {@code candidateUsers}): supervisors,
   * since {@link Supervisors#of} names supervisors only; only the named ones may work such a task.
   */
  public static final String NAMED_PERSONS = Role.SUPERVISOR.groupId();

  private static final String SEPARATOR = "-";

  /** Every audience a supervisor reads: all department and role groups. */
  private static final List<String> ALL_AUDIENCES = Stream.concat(
      Arrays.stream(Department.values()).map(Department::groupId),
      Arrays.stream(Role.values()).map(Role::groupId)).toList();

  private TaskAudience() {}

  public static String tenant(String county, String audience) {
    return county + SEPARATOR + audience;
  }

  /** The county of a case or task tenant ({@code 610602-health} → {@code 610602}); null stays null. */
  public static String countyOf(String tenantId) {
    if (tenantId == null) {
      return null;
    }
    int separator = tenantId.indexOf(SEPARATOR);
    return separator < 0 ? tenantId : tenantId.substring(0, separator);
  }

  /** The audience of a task tenant, or null for a plain county tenant. */
  public static String audienceOf(String tenantId) {
    int separator = tenantId == null ? -1 : tenantId.indexOf(SEPARATOR);
    return separator < 0 ? null : tenantId.substring(separator + 1);
  }

  /**
   * The tenants the engine checks for a person: their own (counties) and, per county, the task
   * tenants of each of their groups; supervisors get every audience of their counties.
   */
  public static List<String> tenantsOf(Collection<String> tenantIds, Collection<String> groupIds) {
    boolean supervisor = groupIds.contains(Role.SUPERVISOR.groupId());
    Set<String> tenants = new LinkedHashSet<>(tenantIds);
    for (String tenantId : tenantIds) {
      if (audienceOf(tenantId) == null) {
        for (String audience : supervisor ? ALL_AUDIENCES : groupIds) {
          tenants.add(tenant(tenantId, audience));
        }
      }
    }
    return new ArrayList<>(tenants);
  }

  /** Whether the person is of the task's audience: one of its candidate users, or of one of its candidate groups. */
  public static boolean includes(Collection<? extends IdentityLink> candidates, String userId,
      Collection<String> groupIds) {
    return candidates.stream().anyMatch(link -> userId.equals(link.getUserId())
        || (link.getGroupId() != null && groupIds.contains(link.getGroupId())));
  }
}
