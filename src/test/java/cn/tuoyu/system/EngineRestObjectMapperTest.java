package cn.tuoyu.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Providers;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.rest.dto.task.TaskQueryDto;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.hal.task.HalTaskList;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

/** Camunda's REST providers as Jersey resolves them, with and without the shared mapper. */
class EngineRestObjectMapperTest {

  @Test
  void everyRequestGetsOneMapperWithCamundasSettings() throws Exception {
    ResourceConfig config = camundaRestConfiguration();
    new EngineRestObjectMapper().sharedEngineRestObjectMapper().customize(config);
    Providers providers = providers(config);
    ObjectMapper camundas = new JacksonConfigurator().getContext(Object.class);
    Date date = new Date(1_700_000_000_000L);

    for (MediaType type : List.of(MediaType.APPLICATION_JSON_TYPE, Hal.APPLICATION_HAL_JSON_TYPE)) {
      ContextResolver<ObjectMapper> resolver = providers.getContextResolver(ObjectMapper.class, type);
      ObjectMapper mapper = resolver.getContext(TaskQueryDto.class);
      assertThat(resolver.getContext(HalTaskList.class)).as(type.toString()).isSameAs(mapper);
      assertThat(mapper.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isFalse();
      assertThat(mapper.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)).isFalse();
      assertThat(mapper.writeValueAsString(Map.of("due", date))).isEqualTo(camundas.writeValueAsString(Map.of("due", date)));
      assertThat(mapper.readValue("{\"assignee\":\"a\",\"unknown\":1}", TaskQueryDto.class)).isNotNull();
    }
  }

  @Test
  void camundasOwnResolverBuildsAMapperPerCall() {
    Providers providers = providers(camundaRestConfiguration());
    ContextResolver<ObjectMapper> resolver = providers.getContextResolver(ObjectMapper.class, MediaType.APPLICATION_JSON_TYPE);
    assertThat(resolver.getContext(TaskQueryDto.class)).isNotSameAs(resolver.getContext(TaskQueryDto.class));
  }

  private static ResourceConfig camundaRestConfiguration() {
    ResourceConfig config = new ResourceConfig();
    config.registerClasses(CamundaRestResources.getConfigurationClasses());
    // Jersey's Spring bridge is on the classpath: give it an empty context instead of applicationContext.xml.
    GenericApplicationContext spring = new GenericApplicationContext();
    spring.refresh();
    config.property("contextConfig", spring);
    return config;
  }

  private static Providers providers(ResourceConfig config) {
    return new ApplicationHandler(config).getInjectionManager().getInstance(Providers.class);
  }
}
