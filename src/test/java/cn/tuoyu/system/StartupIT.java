package cn.tuoyu.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tuoyu.Application;
import cn.tuoyu.deployment.ModelDeployer;
import cn.tuoyu.identity.DemoUsers;
import cn.tuoyu.support.PostgresDatabase;
import cn.tuoyu.support.ProbeModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Whole-application starts and restarts on PostgreSQL: model deployment across restarts, and the
 * production profile's refusal of missing or public passwords. Each start uses its own engine name
 * so it never disturbs the shared context of the other integration tests.
 */
class StartupIT {

  private static final String FORM_V1 = "{\"id\":\"ProbeForm\",\"type\":\"default\",\"components\":[]}";
  private static final String FORM_V2 =
      "{\"id\":\"ProbeForm\",\"type\":\"default\",\"components\":[{\"type\":\"text\",\"text\":\"说明\"}]}";

  @TempDir
  Path models;

  @Test
  void restartsWithoutModelChangesDeployNothingAndAChangedFileDeploysItsArea() throws IOException {
    Files.createDirectories(models.resolve("processes/probe"));
    Files.createDirectories(models.resolve("forms/probe"));
    Files.writeString(models.resolve("processes/probe/AccessProbeProcess.bpmn"),
        Bpmn.convertToString(ProbeModels.accessProbe()));
    Files.writeString(models.resolve("forms/probe/ProbeForm.form"), FORM_V1);
    String db = PostgresDatabase.newDatabase("tuoyu_restart");
    Map<String, Object> props = Map.of("tuoyu.models.location", models.toUri().toString());

    for (int start = 1; start <= 3; start++) {
      run(db, "postgres,demo", props, engine ->
          assertThat(deployments(engine)).as("after an unchanged start").isEqualTo(1));
    }

    Files.writeString(models.resolve("forms/probe/ProbeForm.form"), FORM_V2);
    run(db, "postgres,demo", props, engine -> {
      assertThat(deployments(engine)).isEqualTo(2);
      ProcessDefinition latest = engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(ProbeModels.PROCESS_KEY).latestVersion().singleResult();
      assertThat(latest.getVersion()).isEqualTo(2);
      // The whole area moves together, so formRefBinding="deployment" finds the form beside its process.
      assertThat(engine.getRepositoryService().getDeploymentResourceNames(latest.getDeploymentId()))
          .containsExactlyInAnyOrder("processes/probe/AccessProbeProcess.bpmn", "forms/probe/ProbeForm.form");
    });
  }

  @Test
  void productionRefusesToStartWithoutAdministratorPassword() {
    String db = PostgresDatabase.newDatabase("tuoyu_prod_nopw");
    assertThatThrownBy(() -> run(db, "postgres,prod", Map.of("TUOYU_ADMIN_PASSWORD", ""), e -> { }))
        .hasStackTraceContaining("TUOYU_ADMIN_PASSWORD");
  }

  @Test
  void productionRefusesTheDemoPasswords() {
    String db = PostgresDatabase.newDatabase("tuoyu_prod_demopw");
    assertThatThrownBy(() -> run(db, "postgres,prod",
        Map.of("TUOYU_ADMIN_PASSWORD", DemoUsers.ADMIN_PASSWORD), e -> { }))
        .hasStackTraceContaining("公开的演示密码");
  }

  @Test
  void productionRefusesADatabaseWhereDemoUsersStillHaveDemoPasswords() {
    String db = PostgresDatabase.newDatabase("tuoyu_prod_promoted");
    run(db, "postgres,demo", Map.of(), engine -> { });
    assertThatThrownBy(() -> run(db, "postgres,prod",
        Map.of("TUOYU_ADMIN_USER", "ops-admin", "TUOYU_ADMIN_PASSWORD", "Zhengshi#Huanjing2026"), e -> { }))
        .hasStackTraceContaining("仍在使用公开的演示密码");
  }

  @Test
  void productionSeedsOnlyTheAdministrator() {
    String db = PostgresDatabase.newDatabase("tuoyu_prod_ok");
    run(db, "postgres,prod",
        Map.of("TUOYU_ADMIN_USER", "ops-admin", "TUOYU_ADMIN_PASSWORD", "Zhengshi#Huanjing2026"), engine -> {
          List<User> users = engine.getIdentityService().createUserQuery().list();
          assertThat(users).extracting(User::getId).containsExactly("ops-admin");
          assertThat(engine.getIdentityService().checkPassword("ops-admin", "Zhengshi#Huanjing2026")).isTrue();
          assertThat(engine.getIdentityService().createGroupQuery().groupMember("ops-admin").list())
              .extracting(g -> g.getId()).containsExactly("camunda-admin");
          // Structure is seeded in production too: departments, roles, counties and filters.
          assertThat(engine.getIdentityService().createGroupQuery().groupType("DEPARTMENT").count()).isEqualTo(20);
          assertThat(engine.getIdentityService().createTenantQuery().count()).isEqualTo(14);
          // 我的待办, 即将到期 and 本部门待办 twice: the clerks' and inspectors', and the supervisors'.
          assertThat(engine.getFilterService().createFilterQuery().count()).isEqualTo(4);
        });
  }

  private static long deployments(ProcessEngine engine) {
    return engine.getRepositoryService().createDeploymentQuery()
        .deploymentName(ModelDeployer.DEPLOYMENT_PREFIX + "probe").count();
  }

  private static void run(String jdbcUrl, String profiles, Map<String, Object> extra,
      Consumer<ProcessEngine> check) {
    Map<String, Object> props = new HashMap<>(extra);
    props.put("TUOYU_DB_URL", jdbcUrl);
    props.put("TUOYU_DB_USER", "postgres");
    props.put("TUOYU_DB_PASSWORD", "");
    props.put("spring.datasource.hikari.connection-timeout", "2000");
    props.put("camunda.bpm.process-engine-name", "startupTest");
    props.put("spring.autoconfigure.exclude",
        "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration,"
            + "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration");
    props.put("camunda.bpm.job-execution.enabled", "false");
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
        .profiles(profiles.split(","))
        // No web server, webapps or REST: these starts check seeding and deployment, and Camunda's
        // webapp filters keep static state that a second web context in one JVM trips over.
        .web(WebApplicationType.NONE)
        // Command-line arguments outrank application.yaml, as the environment does in production.
        .run(props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new))) {
      check.accept(context.getBean(ProcessEngine.class));
    }
  }
}
