package cn.tuoyu.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tuoyu.support.ProbeModels;
import cn.tuoyu.support.TestEnginePlugin;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** 属地管理 in the engine: each case and its tasks belong to the county it was started for. */
class CountyTenantIdProviderTest {

  // Coverage is recorded for every engine test; the probe models are test fixtures, so no minimum here.
  @RegisterExtension
  static ProcessEngineCoverageExtension engineExtension = ProcessEngineCoverageExtension.builder(TestEnginePlugin.CONFIGURATION).build();

  ProcessEngine engine;
  String deploymentId;

  @BeforeEach
  void deploy() {
    engine = engineExtension.getProcessEngine();
    deploymentId = engine.getRepositoryService().createDeployment()
        .addModelInstance("AccessProbeProcess.bpmn", ProbeModels.accessProbe())
        .addModelInstance("ParentProbeProcess.bpmn", Bpmn.createExecutableProcess("ParentProbeProcess")
            .camundaHistoryTimeToLive(30)
            .startEvent().callActivity("CallActivity_Probe").calledElement(ProbeModels.PROCESS_KEY)
            .camundaIn("department", "department")
            .endEvent().done())
        .deploy().getId();
  }

  @AfterEach
  void undeploy() {
    engine.getRepositoryService().deleteDeployment(deploymentId, true);
  }

  @Test
  void caseAndItsTaskBelongToTheCountyItWasStartedFor() {
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(
        ProbeModels.PROCESS_KEY, Map.of("county", "610602", "department", "health"));
    assertThat(instance.getTenantId()).isEqualTo("610602");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .singleResult().getTenantId()).isEqualTo("610602");
  }

  @Test
  void calledProcessesInheritTheCounty() {
    ProcessInstance parent = engine.getRuntimeService().startProcessInstanceByKey(
        "ParentProbeProcess", Map.of("county", "610603", "department", "health"));
    ProcessInstance child = engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(parent.getId()).singleResult();
    assertThat(child.getTenantId()).isEqualTo("610603");
  }

  @Test
  void aCaseWithoutCountyIsRefused() {
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(
        ProbeModels.PROCESS_KEY, Map.of("department", "health")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("county（所属区县）缺失");
  }

  @Test
  void anUnknownCountyIsRefused() {
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(
        ProbeModels.PROCESS_KEY, Map.of("county", "999999", "department", "health")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("999999 不是已登记的区县代码");
  }
}
