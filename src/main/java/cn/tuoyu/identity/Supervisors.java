package cn.tuoyu.identity;

import java.util.stream.Collectors;
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

  /** Comma-separated ids of the users in both the supervisor role and the department, working in the county. */
  public String of(String department, String county) {
    return identity.createUserQuery()
        .memberOfGroup(Role.SUPERVISOR.groupId())
        .memberOfTenant(county)
        .orderByUserId().asc()
        .list().stream()
        .map(User::getId)
        .filter(id -> identity.createUserQuery().userId(id).memberOfGroup(department).count() > 0)
        .collect(Collectors.joining(","));
  }
}
