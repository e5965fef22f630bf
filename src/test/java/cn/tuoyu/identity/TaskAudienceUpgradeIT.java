package cn.tuoyu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuoyu.support.IntegrationTest;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database from before task tenants: an open task with its county's tenant and a grant row of its
 * own. The start-up step puts it into its audience and removes the row; a second run changes nothing.
 */
class TaskAudienceUpgradeIT extends IntegrationTest {

  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired AuthorizationService authorizations;

  @Test
  void anOpenTaskOfTheOldShapeMovesIntoItsAudience() {
    Map<String, Object> task = jdbc.queryForMap("select T.ID_, T.TENANT_ID_ from ACT_RU_TASK T "
        + "join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = T.ID_ and I.TYPE_ = 'candidate' and I.GROUP_ID_ = 'health' "
        + "where T.TENANT_ID_ = '610602-health' order by T.ID_ limit 1");
    String id = (String) task.get("id_");
    jdbc.update("update ACT_RU_TASK set TENANT_ID_ = '610602' where ID_ = ?", id);
    jdbc.update("update ACT_HI_TASKINST set TENANT_ID_ = '610602' where ID_ = ?", id);
    Authorization old = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    old.setGroupId(Department.HEALTH.groupId());
    old.setResource(Resources.TASK);
    old.setResourceId(id);
    old.addPermission(Permissions.READ);
    authorizations.saveAuthorization(old);

    TaskAudienceUpgrade.run(dataSource);

    assertThat(jdbc.queryForObject("select TENANT_ID_ from ACT_RU_TASK where ID_ = ?", String.class, id))
        .isEqualTo("610602-health");
    assertThat(jdbc.queryForObject("select TENANT_ID_ from ACT_HI_TASKINST where ID_ = ?", String.class, id))
        .isEqualTo("610602-health");
    assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(id).count()).isZero();
    assertThat(jdbc.queryForObject("select count(*) from ACT_RU_TASK where TENANT_ID_ not like '%-%'", Long.class))
        .as("no open task left with a plain county tenant").isZero();

    String before = jdbc.queryForObject("select string_agg(ID_ || TENANT_ID_, ',' order by ID_) from ACT_RU_TASK",
        String.class);
    TaskAudienceUpgrade.run(dataSource);
    assertThat(jdbc.queryForObject("select string_agg(ID_ || TENANT_ID_, ',' order by ID_) from ACT_RU_TASK",
        String.class)).as("a second run changes nothing").isEqualTo(before);
  }
}
