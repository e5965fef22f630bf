package cn.tuoyu.support;

import cn.tuoyu.institution.ValidCreditCode;
import cn.tuoyu.institution.ValidIdNumber;
import cn.tuoyu.system.ConflictException;
import cn.tuoyu.system.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only endpoints of the project's API, found by component scan in every integration-test
 * context: who the engine thinks is calling, a validated body, and one of each error type.
 */
@RestController
public class EchoController {

  private final ProcessEngine engine;

  public EchoController(ProcessEngine engine) {
    this.engine = engine;
  }

  /** A registration-like body with nested staff, the shape the real API will validate. */
  public record EchoRegistration(
      @NotBlank @ValidCreditCode String creditCode,
      @NotBlank @Size(max = 200) String name,
      @Min(0) @Max(500) int capacity,
      @NotEmpty List<@Valid @NotNull EchoStaff> staff) {}

  public record EchoStaff(@NotBlank String name, @NotBlank @ValidIdNumber String idNumber) {}

  @GetMapping({"/api/test-echo/whoami", "/api/public/test-echo/whoami"})
  public Map<String, Object> whoami() {
    Authentication current = engine.getIdentityService().getCurrentAuthentication();
    if (current == null) {
      return Map.of("authenticated", false);
    }
    return Map.of("authenticated", true, "userId", current.getUserId(),
        "groups", current.getGroupIds(), "tenants", current.getTenantIds());
  }

  @PostMapping("/api/test-echo/registration")
  public Map<String, Object> register(@Valid @RequestBody EchoRegistration registration) {
    return Map.of("accepted", registration.staff().size());
  }

  /** Only administrators may create filters: as anyone else the engine refuses. */
  @PostMapping("/api/test-echo/filter")
  public Map<String, Object> createFilter() {
    Filter filter = engine.getFilterService().newTaskFilter("回显测试过滤器");
    engine.getFilterService().saveFilter(filter);
    engine.getFilterService().deleteFilter(filter.getId());
    return Map.of("created", true);
  }

  @GetMapping("/api/test-echo/fail/{kind}")
  public Map<String, Object> fail(@PathVariable("kind") String kind, @RequestParam(name = "n", defaultValue = "0") int n) {
    switch (kind) {
      case "not-found" -> throw new NotFoundException("机构不存在：回显测试");
      case "conflict" -> throw new ConflictException("该机构已有办理中的登记");
      case "forbidden" -> throw new AuthorizationException("test-user", "READ", "Task", "echo");
      case "illegal" -> throw new IllegalArgumentException("整改期限不能早于今天");
      case "boom" -> throw new IllegalStateException("internal detail that must stay in the log");
      default -> {
        return Map.of("kind", kind, "n", n);
      }
    }
  }
}
