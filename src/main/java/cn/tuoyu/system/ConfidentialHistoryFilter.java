package cn.tuoyu.system;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Variables whose names start with {@value #PREFIX} (e.g. a staff list with full ID numbers shown
 * only in one review task) are never written to history, so Cockpit's history and the history
 * tables never hold them; as task-local variables they disappear when the task completes.
 */
@Component
public class ConfidentialHistoryFilter extends AbstractProcessEnginePlugin {

  public static final String PREFIX = "confidential";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    configuration.setCustomHistoryEventHandlers(java.util.List.of(new Handler()));
  }

  static final class Handler extends DbHistoryEventHandler {
    @Override
    public void handleEvent(HistoryEvent event) {
      if (event instanceof HistoricVariableUpdateEventEntity variable
          && variable.getVariableName() != null && variable.getVariableName().startsWith(PREFIX)) {
        return;
      }
      super.handleEvent(event);
    }
  }
}
