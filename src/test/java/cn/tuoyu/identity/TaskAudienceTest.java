package cn.tuoyu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.junit.jupiter.api.Test;

/** Task tenants: which tenants a person's memberships give them, and how a task tenant reads. */
class TaskAudienceTest {

  @Test
  void aCountyClerkHasTheTaskTenantsOfTheirGroupsInTheirCounty() {
    assertThat(TaskAudience.tenantsOf(List.of("610602"), List.of("clerk", "health")))
        .containsExactlyInAnyOrder("610602", "610602-clerk", "610602-health");
  }

  @Test
  void aPersonOfTwoCountiesHasTheTaskTenantsOfBoth() {
    assertThat(TaskAudience.tenantsOf(List.of("610602", "610603"), List.of("inspector")))
        .containsExactlyInAnyOrder("610602", "610602-inspector", "610603", "610603-inspector");
  }

  @Test
  void aSupervisorHasEveryAudienceOfTheirCounty() {
    List<String> tenants = TaskAudience.tenantsOf(List.of("610621"), List.of("supervisor", "health"));
    assertThat(tenants).contains("610621", "610621-health", "610621-approval", "610621-education",
        "610621-inspector", "610621-supervisor", "610621-family-planning");
    assertThat(tenants).hasSize(1 + Department.values().length + Role.values().length);
    assertThat(tenants).allSatisfy(t -> assertThat(TaskAudience.countyOf(t)).isEqualTo("610621"));
  }

  @Test
  void aTaskTenantGivenDirectlyIsKeptButNotWidened() {
    assertThat(TaskAudience.tenantsOf(List.of("610602-health"), List.of("clerk", "education")))
        .containsExactly("610602-health");
  }

  @Test
  void noCountyNoTaskTenants() {
    assertThat(TaskAudience.tenantsOf(List.of(), List.of("clerk", "health"))).isEmpty();
  }

  @Test
  void aTaskTenantNamesCountyAndAudience_departmentsWithHyphensIncluded() {
    String tenant = TaskAudience.tenant("610602", Department.CIVIL_AFFAIRS.groupId());
    assertThat(tenant).isEqualTo("610602-civil-affairs");
    assertThat(TaskAudience.countyOf(tenant)).isEqualTo("610602");
    assertThat(TaskAudience.audienceOf(tenant)).isEqualTo("civil-affairs");
    assertThat(TaskAudience.countyOf("610602")).isEqualTo("610602");
    assertThat(TaskAudience.audienceOf("610602")).isNull();
    assertThat(TaskAudience.countyOf(null)).isNull();
    assertThat(TaskAudience.audienceOf(null)).isNull();
  }

  @Test
  void theAudienceIsTheCandidateUsersAndTheMembersOfTheCandidateGroups() {
    Set<IdentityLinkEntity> candidates = Set.of(group("health"), user("baota-supervisor"));
    assertThat(TaskAudience.includes(candidates, "baota-health-clerk", List.of("clerk", "health"))).isTrue();
    assertThat(TaskAudience.includes(candidates, "baota-supervisor", List.of("supervisor", "approval"))).isTrue();
    assertThat(TaskAudience.includes(candidates, "baota-approval-supervisor", List.of("supervisor", "approval")))
        .isFalse();
    assertThat(TaskAudience.includes(Set.of(), "baota-health-clerk", List.of("health"))).isFalse();
  }

  private static IdentityLinkEntity group(String groupId) {
    IdentityLinkEntity link = new IdentityLinkEntity();
    link.setGroupId(groupId);
    link.setType("candidate");
    return link;
  }

  private static IdentityLinkEntity user(String userId) {
    IdentityLinkEntity link = new IdentityLinkEntity();
    link.setUserId(userId);
    link.setType("candidate");
    return link;
  }
}
