package cn.tuoyu.identity;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * 属地管理: every case belongs to the county named by its {@value #COUNTY_VARIABLE} variable, and that
 * county is the Camunda tenant of the instance and all of its tasks. Definitions stay shared (no
 * tenant), so one model serves every county; the engine's tenant check is an indexed equality,
 * which keeps county separation cheap however many tasks are open.
 */
public class CountyTenantIdProvider implements TenantIdProvider {

  /** Process variable every top-level process is started with: a county division code. */
  public static final String COUNTY_VARIABLE = "county";

  private final CountyDirectory counties;

  public CountyTenantIdProvider(CountyDirectory counties) {
    this.counties = counties;
  }

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
    DelegateExecution superExecution = ctx.getSuperExecution();
    if (superExecution != null) {
      return superExecution.getTenantId();
    }
    Object county = ctx.getVariables().get(COUNTY_VARIABLE);
    if (county == null) {
      throw new ProcessEngineException("流程变量 county（所属区县）缺失：每个案件必须属于一个区县或市本级，流程 "
          + ctx.getProcessDefinition().getKey() + " 无法启动");
    }
    String code = county.toString();
    if (!counties.isKnown(code)) {
      throw new ProcessEngineException("流程变量 county 的值 " + code + " 不是已登记的区县代码");
    }
    return code;
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
    return null;
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(
      TenantIdProviderHistoricDecisionInstanceContext ctx) {
    // Decisions evaluated inside a process inherit the instance's county; stand-alone ones have none.
    return ctx.getExecution() != null ? ctx.getExecution().getTenantId() : null;
  }
}
