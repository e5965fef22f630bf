package cn.tuoyu.identity;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings tasks opened before task tenants existed into their audience ({@link TaskAudience}): until
 * then a task carried its county's tenant and one authorization row per candidate. Runs at every
 * start and changes nothing once done. Such a task with a county tenant would otherwise be readable by
 * every clerk of the county, so this must run before anyone signs in.
 */
final class TaskAudienceUpgrade {

  private static final Logger LOG = LoggerFactory.getLogger(TaskAudienceUpgrade.class);

  /** Open tasks of a county case go to their candidate group's tenant, or the supervisors' for named persons. */
  static final String OPEN_TASKS = "update ACT_RU_TASK set TENANT_ID_ = TENANT_ID_ || '-' || coalesce("
      + "(select min(I.GROUP_ID_) from ACT_RU_IDENTITYLINK I where I.TASK_ID_ = ACT_RU_TASK.ID_"
      + " and I.TYPE_ = 'candidate' and I.GROUP_ID_ is not null), '" + TaskAudience.NAMED_PERSONS + "')"
      + " where TENANT_ID_ is not null and TENANT_ID_ not like '%-%'";

  /** Their history rows say the same. */
  static final String HISTORY_OF_OPEN_TASKS = "update ACT_HI_TASKINST set TENANT_ID_ = "
      + "(select T.TENANT_ID_ from ACT_RU_TASK T where T.ID_ = ACT_HI_TASKINST.ID_)"
      + " where TENANT_ID_ not like '%-%' and exists (select 1 from ACT_RU_TASK T where T.ID_ = ACT_HI_TASKINST.ID_)";

  /** The per-task grants the engine wrote for candidates (resource type 7 = task), now without purpose. */
  static final String PER_TASK_GRANTS = "delete from ACT_RU_AUTHORIZATION where TYPE_ = 1 and RESOURCE_TYPE_ = 7"
      + " and RESOURCE_ID_ <> '*'";

  private TaskAudienceUpgrade() {}

  static void run(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false); // all or nothing: a half-done upgrade would not be found again
      int tasks = statement.executeUpdate(OPEN_TASKS);
      if (tasks > 0) {
        // Only then: the history table holds every task ever and is not worth a scan at each start.
        statement.executeUpdate(HISTORY_OF_OPEN_TASKS);
      }
      int grants = statement.executeUpdate(PER_TASK_GRANTS);
      connection.commit();
      connection.setAutoCommit(autoCommit);
      if (tasks > 0 || grants > 0) {
        LOG.info("任务承办租户升级：{} 个在办任务归入承办部门租户，删除 {} 条逐任务授权", tasks, grants);
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("在办任务归入承办部门租户失败：" + e.getMessage(), e);
    }
  }
}
