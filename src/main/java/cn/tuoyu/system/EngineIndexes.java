package cn.tuoyu.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Indexes the engine's own schema lacks for this application's load, created once the engine has
 * created or checked its tables (Flyway may run before the engine on an empty database, so the
 * engine's tables are not Flyway's to change). Each is justified by a query plan in
 * docs/performance.md.
 */
@Component
public class EngineIndexes extends AbstractProcessEnginePlugin {

  /**
   * Completing a task looks for its subtasks by PARENT_TASK_ID_, which has no index: a sequential
   * scan of all open tasks on every completion (20 ms and more at 100,000 open tasks).
   */
  static final String TASK_PARENT = "create index if not exists ACT_IDX_TASK_PARENT_TASK on ACT_RU_TASK (PARENT_TASK_ID_)";

  /**
   * 即将到期 asks for a person's tasks due before a date: with task tenants the engine narrows by
   * TENANT_ID_, and this index lets the due date narrow in the same scan instead of reading every task
   * of the person's tenants.
   */
  static final String TASK_TENANT_DUE = "create index if not exists ACT_IDX_TASK_TENANT_DUE on ACT_RU_TASK (TENANT_ID_, DUE_DATE_)";

  /**
   * The job executor asks every few seconds for jobs due now ({@code DUEDATE_ is null or DUEDATE_ <=
   * now}); the schema has no index on the due date, so each acquisition read all jobs, almost all
   * of them timers due in days (deadlines of open cases): 32–93 ms at 80,000 jobs, 0.03 ms with it.
   */
  static final String JOB_DUE = "create index if not exists ACT_IDX_JOB_DUEDATE on ACT_RU_JOB (DUEDATE_)";

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    try (Connection connection = configuration.getDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(TASK_PARENT);
      statement.execute(TASK_TENANT_DUE);
      statement.execute(JOB_DUE);
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("引擎表索引创建失败：" + e.getMessage(), e);
    }
  }
}
