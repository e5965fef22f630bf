package cn.tuoyu.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.tuoyu.support.EngineFixtures;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP Basic with groups and tenants read in the password check's command: Camunda's results, one
 * command instead of three. Runs an engine of its own (H2) that counts the outermost commands.
 */
class BasicAuthenticationInOneCommandTest {

  private static final AtomicInteger commands = new AtomicInteger();
  private static ProcessEngine engine;
  private static IdentityService identity;

  @BeforeAll
  static void startEngine() {
    var configuration = EngineFixtures.ownInMemoryEngine("basic-authentication-in-one-command");
    configuration.setCustomPreCommandInterceptorsTxRequired(List.of(new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        if (Context.getCommandContext() == null) {
          commands.incrementAndGet();
        }
        return next.execute(command);
      }
    }));
    engine = configuration.buildProcessEngine();
    identity = engine.getIdentityService();
    user("clerk", "Right@2026!");
    user("guesser", "Right@2026!");
    identity.saveGroup(identity.newGroup("health"));
    identity.createMembership("clerk", "health");
    identity.saveTenant(identity.newTenant("610602"));
    identity.saveTenant(identity.newTenant("610603"));
    identity.createTenantUserMembership("610602", "clerk");
    identity.createTenantGroupMembership("610603", "health");
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  @BeforeEach
  void countFromHere() {
    commands.set(0);
  }

  private static void user(String id, String password) {
    User user = identity.newUser(id);
    user.setPassword(password);
    identity.saveUser(user);
  }

  private static AuthenticationResult authenticate(String authorizationHeader) {
    HttpServletRequest request = mock(HttpServletRequest.class);
    when(request.getHeader("Authorization")).thenReturn(authorizationHeader);
    return new BasicAuthenticationInOneCommand().extractAuthenticatedUser(request, engine);
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theRightPasswordGivesTheUserWithGroupsAndTenantsInOneCommand() {
    AuthenticationResult result = authenticate(basic("clerk", "Right@2026!"));
    assertThat(result.isAuthenticated()).isTrue();
    assertThat(result.getAuthenticatedUser()).isEqualTo("clerk");
    assertThat(result.getGroups()).containsExactly("health");
    assertThat(result.getTenants()).as("own and through the group").containsExactlyInAnyOrder("610602", "610603");
    assertThat(commands).as("password, groups and tenants in one command").hasValue(1);
  }

  @Test
  void aWrongPasswordIsRefusedAndTheFailedAttemptKept() {
    AuthenticationResult result = authenticate(basic("guesser", "Wrong@2026!"));
    assertThat(result.isAuthenticated()).isFalse();
    assertThat(result.getGroups()).isNull();
    UserEntity guesser = (UserEntity) identity.createUserQuery().userId("guesser").singleResult();
    assertThat(guesser.getAttempts()).as("the lock-out count, committed with the command").isEqualTo(1);
  }

  @Test
  void noOrMalformedCredentialsAreRefused() {
    assertThat(authenticate(null).isAuthenticated()).isFalse();
    assertThat(authenticate("Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)))
        .isAuthenticated()).isFalse();
    assertThat(authenticate(basic("nobody", "Right@2026!")).isAuthenticated()).isFalse();
  }
}
