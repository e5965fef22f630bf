package cn.tuoyu.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One ObjectMapper for Camunda's REST API ({@code /engine-rest}) instead of a new one per call. Camunda's
 * {@link JacksonConfigurator} builds a fresh mapper each time JAX-RS asks, so every request rebuilt
 * Jackson's serializers and deserializers (for a filter page the query DTO's hundred properties and
 * the HAL task list): about a quarter of the CPU of a Tasklist refresh (docs/performance.md). This
 * resolver returns one mapper with the same settings ({@link JacksonConfigurator#configureObjectMapper});
 * a configured ObjectMapper is thread-safe and clones its date format per use. The webapps' own engine
 * API ({@code /camunda/api/engine}, a separate JAX-RS application) is not changed by this.
 */
@Configuration
public class EngineRestObjectMapper {

  @Bean
  ResourceConfigCustomizer sharedEngineRestObjectMapper() {
    return config -> config.register(Resolver.class);
  }

  /** Must win over Camunda's resolver for the same media types; EngineRestObjectMapperTest checks that it does. */
  @Priority(1)
  @Produces({MediaType.APPLICATION_JSON, Hal.APPLICATION_HAL_JSON})
  public static class Resolver implements ContextResolver<ObjectMapper> {

    private static final ObjectMapper MAPPER = JacksonConfigurator.configureObjectMapper(new ObjectMapper());

    @Override
    public ObjectMapper getContext(Class<?> type) {
      return MAPPER;
    }
  }
}
