package cn.tuoyu.calendar;

import static cn.tuoyu.support.EngineFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tuoyu.support.EngineFixtures;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bean as BPMN models use it: a task due date and a non-interrupting boundary timer written
 * as expressions over the {@code workdays} bean, evaluated by a real in-memory engine.
 */
class WorkingDayExpressionTest {

  private static ProcessEngine engine;

  @BeforeAll
  static void startEngine() {
    ProcessEngineConfigurationImpl configuration = EngineFixtures.ownInMemoryEngine("workdays-" + UUID.randomUUID());
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_NONE);
    configuration.setBeans(Map.of("workdays", WorkingDayCalendar.bundled()));
    engine = configuration.buildProcessEngine();

    BpmnModelInstance model = Bpmn.createExecutableProcess("licence")
        .startEvent()
        .userTask("review")
          .camundaDueDate("${workdays.plus(approvedAt, 7)}")
        .boundaryEvent("overdue")
          .cancelActivity(false)
          .timerWithDate("${workdays.overdueFrom(approvedAt, 7)}")
          .endEvent("escalated")
        .moveToActivity("review")
        .endEvent("done")
        .done();
    engine.getRepositoryService().createDeployment()
        .addModelInstance("licence.bpmn", model)
        .deploy();
  }

  @AfterAll
  static void stopEngine() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void dueDateAndTimerFollowTheWorkingDayCalendar() {
    String id = engine.getRuntimeService()
        .startProcessInstanceByKey("licence", Map.of("approvedAt", at("2026-02-12T09:30:00+08:00")))
        .getId();

    Task task = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult();
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(id).timers().singleResult();

    assertThat(task.getDueDate()).isEqualTo(at("2026-02-28T23:59:59+08:00"));
    assertThat(timer.getDuedate()).isEqualTo(at("2026-03-01T00:00:00+08:00"));
  }

  @Test
  void stringVariableIsAcceptedToo() {
    // 1–3 Jan off; Sunday 4 Jan (make-up) is day 1, Monday 12 Jan day 7
    String id = engine.getRuntimeService()
        .startProcessInstanceByKey("licence", Map.of("approvedAt", "2025-12-31"))
        .getId();

    Task task = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult();
    assertThat(task.getDueDate()).isEqualTo(at("2026-01-12T23:59:59+08:00"));
  }

  @Test
  void unknownYearStopsTheProcessInsteadOfGuessing() {
    Map<String, Object> variables = Map.of("approvedAt", at("2026-12-28T10:00:00+08:00"));

    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("licence", variables))
        .hasRootCauseInstanceOf(UnknownCalendarYearException.class)
        .hasRootCauseMessage("工作日历缺少 2027 年的节假日安排，请管理员按国务院办公厅通知补充 2027 年数据");
  }
}
