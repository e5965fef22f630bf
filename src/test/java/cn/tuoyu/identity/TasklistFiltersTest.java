package cn.tuoyu.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import cn.tuoyu.support.TestEnginePlugin;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The system's Tasklist filters: created once, kept current, and an older installation's single
 * 本部门待办 (with the candidate-group criterion, read by every role) split into the staff's and the
 * supervisors' without leaving a role reading both.
 */
class TasklistFiltersTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engineExtension = ProcessEngineCoverageExtension.builder(TestEnginePlugin.CONFIGURATION).build();

  ProcessEngine engine;
  FilterService filters;
  AuthorizationService authorizations;

  @BeforeEach
  void setUp() {
    engine = engineExtension.getProcessEngine();
    filters = engine.getFilterService();
    authorizations = engine.getAuthorizationService();
  }

  @AfterEach
  void cleanUp() {
    filters.createFilterQuery().list().forEach(f -> filters.deleteFilter(f.getId()));
    authorizations.createAuthorizationQuery().list().forEach(a -> authorizations.deleteAuthorization(a.getId()));
  }

  @Test
  void createsEachFilterOnceWithItsReaders() {
    Map<String, List<Role>> readers = TasklistFilters.ensure(filters, engine.getTaskService());

    assertThat(readers).hasSize(4);
    assertThat(filters.createFilterQuery().filterName(TasklistFilters.DEPARTMENT_TASKS).count()).isEqualTo(2);
    assertThat(readers.get(idOf(TasklistFilters.Definition.DEPARTMENT_STAFF)))
        .containsExactly(Role.CLERK, Role.INSPECTOR);
    assertThat(readers.get(idOf(TasklistFilters.Definition.DEPARTMENT_SUPERVISORS)))
        .containsExactly(Role.SUPERVISOR);
    assertThat(readers.get(idOf(TasklistFilters.Definition.MINE)))
        .containsExactly(Role.CLERK, Role.INSPECTOR, Role.SUPERVISOR);
    // The staff's has no criteria; the supervisors' keeps "a candidate group of mine".
    assertThat(query(TasklistFilters.Definition.DEPARTMENT_STAFF).getExpressions()).isEmpty();
    assertThat(query(TasklistFilters.Definition.DEPARTMENT_STAFF).getCandidateGroups()).isNull();
    assertThat(query(TasklistFilters.Definition.DEPARTMENT_SUPERVISORS).getExpressions())
        .containsEntry("taskCandidateGroupIn", "${currentUserGroups()}");

    assertThat(TasklistFilters.ensure(filters, engine.getTaskService())).as("again: the same filters")
        .isEqualTo(readers);
    assertThat(filters.createFilterQuery().count()).isEqualTo(4);
  }

  @Test
  void anOlderInstallationsDepartmentFilterBecomesTheStaffsAndTheSupervisorsLoseIt() {
    String legacy = filters.saveFilter(filters.newTaskFilter(TasklistFilters.DEPARTMENT_TASKS)
        .setProperties(Map.of("priority", 2, "description", "本部门（本区县）可认领和已认领的任务"))
        .setQuery(engine.getTaskService().createTaskQuery()
            .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks())).getId();
    for (Role role : List.of(Role.CLERK, Role.INSPECTOR, Role.SUPERVISOR)) {
      Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      read.setGroupId(role.groupId());
      read.setResource(Resources.FILTER);
      read.setResourceId(legacy);
      read.addPermission(Permissions.READ);
      authorizations.saveAuthorization(read);
    }

    new IdentitySeeder(engine.getIdentityService(), authorizations, filters, engine.getTaskService(),
        mock(CountyRepository.class), List.of()).seed();

    assertThat(idOf(TasklistFilters.Definition.DEPARTMENT_STAFF)).as("adopted, same id").isEqualTo(legacy);
    assertThat(query(TasklistFilters.Definition.DEPARTMENT_STAFF).getExpressions()).isEmpty();
    assertThat(readersOf(legacy)).containsExactlyInAnyOrder(Role.CLERK.groupId(), Role.INSPECTOR.groupId());
    assertThat(readersOf(idOf(TasklistFilters.Definition.DEPARTMENT_SUPERVISORS)))
        .containsExactly(Role.SUPERVISOR.groupId());
    assertThat(filters.createFilterQuery().count()).isEqualTo(4);
  }

  private String idOf(TasklistFilters.Definition definition) {
    return filters.createFilterQuery().filterName(definition.name).list().stream()
        .filter(f -> definition.key.equals(f.getProperties().get(TasklistFilters.KEY_PROPERTY)))
        .map(Filter::getId).findFirst().orElseThrow();
  }

  private TaskQueryImpl query(TasklistFilters.Definition definition) {
    return filters.getFilter(idOf(definition)).getQuery();
  }

  private List<String> readersOf(String filterId) {
    return authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filterId).list()
        .stream().map(Authorization::getGroupId).toList();
  }
}
