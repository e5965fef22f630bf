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
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

/** Camunda's REST applications as Jersey starts them, with the auto-discovered shared mapper. */
class EngineRestObjectMapperTest {

  @Test
  void engineRest_everyRequestGetsOneMapperWithCamundasSettings() throws Exception {
    ResourceConfig config = new ResourceConfig().registerClasses(CamundaRestResources.getConfigurationClasses());
    assertOneCamundaMapper(providers(config));
  }

  @Test
  void webappsEngineApi_whatTasklistCalls_getsTheSameSharedMapper() throws Exception {
    ResourceConfig config = ResourceConfig.forApplication(new EngineRestApplication());
    assertOneCamundaMapper(providers(config));
  }

  @Test
  void applicationsWithoutCamundasResolverAreLeftAlone() {
    Providers providers = providers(new ResourceConfig());
    assertThat(providers.getContextResolver(ObjectMapper.class, MediaType.APPLICATION_JSON_TYPE)).isNull();
  }

  @Test
  void camundasOwnResolverBuildsAMapperPerCall() {
    ResourceConfig config = new ResourceConfig().registerClasses(CamundaRestResources.getConfigurationClasses())
        .property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
    ContextResolver<ObjectMapper> resolver = providers(config).getContextResolver(ObjectMapper.class, MediaType.APPLICATION_JSON_TYPE);
    assertThat(resolver.getContext(TaskQueryDto.class)).isNotSameAs(resolver.getContext(TaskQueryDto.class));
  }

  private static void assertOneCamundaMapper(Providers providers) throws Exception {
    ObjectMapper camundas = new JacksonConfigurator().getContext(Object.class);
    Date date = new Date(1_700_000_000_000L);
    for (MediaType type : List.of(MediaType.APPLICATION_JSON_TYPE, Hal.APPLICATION_HAL_JSON_TYPE)) {
      ContextResolver<ObjectMapper> resolver = providers.getContextResolver(ObjectMapper.class, type);
      ObjectMapper mapper = resolver.getContext(TaskQueryDto.class);
      assertThat(resolver.getContext(HalTaskList.class)).as(type.toString()).isSameAs(mapper);
      assertThat(mapper.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isFalse();
      assertThat(mapper.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)).isFalse();
      assertThat(mapper.writeValueAsString(Map.of("due", date))).isEqualTo(camundas.writeValueAsString(Map.of("due", date)));
      assertThat(mapper.readValue("{\"assignee\":\"a\",\"unknown\":1}", TaskQueryDto.class).getAssignee()).isEqualTo("a");
    }
  }

  private static Providers providers(ResourceConfig config) {
    // Jersey's Spring bridge is on the classpath: give it an empty context instead of applicationContext.xml.
    GenericApplicationContext spring = new GenericApplicationContext();
    spring.refresh();
    config.property("contextConfig", spring);
    return new ApplicationHandler(config).getInjectionManager().getInstance(Providers.class);
  }
}
