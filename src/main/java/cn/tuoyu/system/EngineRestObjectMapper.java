package cn.tuoyu.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * One ObjectMapper for Camunda's engine REST APIs instead of a new one per call. Camunda's
 * {@link JacksonConfigurator} builds a fresh mapper each time JAX-RS asks, so every request rebuilt
 * Jackson's serializers and deserializers (for a filter page the query DTO's hundred properties and
 * the HAL task list): about a quarter of the CPU of a Tasklist refresh (docs/performance.md).
 *
 * <p>Jersey runs this for every server application it starts (listed in
 * {@code META-INF/services/org.glassfish.jersey.internal.spi.AutoDiscoverable}); it adds the shared
 * resolver only where Camunda's resolver is registered: {@code /engine-rest} and the webapps' own engine
 * API {@code /camunda/api/engine}, which Tasklist in the browser calls. The mapper has the same
 * settings ({@link JacksonConfigurator#configureObjectMapper}); a configured ObjectMapper is
 * thread-safe and clones its date format per use.
 */
@ConstrainedTo(RuntimeType.SERVER)
@Priority(AutoDiscoverable.DEFAULT_PRIORITY)
public class EngineRestObjectMapper implements AutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    if (context.getConfiguration().isRegistered(JacksonConfigurator.class)
        && !context.getConfiguration().isRegistered(Resolver.class)) {
      context.register(Resolver.class);
    }
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
