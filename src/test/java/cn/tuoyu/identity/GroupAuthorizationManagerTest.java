package cn.tuoyu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;

class GroupAuthorizationManagerTest {

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
}
