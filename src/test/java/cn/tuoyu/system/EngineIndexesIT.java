package cn.tuoyu.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuoyu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class EngineIndexesIT extends IntegrationTest {

  @Autowired JdbcTemplate jdbc;

  @Test
  void completingATaskFindsItsSubtasksByIndex() {
    assertThat(jdbc.queryForList("select indexdef from pg_indexes where tablename = 'act_ru_task' "
        + "and indexname = 'act_idx_task_parent_task'", String.class))
        .singleElement().asString().contains("(parent_task_id_)");
  }

  @Test
  void dueSoonNarrowsByTenantAndDueDateInOneIndex() {
    assertThat(jdbc.queryForList("select indexdef from pg_indexes where tablename = 'act_ru_task' "
        + "and indexname = 'act_idx_task_tenant_due'", String.class))
        .singleElement().asString().contains("(tenant_id_, due_date_)");
  }

  @Test
  void jobAcquisitionFindsDueJobsByIndex() {
    assertThat(jdbc.queryForList("select indexdef from pg_indexes where tablename = 'act_ru_job' "
        + "and indexname = 'act_idx_job_duedate'", String.class))
        .singleElement().asString().contains("(duedate_)");
  }
}
