package cn.gov.enforcement.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.SystemMetaObject;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The plan cache mode each engine statement actually runs with, read on its own connection just
 * before it is prepared (an observing MyBatis interceptor that this test adds to the engine).
 * PostgreSQL only: H2 has no plan cache mode, and the plugin does nothing there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // the shared test context: a second engine would take over "default"
@EnabledIfSystemProperty(named = "test.db.product", matches = "PostgreSQL")
class TaskQueryCustomPlansTest {

  /** Armed per thread, so the observer costs nothing to the other tests sharing this context. */
  static final ThreadLocal<List<String>> OBSERVED = new ThreadLocal<>();
  static volatile boolean observerAdded;

  @Autowired ProcessEngine engine;
  @Autowired TransactionTemplate transaction;

  @Test
  @DisplayName("issue #17 on PostgreSQL task queries (list, count, page) run with custom plans, other engine statements with the default, on the same connection")
  void onlyTaskQueriesPlanWithTheirValues() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    synchronized (TaskQueryCustomPlansTest.class) {
      if (!observerAdded) {
        configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new PlanCacheModeObserver());
        observerAdded = true;
      }
    }
    List<String> observed = new ArrayList<>();
    OBSERVED.set(observed);
    try {
      // one transaction: one connection, so a SET left behind by the task query would show below
      transaction.executeWithoutResult(status -> {
        engine.getRepositoryService().createDeploymentQuery().count();
        engine.getTaskService().createTaskQuery().taskCandidateGroup("enforcement-officer").orderByTaskCreateTime().desc().listPage(0, 15);
        engine.getTaskService().createTaskQuery().taskCandidateGroup("enforcement-officer").count();
        engine.getRepositoryService().createDeploymentQuery().count();
      });
    } finally {
      OBSERVED.remove();
    }
    assertThat(observed).containsExactly(
        "selectDeploymentCountByQueryCriteria auto",
        "selectTaskByQueryCriteria force_custom_plan",
        "selectTaskCountByQueryCriteria force_custom_plan",
        "selectDeploymentCountByQueryCriteria auto");
  }

  @Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
  static final class PlanCacheModeObserver implements Interceptor {
    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      List<String> observed = OBSERVED.get();
      if (observed != null) {
        // RoutingStatementHandler -> its delegate, which knows the MyBatis statement it prepares
        String id = (String) SystemMetaObject.forObject(invocation.getTarget()).getValue("delegate.mappedStatement.id");
        observed.add(id.substring(id.lastIndexOf('.') + 1) + " " + show((Connection) invocation.getArgs()[0]));
      }
      return invocation.proceed();
    }

    private static String show(Connection connection) throws SQLException {
      try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("SHOW plan_cache_mode")) {
        result.next();
        return result.getString(1);
      }
    }
  }
}
