package cn.tuoyu.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every {@code *IT}: the whole application on a real PostgreSQL (profile postgres), demo
 * users seeded, authorization on, a real HTTP port. All subclasses share one Spring context and
 * one database, so tests create their own cases and never assume an empty task list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "demo"})
@Import(IntegrationTest.Beans.class)
public abstract class IntegrationTest {

  @LocalServerPort
  protected int port;

  @Autowired
  protected Canary canary;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    String url = PostgresDatabase.newDatabase("tuoyu_it");
    registry.add("TUOYU_DB_URL", () -> url);
    registry.add("TUOYU_DB_USER", () -> "postgres");
    registry.add("TUOYU_DB_PASSWORD", () -> "");
    // At JVM exit the database may stop before the engine closes: give up waiting for a connection fast.
    registry.add("spring.datasource.hikari.connection-timeout", () -> "2000");
    // Cases opened today may have deadlines in a year whose holiday notice is not bundled yet.
    registry.add("tuoyu.calendar.data-dir", TestCalendars::fixtureDirectory);
  }

  protected EngineRest as(String user, String password) {
    return new EngineRest("http://localhost:" + port, user, password);
  }

  protected EngineRest anonymous() {
    return new EngineRest("http://localhost:" + port, null, null);
  }

  @TestConfiguration
  static class Beans {
    /** Expressions in tests call {@code ${canary.touch()}} to prove whether they were evaluated. */
    @Bean
    Canary canary() {
      return new Canary();
    }

    /** Engine commands per HTTP call, for the tests of what a call costs. */
    @Bean
    OutermostCommands outermostCommands() {
      return new OutermostCommands();
    }
  }
}
