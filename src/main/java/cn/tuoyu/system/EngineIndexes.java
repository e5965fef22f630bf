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

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    try (Connection connection = configuration.getDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(TASK_PARENT);
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("索引 ACT_IDX_TASK_PARENT_TASK 创建失败：" + e.getMessage(), e);
    }
  }
}
