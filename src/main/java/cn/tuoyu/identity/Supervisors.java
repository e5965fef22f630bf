package cn.tuoyu.identity;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Who supervises a department in a county, for escalations (催办) in models:
 * {@code camunda:candidateUsers="${supervisors.of(registrationAuthority, county)}"}.
 */
@Component("supervisors")
public class Supervisors {

  private final IdentityService identity;

  public Supervisors(IdentityService identity) {
    this.identity = identity;
  }

  /**
   * Comma-separated ids of the county's supervisors of the department; when the department has
   * none there, all supervisors of the county, so that an escalation never goes to nobody.
   */
  public String of(String department, String county) {
    List<String> countySupervisors = identity.createUserQuery()
        .memberOfGroup(Role.SUPERVISOR.groupId())
        .memberOfTenant(county)
        .orderByUserId().asc()
        .list().stream()
        .map(User::getId)
        .toList();
    List<String> ofDepartment = countySupervisors.stream()
        .filter(id -> identity.createUserQuery().userId(id).memberOfGroup(department).count() > 0)
        .toList();
    return String.join(",", ofDepartment.isEmpty() ? countySupervisors : ofDepartment);
  }
}
