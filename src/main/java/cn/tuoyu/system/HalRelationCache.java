package cn.tuoyu.system;

import java.util.Map;
import org.camunda.bpm.engine.rest.hal.cache.DefaultHalResourceCache;
import org.camunda.bpm.engine.rest.hal.cache.HalRelationCacheBootstrap;
import org.camunda.bpm.engine.rest.hal.cache.HalRelationCacheConfiguration;
import org.camunda.bpm.engine.rest.hal.processDefinition.HalProcessDefinition;
import org.camunda.bpm.engine.rest.hal.user.HalUser;
import org.springframework.stereotype.Component;

/**
 * Camunda's cache for what a HAL task list embeds (Tasklist asks for one on every refresh): the
 * assignees' and owners' names and the process definitions. Without it each page costs two more
 * engine commands. Definitions never change under their id; a renamed user shows the new name after
 * {@value #USER_SECONDS} seconds. Everyone who sees a task list may read all users and definitions
 * (AccessPolicy), so a shared cache shows nobody anything new.
 */
@Component
class HalRelationCache {

  static final long USER_SECONDS = 300;
  static final long DEFINITION_SECONDS = 3600;
  static final int CAPACITY = 2000;

  HalRelationCache() {
    HalRelationCacheConfiguration configuration = new HalRelationCacheConfiguration();
    configuration.setCacheImplementationClass(DefaultHalResourceCache.class);
    configuration.addCacheConfiguration(HalUser.class, Map.of("capacity", CAPACITY, "secondsToLive", USER_SECONDS));
    configuration.addCacheConfiguration(HalProcessDefinition.class,
        Map.of("capacity", CAPACITY, "secondsToLive", DEFINITION_SECONDS));
    new HalRelationCacheBootstrap().configureCaches(configuration);
  }
}
