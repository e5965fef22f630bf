package cn.tuoyu.system;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's REST API answers every engine error with 500, also when a task listener refused a user's
 * input, and its message then starts with the engine's English wrapping ("ENGINE-03051 There was an
 * exception while invoking the TaskListener…"). For a {@link RuleViolationException} anywhere in the
 * cause chain this mapper answers 400 with the rule's Chinese message alone, in the engine's error
 * format ({@code type}, {@code message}), which Tasklist shows to the user.
 */
@Configuration
public class EngineRestRuleViolations {

  @Bean
  ResourceConfigCustomizer ruleViolationMapper() {
    return config -> config.register(Mapper.class);
  }

  /** Chosen before the engine's own mapper of the same type (lower priority value wins). */
  @Priority(1)
  public static class Mapper implements ExtendedExceptionMapper<ProcessEngineException> {

    @Override
    public boolean isMappable(ProcessEngineException exception) {
      return RuleViolationException.in(exception).isPresent();
    }

    @Override
    public Response toResponse(ProcessEngineException exception) {
      String message = RuleViolationException.in(exception).map(Throwable::getMessage).orElse(exception.getMessage());
      return Response.status(Response.Status.BAD_REQUEST)
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("type", "RuleViolation", "message", message))
          .build();
    }
  }
}
