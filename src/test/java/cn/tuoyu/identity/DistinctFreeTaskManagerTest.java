package cn.tuoyu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import cn.tuoyu.support.EngineFixtures;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The task manager's DISTINCT-free statements: used only where no join can repeat a task, and giving
 * the same tasks as the engine's statements. Runs an engine of its own (H2) with the manager and its
 * statements registered as {@link IdentityEnginePlugin} does, and records which statements run.
 */
class DistinctFreeTaskManagerTest {

  private static ProcessEngine engine;
  private static TaskService tasks;
  private static final StatementRecorder statements = new StatementRecorder();

  @BeforeAll
  static void startEngine() {
    var configuration = EngineFixtures.ownInMemoryEngine("distinct-free-task-manager");
    configuration.setProcessEnginePlugins(List.of(new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl c) {
        c.setCustomSessionFactories(List.of(new ManagerReplacement(TaskManager.class, DistinctFreeTaskManager::new)));
      }

      @Override
      public void postInit(ProcessEngineConfigurationImpl c) {
        DistinctFreeTaskManager.registerStatements(c);
        DistinctFreeTaskManager.registerStatements(c); // a second call changes nothing
        c.getSqlSessionFactory().getConfiguration().addInterceptor(statements);
      }
    }));
    engine = configuration.buildProcessEngine();
    tasks = engine.getTaskService();
    // "both" is a candidate of g1 and g2, so a candidate-group join returns it twice.
    task("both", 3, "g1", "g2");
    task("g1 only", 1, "g1");
    task("g2 only", 2, "g2");
    task("nobody's", 4);
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  @BeforeEach
  void forgetStatements() {
    statements.ids.clear();
  }

  private static void task(String name, int dueInDays, String... candidateGroups) {
    Task task = tasks.newTask();
    task.setName(name);
    task.setDueDate(new Date(System.currentTimeMillis() + dueInDays * 86_400_000L));
    tasks.saveTask(task);
    for (String group : candidateGroups) {
      tasks.addCandidateGroup(task.getId(), group);
    }
  }

  private static String taskOf(String tenantId, String name) {
    return taskOf(tenantId, name, null, 50);
  }

  private static String taskOf(String tenantId, String name, Integer dueInDays, int priority) {
    Task task = tasks.newTask();
    task.setName(name);
    task.setTenantId(tenantId);
    task.setPriority(priority);
    task.setDueDate(dueInDays == null ? null : new Date(System.currentTimeMillis() + dueInDays * 86_400_000L));
    tasks.saveTask(task);
    return task.getId();
  }

  private static List<String> names(List<Task> list) {
    return list.stream().map(Task::getName).toList();
  }

  @Test
  void aQueryWithoutJoinsListsAndCountsWithoutDistinct() {
    TaskQuery query = tasks.createTaskQuery().orderByDueDate().asc();
    assertThat(names(query.listPage(0, 2))).containsExactly("g1 only", "g2 only");
    assertThat(names(query.listPage(2, 2))).containsExactly("both", "nobody's");
    assertThat(query.count()).isEqualTo(4);
    assertThat(statements.ids).containsExactly(DistinctFreeTaskManager.LIST, DistinctFreeTaskManager.LIST,
        DistinctFreeTaskManager.COUNT);
  }

  @Test
  void candidateGroupsKeepTheEnginesDistinct() {
    TaskQuery query = tasks.createTaskQuery().taskCandidateGroupIn(List.of("g1", "g2")).orderByDueDate().asc();
    assertThat(names(query.list())).containsExactly("g1 only", "g2 only", "both");
    assertThat(query.count()).isEqualTo(3);
    TaskQuery inAnOrQuery = tasks.createTaskQuery().or().taskCandidateGroup("g1").taskName("g2 only").endOr();
    assertThat(names(inAnOrQuery.list())).containsExactlyInAnyOrder("both", "g1 only", "g2 only");
    assertThat(inAnOrQuery.count()).isEqualTo(3);
    assertThat(statements.ids).containsExactly("selectTaskByQueryCriteria", "selectTaskCountByQueryCriteria",
        "selectTaskByQueryCriteria", "selectTaskCountByQueryCriteria");
  }

  @Test
  void decidesFromTheJoinsTheEnginesMappingWouldAdd() {
    assertThat(DistinctFreeTaskManager.mayRepeatTasks(new TaskQueryImpl())).as("no criteria").isFalse();
    assertThat(DistinctFreeTaskManager.mayRepeatTasks((TaskQueryImpl) new TaskQueryImpl().taskName("x").tenantIdIn("t")))
        .as("criteria on the task itself").isFalse();
    assertThat(DistinctFreeTaskManager.mayRepeatTasks((TaskQueryImpl) new TaskQueryImpl().processDefinitionKey("p")))
        .as("the definition join, one definition per task").isFalse();
    assertThat(DistinctFreeTaskManager.mayRepeatTasks((TaskQueryImpl) new TaskQueryImpl().taskCandidateUser("u")))
        .as("candidate user").isTrue();
    assertThat(DistinctFreeTaskManager.mayRepeatTasks((TaskQueryImpl) new TaskQueryImpl().taskInvolvedUser("u")))
        .as("involved user").isTrue();
    assertThat(DistinctFreeTaskManager.mayRepeatTasks((TaskQueryImpl) new TaskQueryImpl().withCandidateGroups()))
        .as("with candidate groups").isTrue();
    assertThat(DistinctFreeTaskManager.mayRepeatTasks((TaskQueryImpl) new TaskQueryImpl().or().taskCandidateGroupLike("g%").endOr()))
        .as("candidate groups in an or-query").isTrue();
    assertThat(DistinctFreeTaskManager.mayRepeatTasks((TaskQueryImpl) new TaskQueryImpl().orderByProcessVariable("v", ValueType.STRING).asc()))
        .as("ordered by a variable").isTrue();

    TaskQueryImpl checked = new TaskQueryImpl();
    checked.getAuthCheck().setAuthorizationCheckEnabled(true);
    checked.getAuthCheck().setAuthUserId("u");
    checked.getAuthCheck().addAtomicPermissionCheck(new PermissionCheck());
    assertThat(DistinctFreeTaskManager.mayRepeatTasks(checked)).as("the per-task grant join").isTrue();
    checked.getAuthCheck().setRevokeAuthorizationCheckEnabled(true);
    assertThat(DistinctFreeTaskManager.mayRepeatTasks(checked)).as("the revoke-aware check, a sub-query").isFalse();
  }

  @Test
  void theStatementsAreTheEnginesWithoutDistinct() {
    var mybatis = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getSqlSessionFactory().getConfiguration();
    TaskQueryImpl query = (TaskQueryImpl) tasks.createTaskQuery().tenantIdIn("610602-health").orderByDueDate().asc();
    String engines = mybatis.getMappedStatement("selectTaskByQueryCriteria").getBoundSql(query).getSql();
    String ours = mybatis.getMappedStatement(DistinctFreeTaskManager.LIST).getBoundSql(query).getSql();
    assertThat(normalized(engines)).contains("select distinct RES.REV_");
    assertThat(normalized(ours)).isEqualTo(normalized(engines).replace("select distinct RES.REV_", "select RES.REV_"));
    String count = mybatis.getMappedStatement(DistinctFreeTaskManager.COUNT).getBoundSql(query).getSql();
    assertThat(normalized(count)).startsWith("select count(*) from ACT_RU_TASK RES").contains("RES.TENANT_ID_ in");
  }

  @Test
  void underTheTenantCheckTheCountAddsItsTwoBranches() {
    List<String> tenantTasks = List.of(taskOf("a", "a1"), taskOf("a", "a2"), taskOf("b", "b1"), taskOf("c", "c1"));
    engine.getIdentityService().setAuthentication("clerk", List.of(), List.of("a", "b"));
    try {
      TaskQueryImpl visible = (TaskQueryImpl) tasks.createTaskQuery();
      assertThat(names(visible.list())).containsExactlyInAnyOrder("both", "g1 only", "g2 only", "nobody's", "a1", "a2", "b1");
      assertThat(visible.count()).isEqualTo(7);
      assertThat(tasks.createTaskQuery().taskNameLike("_1").count()).as("with a criterion").isEqualTo(2);
      TaskQuery inAnOrQuery = tasks.createTaskQuery().or().taskName("c1").taskNameLike("b%").endOr();
      assertThat(names(inAnOrQuery.list())).as("in an or-query").containsExactlyInAnyOrder("b1", "both");
      assertThat(inAnOrQuery.count()).as("in an or-query").isEqualTo(2);
      assertThat(tasks.createTaskQuery().tenantIdIn("c").count()).as("another tenant").isZero();
      assertThat(statements.ids).containsOnly(DistinctFreeTaskManager.LIST, DistinctFreeTaskManager.COUNT);

      var mybatis = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getSqlSessionFactory().getConfiguration();
      String count = normalized(mybatis.getMappedStatement(DistinctFreeTaskManager.COUNT).getBoundSql(visible).getSql());
      assertThat(count).startsWith("select (select count(*) from ACT_RU_TASK RES")
          .contains("and RES.TENANT_ID_ is null) + (select count(*) from ACT_RU_TASK RES")
          .endsWith("and RES.TENANT_ID_ in ( ? , ? ) )");
    } finally {
      engine.getIdentityService().clearAuthentication();
      tenantTasks.forEach(id -> tasks.deleteTask(id, true));
    }
  }

  @Test
  void underTheTenantCheckAPageIsReadTenantByTenant() {
    List<String> tenantTasks = List.of(taskOf("a", "Ash", 9, 10), taskOf("a", "birch", 2, 70), taskOf("a", "Cedar", null, 30),
        taskOf("b", "alder", 6, 90), taskOf("b", "Beech", 0, 20), taskOf("b", "elm", 12, 60), taskOf("c", "Fir", 1, 80));
    engine.getIdentityService().setAuthentication("clerk", List.of(), List.of("a", "b"));
    try {
      List<TaskQuery> orders = List.of(tasks.createTaskQuery().orderByDueDate().asc(),
          tasks.createTaskQuery().orderByDueDate().desc(),
          tasks.createTaskQuery().orderByTaskName().asc(),
          tasks.createTaskQuery().orderByTaskNameCaseInsensitive().desc(),
          tasks.createTaskQuery().orderByTaskPriority().desc().orderByTaskName().asc(),
          tasks.createTaskQuery().taskNameLike("%e%").orderByDueDate().asc(),
          tasks.createTaskQuery());
      for (TaskQuery query : orders) {
        statements.ids.clear();
        List<String> all = names(query.list());
        assertThat(all).hasSizeGreaterThan(3).doesNotContain("Fir");
        // Every page read by tenant is its slice of the whole list, read in one piece.
        for (int first = 0; first < all.size() + 3; first += 3) {
          assertThat(names(query.listPage(first, 3))).as("page at %d of %s", first, all)
              .isEqualTo(all.subList(Math.min(first, all.size()), Math.min(first + 3, all.size())));
        }
        assertThat(statements.ids).as("the whole list, then the pages").startsWith(DistinctFreeTaskManager.LIST)
            .containsOnlyOnce(DistinctFreeTaskManager.LIST).contains(DistinctFreeTaskManager.PAGE_BY_TENANT);
      }

      TaskQueryImpl page = (TaskQueryImpl) tasks.createTaskQuery().orderByDueDate().asc();
      page.listPage(0, 15);
      // The branches instead of the engine's tenant check, which is on again afterwards.
      assertThat(statements.lastSql).startsWith("select RES.* from ( ( select RES.REV_")
          .contains("WHERE ( 1 = 1 ) and RES.TENANT_ID_ is null order by RES.DUE_DATE_ asc LIMIT 15) union all ( select RES.REV_")
          .contains("WHERE ( 1 = 1 ) and RES.TENANT_ID_ = ? order by RES.DUE_DATE_ asc LIMIT 15) union all ( select RES.REV_")
          .endsWith(") RES order by RES.DUE_DATE_ asc LIMIT ? OFFSET ?")
          .doesNotContain("RES.TENANT_ID_ in");
      assertThat(page.getTenantCheck().isTenantCheckEnabled()).isTrue();
    } finally {
      engine.getIdentityService().clearAuthentication();
      tenantTasks.forEach(id -> tasks.deleteTask(id, true));
    }
  }

  @Test
  void manyTenantsOrADeepPageAreReadTheEnginesWay() {
    TaskQueryImpl query = new TaskQueryImpl();
    query.getTenantCheck().setTenantCheckEnabled(true);
    query.getTenantCheck().setAuthTenantIds(List.of("a", "b", "c"));
    query.setFirstResult(0);
    query.setMaxResults(15);
    assertThat(DistinctFreeTaskManager.readsByTenant(query)).as("a clerk's first page").isTrue();
    query.setFirstResult(DistinctFreeTaskManager.MAX_PAGE_END - 15);
    assertThat(DistinctFreeTaskManager.readsByTenant(query)).as("the deepest page read by tenant").isTrue();
    query.setFirstResult(DistinctFreeTaskManager.MAX_PAGE_END);
    assertThat(DistinctFreeTaskManager.readsByTenant(query)).as("a deeper page").isFalse();
    query.setFirstResult(1);
    query.setMaxResults(Integer.MAX_VALUE);
    assertThat(DistinctFreeTaskManager.readsByTenant(query)).as("no paging").isFalse();
    query.setFirstResult(0);
    query.setMaxResults(15);
    query.getTenantCheck().setAuthTenantIds(IntStream.rangeClosed(0, DistinctFreeTaskManager.MAX_TENANT_BRANCHES)
        .mapToObj(i -> "t" + i).toList());
    assertThat(DistinctFreeTaskManager.readsByTenant(query)).as("more tenants than branches").isFalse();
    query.getTenantCheck().setAuthTenantIds(List.of("a", "b", "a"));
    assertThat(DistinctFreeTaskManager.readsByTenant(query)).as("a tenant named twice").isFalse();
    query.getTenantCheck().setAuthTenantIds(List.of());
    assertThat(DistinctFreeTaskManager.readsByTenant(query)).as("no tenant").isFalse();
    query.getTenantCheck().setAuthTenantIds(List.of("a"));
    query.getTenantCheck().setTenantCheckEnabled(false);
    assertThat(DistinctFreeTaskManager.readsByTenant(query)).as("no tenant check").isFalse();
  }

  private static String normalized(String sql) {
    return sql.replaceAll("\\s+", " ").trim();
  }

  /** Records the id of every statement that selects, as the engine's MyBatis runs it. */
  @Intercepts(@Signature(type = Executor.class, method = "query",
      args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}))
  static class StatementRecorder implements Interceptor {
    final List<String> ids = new ArrayList<>();
    String lastSql;

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      MappedStatement statement = (MappedStatement) invocation.getArgs()[0];
      String id = statement.getId();
      if (id.contains("QueryCriteria") || id.endsWith(DistinctFreeTaskManager.PAGE_BY_TENANT)) {
        ids.add(id.substring(id.lastIndexOf('.') + 1));
        lastSql = normalized(statement.getBoundSql(invocation.getArgs()[1]).getSql());
      }
      return invocation.proceed();
    }

    @Override
    public void setProperties(Properties properties) {}
  }
}
