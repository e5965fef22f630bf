package cn.tuoyu.identity;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The engine reports work on another tenant's task or instance as a plain ProcessEngineException
 * ("... because it belongs to no authenticated tenant", ENGINE-13034 and siblings), which the REST
 * API answers with 500. For a clerk of another county or department (task tenants, {@link TaskAudience}) it is a refusal, so it becomes an
 * AuthorizationException: 403 over REST, the same type as every other access refusal in Java.
 */
class CountyDenialInterceptor extends CommandInterceptor {

  static final String TENANT_DENIAL = "belongs to no authenticated tenant";

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (AuthorizationException e) {
      throw e;
    } catch (ProcessEngineException e) {
      if (e.getMessage() != null && e.getMessage().contains(TENANT_DENIAL)) {
        throw new AuthorizationException("该事项属于其他区县或其他部门，您无权查看或办理（" + e.getMessage() + "）");
      }
      throw e;
    }
  }
}
