package cn.tuoyu.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.hal.cache.DefaultHalResourceCache;
import org.camunda.bpm.engine.rest.hal.processDefinition.HalProcessDefinition;
import org.camunda.bpm.engine.rest.hal.user.HalUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HAL task lists' embedded users and definitions are cached, users for a few minutes only. */
class HalRelationCacheTest {

  @AfterEach
  void clear() {
    Hal.getInstance().destroyHalRelationCaches();
  }

  @Test
  void usersAndDefinitionsAreCachedWithTheirTimesToLive() {
    new HalRelationCache();
    assertThat(Hal.getInstance().getHalRelationCache(HalUser.class)).isInstanceOfSatisfying(DefaultHalResourceCache.class,
        cache -> {
          assertThat(cache.getSecondsToLive()).isEqualTo(HalRelationCache.USER_SECONDS);
          assertThat(cache.getCapacity()).isEqualTo(HalRelationCache.CAPACITY);
        });
    assertThat(Hal.getInstance().getHalRelationCache(HalProcessDefinition.class))
        .isInstanceOfSatisfying(DefaultHalResourceCache.class,
            cache -> assertThat(cache.getSecondsToLive()).isEqualTo(HalRelationCache.DEFINITION_SECONDS));
  }
}
