package cn.tuoyu.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tuoyu.support.ProbeModels;
import cn.tuoyu.support.TestEnginePlugin;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A new task lands in its county's and audience's tenant, and no authorization row is written for it
 * (with authorization on, as in the application; the engine calls the provider only then).
 */
class TaskAudienceAuthorizationProviderTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engineExtension = ProcessEngineCoverageExtension.builder(TestEnginePlugin.CONFIGURATION).build();

  ProcessEngine engine;
  ProcessEngineConfigurationImpl configuration;
  String deploymentId;

  @BeforeEach
  void deploy() {
    engine = engineExtension.getProcessEngine();
    configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    configuration.setAuthorizationEnabled(true);
    deploymentId = engine.getRepositoryService().createDeployment()
        .addModelInstance("AccessProbeProcess.bpmn", ProbeModels.accessProbe())
        .addModelInstance("NamedPersonsProbe.bpmn", Bpmn.createExecutableProcess("NamedPersonsProbe")
            .camundaHistoryTimeToLive(30)
            .startEvent().userTask("Task_Escalation").name("督办").camundaCandidateUsers("baota-supervisor,city-supervisor")
            .endEvent().done())
        .addModelInstance("NoCandidateProbe.bpmn", Bpmn.createExecutableProcess("NoCandidateProbe")
            .camundaHistoryTimeToLive(30)
            .startEvent().userTask("Task_Unaddressed").name("无人承办").endEvent().done())
        .addModelInstance("TwoDepartmentsProbe.bpmn", Bpmn.createExecutableProcess("TwoDepartmentsProbe")
            .camundaHistoryTimeToLive(30)
            .startEvent().userTask("Task_Joint").name("联合办理").camundaCandidateGroups("health,education")
            .endEvent().done())
        .deploy().getId();
  }

  @AfterEach
  void undeploy() {
    configuration.setAuthorizationEnabled(false);
    engine.getRepositoryService().deleteDeployment(deploymentId, true);
  }

  @Test
  void aDepartmentsTaskIsInTheCountyAndDepartmentTenant_caseHistoryAndNoGrantRows() {
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(
        ProbeModels.PROCESS_KEY, Map.of("county", "610602", "department", "civil-affairs"));
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();

    assertThat(instance.getTenantId()).as("the case keeps its county").isEqualTo("610602");
    assertThat(task.getTenantId()).isEqualTo("610602-civil-affairs");
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult()
        .getTenantId()).as("history agrees").isEqualTo("610602-civil-affairs");
    assertThat(engine.getAuthorizationService().createAuthorizationQuery()
        .resourceType(Resources.TASK).resourceId(task.getId()).count()).as("grant rows for the task").isZero();
  }

  @Test
  void aTaskForNamedPersonsIsInTheSupervisorsTenant() {
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(
        "NamedPersonsProbe", Map.of("county", "610602"));
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(task.getTenantId()).isEqualTo("610602-supervisor");
  }

  @Test
  void aTaskHasOneDepartment() {
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(
        "TwoDepartmentsProbe", Map.of("county", "610603")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("联合办理").hasMessageContaining("每个任务只有一个承办部门");
  }

  @Test
  void addingTheSameDepartmentAgainOrANamedPersonKeepsTheTenant() {
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(
        ProbeModels.PROCESS_KEY, Map.of("county", "610621", "department", "health"));
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    engine.getTaskService().addCandidateGroup(task.getId(), "health");
    engine.getTaskService().addCandidateUser(task.getId(), "yanchang-supervisor");
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getTenantId())
        .isEqualTo("610621-health");
  }

  @Test
  void aTaskWithoutCandidatesGoesToTheSupervisors() {
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(
        "NoCandidateProbe", Map.of("county", "610603"));
    String taskId = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    // The application adds this listener to every user task (TaskAudienceGuard.ParseListener); engine
    // tests run without that parse listener, so it is called here as the engine would at creation.
    configuration.getCommandExecutorTxRequired().execute(context -> {
      TaskAudienceGuard.NO_AUDIENCE_TO_SUPERVISORS.notify(context.getTaskManager().findTaskById(taskId));
      return null;
    });
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getTenantId())
        .isEqualTo("610603-supervisor");
  }

  @Test
  void withoutAuthorizationTasksKeepTheCountyTenant() {
    configuration.setAuthorizationEnabled(false);
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(
        ProbeModels.PROCESS_KEY, Map.of("county", "610602", "department", "health"));
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult()
        .getTenantId()).isEqualTo("610602");
  }
}
