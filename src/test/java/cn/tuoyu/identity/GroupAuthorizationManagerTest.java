package cn.tuoyu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuoyu.support.TestEnginePlugin;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GroupAuthorizationManagerTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engineExtension = ProcessEngineCoverageExtension.builder(TestEnginePlugin.CONFIGURATION).build();

  @Test
  void passesTheUsersGroupsOnWithoutReadingTheGrants() {
    // A plain instance has no command context: reading the grants, as the engine's filter does, would fail.
    GroupAuthorizationManager manager = new GroupAuthorizationManager();
    assertThat(manager.filterAuthenticatedGroupIds(List.of("health", "clerk"))).containsExactly("health", "clerk");
    assertThat(manager.filterAuthenticatedGroupIds(null)).isEmpty();
  }

  @Test
  void thePluginPutsItInPlaceOfTheEnginesManager() {
    var configuration = new StandaloneInMemProcessEngineConfiguration();
    new IdentityEnginePlugin(null).preInit(configuration);
    assertThat(configuration.getCustomSessionFactories())
        .anySatisfy(f -> {
          assertThat(f.getSessionType()).isEqualTo(AuthorizationManager.class);
          assertThat(f.openSession()).isInstanceOf(GroupAuthorizationManager.class);
        });
  }

  /** The task query's grant join, inside a command of an engine with authorization on, as {@code user} of {@code groups}. */
  private static boolean joinsGrants(ProcessEngine engine, String user, List<String> groups) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    configuration.setAuthorizationEnabled(true);
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      return configuration.getCommandExecutorTxRequired().execute(context -> {
        TaskQueryImpl query = new TaskQueryImpl();
        new GroupAuthorizationManager().configureTaskQuery(query);
        return query.getAuthCheck().getShouldPerformAuthorizatioCheck();
      });
    } finally {
      engine.getIdentityService().clearAuthentication();
      configuration.setAuthorizationEnabled(false);
    }
  }

  @Test
  void dropsTheGrantJoinOnlyForReadersOfEveryDefinitionWithoutRevokes() {
    ProcessEngine engine = engineExtension.getProcessEngine();
    AuthorizationService authorizations = engine.getAuthorizationService();
    List<String> created = new java.util.ArrayList<>();
    try {
      assertThat(joinsGrants(engine, "u1", List.of("g1"))).as("no grant: the join decides").isTrue();

      created.add(save(authorizations, Authorization.AUTH_TYPE_GRANT, "g1", null, "AnnualInspectionProcess"));
      assertThat(joinsGrants(engine, "u1", List.of("g1"))).as("one definition only").isTrue();

      created.add(save(authorizations, Authorization.AUTH_TYPE_GRANT, "g1", null, Authorization.ANY));
      assertThat(joinsGrants(engine, "u1", List.of("g1"))).as("every definition").isFalse();
      assertThat(joinsGrants(engine, "u2", List.of("g2"))).as("another group").isTrue();

      created.add(save(authorizations, Authorization.AUTH_TYPE_REVOKE, null, "u1", "AnnualInspectionProcess"));
      assertThat(joinsGrants(engine, "u1", List.of("g1"))).as("a revoke applies: the engine's check").isTrue();
    } finally {
      created.forEach(authorizations::deleteAuthorization);
    }
  }

  /** One command may serve a whole REST call: its manager answers for the user of each query. */
  @Test
  void answersForTheUserOfEachQueryWithinOneCommand() {
    ProcessEngine engine = engineExtension.getProcessEngine();
    AuthorizationService authorizations = engine.getAuthorizationService();
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    List<String> created = List.of(
        save(authorizations, Authorization.AUTH_TYPE_GRANT, "g1", null, Authorization.ANY),
        save(authorizations, Authorization.AUTH_TYPE_GRANT, "g2", null, Authorization.ANY),
        save(authorizations, Authorization.AUTH_TYPE_REVOKE, null, "u2", "AnnualInspectionProcess"));
    configuration.setAuthorizationEnabled(true);
    try {
      List<Boolean> joins = configuration.getCommandExecutorTxRequired().execute(context -> {
        GroupAuthorizationManager manager = new GroupAuthorizationManager();
        List<Boolean> answers = new java.util.ArrayList<>();
        for (String[] person : new String[][] {{"u1", "g1"}, {"u2", "g2"}, {"u3", "g3"}, {"u1", "g1"}}) {
          engine.getIdentityService().setAuthentication(person[0], List.of(person[1]));
          TaskQueryImpl query = new TaskQueryImpl();
          manager.configureTaskQuery(query);
          answers.add(query.getAuthCheck().getShouldPerformAuthorizatioCheck());
        }
        return answers;
      });
      // u1 reads every definition; u2 too, but a revoke applies (the engine's check); u3 has no grant.
      assertThat(joins).containsExactly(false, true, true, false);
    } finally {
      engine.getIdentityService().clearAuthentication();
      configuration.setAuthorizationEnabled(false);
      created.forEach(authorizations::deleteAuthorization);
    }
  }

  private static String save(AuthorizationService authorizations, int type, String group, String user, String key) {
    Authorization authorization = authorizations.createNewAuthorization(type);
    authorization.setGroupId(group);
    authorization.setUserId(user);
    authorization.setResource(Resources.PROCESS_DEFINITION);
    authorization.setResourceId(key);
    if (type == Authorization.AUTH_TYPE_GRANT) {
      authorization.addPermission(ProcessDefinitionPermissions.READ_TASK);
    } else {
      authorization.removePermission(ProcessDefinitionPermissions.READ_TASK);
    }
    return authorizations.saveAuthorization(authorization).getId();
  }
}
