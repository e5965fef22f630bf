package cn.tuoyu.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.TenantCheck;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine's task manager, without {@code SELECT DISTINCT} where no join can repeat a task.
 *
 * <p>The engine lists tasks with {@code SELECT DISTINCT RES.*} and counts them with
 * {@code COUNT(DISTINCT RES.ID_)}, because two of its joins can return a task once per matching row:
 * the candidate identity links (candidate group or user criteria) and the per-task grant join of the
 * authorization check. Neither is in a clerk's 本部门待办: it has no criteria, and the grant join is
 * dropped for readers of every definition ({@link GroupAuthorizationManager}). There PostgreSQL still
 * aggregates every visible task by all its columns before it picks the first page (3,145 tasks at
 * 100,000 open ones, docs/performance.md). For such queries this manager runs the engine's own
 * criteria, tenant check and paging without DISTINCT; every other query runs unchanged.
 *
 * <p>Under the tenant check ({@code TENANT_ID_ is null or TENANT_ID_ in (…)}) the statements also
 * take the check's branches one by one, so that PostgreSQL can use the tenant indexes: the count adds
 * the counts of the two branches, and a page of a user with a few tenants is taken from each tenant's
 * own first rows ({@link #PAGE_BY_TENANT}). At 100,000 open tasks this took 本部门待办's SQL from
 * 5–7 ms for the page and 4.8 ms per count to about 0.1 and 0.5 ms (docs/performance.md).
 */
public class DistinctFreeTaskManager extends TaskManager {

  static final String MAPPING = "cn/tuoyu/identity/TaskQueriesWithoutDistinct.xml";
  static final String LIST = "selectTaskByQueryCriteriaWithoutDistinct";
  static final String COUNT = "selectTaskCountByQueryCriteriaWithoutDistinct";
  static final String PAGE_BY_TENANT = "selectTaskPageByTenantWithoutDistinct";

  /**
   * At most this many tenants are read one by one: a clerk has three to five (county, role,
   * department); a supervisor, one per audience and county, is read the engine's way.
   */
  static final int MAX_TENANT_BRANCHES = 16;
  /** Deeper pages (and lists without paging) are read the engine's way: every branch reads to the page's end. */
  static final int MAX_PAGE_END = 10_000;

  /** Databases whose paging does not itself add a DISTINCT (the engine's SQL Server paging does). */
  private static final Set<String> PLAIN_PAGING = Set.of(DbSqlSessionFactory.POSTGRES, DbSqlSessionFactory.H2);

  @Override
  @SuppressWarnings("unchecked")
  public List<Task> findTasksByQueryCriteria(TaskQueryImpl query) {
    configureQuery(query);
    if (!withoutDistinct(query)) {
      return getDbEntityManager().selectList("selectTaskByQueryCriteria", query);
    }
    if (!readsByTenant(query)) {
      return getDbEntityManager().selectList(LIST, query);
    }
    // The statement's branches are the tenant check. The engine's own check, repeated in every branch,
    // would make PostgreSQL's generic plan (a prepared statement's, after five runs) expect a few rows
    // per tenant and sort them all instead of reading the first ones in order (4.9 instead of 0.1 ms).
    TenantCheck check = query.getTenantCheck();
    check.setTenantCheckEnabled(false);
    try {
      return getDbEntityManager().selectList(PAGE_BY_TENANT, query);
    } finally {
      check.setTenantCheckEnabled(true);
    }
  }

  @Override
  public long findTaskCountByQueryCriteria(TaskQueryImpl query) {
    configureQuery(query);
    return (Long) getDbEntityManager().selectOne(withoutDistinct(query) ? COUNT : "selectTaskCountByQueryCriteria", query);
  }

  private boolean withoutDistinct(TaskQueryImpl configuredQuery) {
    String database = getDbSqlSession().getDbSqlSessionFactory().getDatabaseType();
    return PLAIN_PAGING.contains(database) && !mayRepeatTasks(configuredQuery);
  }

  /**
   * Whether a page is read tenant by tenant ({@link #PAGE_BY_TENANT}): under the tenant check, a few
   * tenants, each once (a tenant named twice would list its tasks twice), an early page.
   */
  static boolean readsByTenant(TaskQueryImpl configuredQuery) {
    TenantCheck check = configuredQuery.getTenantCheck();
    List<String> tenants = check.getAuthTenantIds();
    long pageEnd = (long) configuredQuery.getFirstResult() + configuredQuery.getMaxResults();
    return check.isTenantCheckEnabled() && tenants != null && !tenants.isEmpty()
        && tenants.size() <= MAX_TENANT_BRANCHES && Set.copyOf(tenants).size() == tenants.size()
        && pageEnd <= MAX_PAGE_END;
  }

  /**
   * Whether the engine's SQL for this query, as configured for the current user, joins rows that can
   * repeat a task: the conditions under which the engine's mapping adds them (Task.xml).
   */
  static boolean mayRepeatTasks(TaskQueryImpl configuredQuery) {
    AuthorizationCheck check = configuredQuery.getAuthCheck();
    boolean grantJoin = check.getShouldPerformAuthorizatioCheck() && check.getAuthUserId() != null
        && !check.isRevokeAuthorizationCheckEnabled();
    return grantJoin
        || configuredQuery.getQueries().stream().anyMatch(DistinctFreeTaskManager::joinsIdentityLinks)
        || configuredQuery.getOrderingProperties().stream().map(QueryOrderingProperty::getRelation).anyMatch(r -> r != null);
  }

  private static boolean joinsIdentityLinks(TaskQueryImpl query) {
    return query.getCandidateUser() != null || query.getCandidateGroups() != null
        || query.getCandidateGroupLike() != null || query.getInvolvedUser() != null
        || Boolean.TRUE.equals(query.isWithCandidateGroups()) || Boolean.TRUE.equals(query.isWithCandidateUsers());
  }

  /**
   * Adds the two statements to the engine's MyBatis configuration, which holds the engine's fragments
   * they use. Call once the engine has built it (a plugin's postInit); a second call changes nothing.
   */
  static void registerStatements(ProcessEngineConfigurationImpl engine) {
    Configuration mybatis = engine.getSqlSessionFactory().getConfiguration();
    if (mybatis.hasStatement(LIST, false)) {
      return;
    }
    try (InputStream mapping = DistinctFreeTaskManager.class.getClassLoader().getResourceAsStream(MAPPING)) {
      if (mapping == null) {
        throw new IllegalStateException("missing " + MAPPING);
      }
      new XMLMapperBuilder(mapping, mybatis, MAPPING, mybatis.getSqlFragments()).parse();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
