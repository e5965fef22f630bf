package cn.tuoyu.system;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
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
    // Keep the handlers other plugins registered, in a list they can still add to: the starter's
    // history eventing (EventPublisherPlugin) appends its own handler after this plugin ran.
    List<HistoryEventHandler> handlers = new ArrayList<>();
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    handlers.add(new Handler());
    configuration.setCustomHistoryEventHandlers(handlers);
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
