package cn.tuoyu.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * A one-task process whose candidate group comes from the variable {@code department}: enough to
 * test who sees which task without depending on a business model.
 */
public final class ProbeModels {

  public static final String PROCESS_KEY = "AccessProbeProcess";

  private ProbeModels() {}

  public static BpmnModelInstance accessProbe() {
    BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS_KEY)
        .name("权限探针流程")
        .camundaHistoryTimeToLive(30)
        .startEvent("StartEvent_ProbeStarted")
        .userTask("Task_Probe").name("办理探针任务").camundaCandidateGroups("${department}")
        .endEvent("EndEvent_ProbeDone")
        .done();
    return model;
  }

  /** The multipart body Camunda Modeler's deploy button sends to /engine-rest/deployment/create. */
  public static Multipart deploymentRequest(String deploymentName, String fileName, String xml) {
    String boundary = "----probe" + UUID.randomUUID();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
        + deploymentName + "\r\n");
    write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deploy-changed-only\"\r\n\r\ntrue\r\n");
    write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileName + "\"; filename=\""
        + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + xml + "\r\n");
    write(out, "--" + boundary + "--\r\n");
    return new Multipart(boundary, out.toByteArray());
  }

  public record Multipart(String boundary, byte[] body) {}

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}
