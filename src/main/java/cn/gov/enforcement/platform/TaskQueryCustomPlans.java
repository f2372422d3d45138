package cn.gov.enforcement.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.apache.ibatis.cache.CacheKey;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL the engine's task queries (Tasklist lists, counts and filters, {@code GET /task})
 * are planned with their values; every other statement keeps PostgreSQL's default plan cache
 * (issue #17, docs/benchmarks.md "Custom plans only for task queries"). The task query's
 * authorization join binds the permission bits ({@code A.PERMS_ & ? = ?}), and the generic plan
 * PostgreSQL caches after five executions cannot use the statistics on those expressions: a 4 s
 * nested loop at 10,000 tasks instead of 30 ms. Planning every statement with its values instead
 * (the pool-wide setting this replaces) cost the other statements about 2 ms each, 1.6× on whole
 * procedures. {@code SET} runs on the statement's own connection before and {@code RESET} after;
 * if the query fails inside a transaction, the rollback undoes the {@code SET}. H2 is left alone
 * (it has no such setting).
 */
@Component
class TaskQueryCustomPlans extends AbstractProcessEnginePlugin {

  /** The TaskQueryImpl statements of Camunda's Task.xml; filters over tasks run these too. */
  static final Set<String> TASK_QUERIES = Set.of("selectTaskByQueryCriteria", "selectTaskCountByQueryCriteria");

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType())) {
      configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new CustomPlanInterceptor());
    }
  }

  static boolean isTaskQuery(String mappedStatementId) {
    return TASK_QUERIES.contains(mappedStatementId.substring(mappedStatementId.lastIndexOf('.') + 1));
  }

  @Intercepts({
      @Signature(type = Executor.class, method = "query",
          args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}),
      @Signature(type = Executor.class, method = "query",
          args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class, CacheKey.class, BoundSql.class})})
  static final class CustomPlanInterceptor implements org.apache.ibatis.plugin.Interceptor {

    /**
     * Wraps executors only, the one type intercepted. MyBatis offers every statement, parameter and
     * result-set handler too, and {@code Plugin.wrap} reads this class's annotations each time
     * (about 4 % of the job threads' CPU, docs/benchmarks.md "Timers"); it would return them unwrapped.
     */
    @Override
    public Object plugin(Object target) {
      return target instanceof org.apache.ibatis.executor.Executor ? org.apache.ibatis.plugin.Plugin.wrap(target, this) : target;
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      MappedStatement statement = (MappedStatement) invocation.getArgs()[0];
      if (!isTaskQuery(statement.getId())) {
        return invocation.proceed();
      }
      Connection connection = ((Executor) invocation.getTarget()).getTransaction().getConnection();
      execute(connection, "SET plan_cache_mode = force_custom_plan");
      try {
        return invocation.proceed();
      } finally {
        try {
          execute(connection, "RESET plan_cache_mode");
        } catch (SQLException abortedTransaction) {
          // only after a failed statement inside a transaction: its rollback undoes the SET
        }
      }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
      try (Statement statement = connection.createStatement()) {
        statement.execute(sql);
      }
    }
  }
}
