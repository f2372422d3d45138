package cn.gov.enforcement.platform;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.ibatis.builder.StaticSqlSource;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.SqlCommandType;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * Answers the engine's {@code selectAuthorizedGroupIds} on PostgreSQL with an index walk instead of
 * a scan of every authorization (issue #17 item 4, docs/benchmarks.md "Task list at scale").
 *
 * <p><b>Why.</b> Before its first authorization check in a command, the engine's
 * {@code AuthorizationManager.filterAuthenticatedGroupIds} reads
 * {@code SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A} (Camunda's Authorization.xml)
 * and keeps only those of the user's groups that have some authorization. The engine writes one
 * grant per open task and candidate group (and one per assignee), so the table grows with the open
 * tasks: at 100,000 tasks (120,000 task grants) the statement read the whole table and took ~46 ms,
 * and a Tasklist HAL list runs five commands (filter, page, count, the embedded users and process
 * definitions): a quarter of a second of every page, whatever its size.
 *
 * <p><b>What runs instead.</b> The same set of values, read from the engine's index on
 * {@code GROUP_ID_} ({@code ACT_IDX_AUTH_GROUP_ID}): the smallest group id, then the smallest one
 * above it, and so on (one index probe per distinct group, a dozen here), plus {@code NULL} if any
 * authorization has no group (user authorizations) — exactly what {@code DISTINCT} returns, in
 * another order, which the engine does not use (it puts the values into a {@code HashSet}). The
 * comparison is PostgreSQL's own ordering of the column ({@code MIN} and {@code >} under the same
 * collation), so every distinct value is met exactly once. Nothing is cached: every command still
 * reads the table as it is, so a new grant or REVOKE for a group applies to the next command on
 * every node. Other databases (H2) run the engine's statement unchanged.
 */
@Component
class AuthorizedGroupIdsLookup extends AbstractProcessEnginePlugin {

  /** The engine's statement (Camunda's Authorization.xml, namespace of AuthorizationEntity). */
  static final String STATEMENT = "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.selectAuthorizedGroupIds";

  private final AtomicLong answered = new AtomicLong();

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType())) {
      configuration.getSqlSessionFactory().getConfiguration()
          .addInterceptor(new LookupInterceptor(sql(configuration.getDatabaseTablePrefix()), answered));
    }
  }

  /** Lookups answered by the index walk since start (the tests read it). */
  long answered() {
    return answered.get();
  }

  /** The index walk over ACT_RU_AUTHORIZATION.GROUP_ID_ (a "loose index scan" by recursion). */
  static String sql(String prefix) {
    String table = (prefix == null ? "" : prefix) + "ACT_RU_AUTHORIZATION";
    return "WITH RECURSIVE G (GROUP_ID_) AS ("
        + " SELECT MIN(A.GROUP_ID_) FROM " + table + " A"
        + " UNION ALL"
        + " SELECT (SELECT MIN(A.GROUP_ID_) FROM " + table + " A WHERE A.GROUP_ID_ > G.GROUP_ID_) FROM G WHERE G.GROUP_ID_ IS NOT NULL)"
        + " SELECT G.GROUP_ID_ FROM G WHERE G.GROUP_ID_ IS NOT NULL"
        + " UNION ALL"
        + " SELECT NULL WHERE EXISTS (SELECT 1 FROM " + table + " A WHERE A.GROUP_ID_ IS NULL)";
  }

  @Intercepts(@Signature(type = Executor.class, method = "query",
      args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}))
  static final class LookupInterceptor implements org.apache.ibatis.plugin.Interceptor {

    private final String sql;
    private final AtomicLong answered;
    private volatile MappedStatement replacement;

    LookupInterceptor(String sql, AtomicLong answered) {
      this.sql = sql;
      this.answered = answered;
    }

    /** Wraps executors only (see TaskQueryCustomPlans: Plugin.wrap reads the annotations per target). */
    @Override
    public Object plugin(Object target) {
      return target instanceof Executor ? Plugin.wrap(target, this) : target;
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      MappedStatement statement = (MappedStatement) invocation.getArgs()[0];
      if (!STATEMENT.equals(statement.getId())) {
        return invocation.proceed();
      }
      invocation.getArgs()[0] = replacementFor(statement);
      answered.incrementAndGet();
      return invocation.proceed();
    }

    /** The engine's statement with this SQL: same result mapping (strings), no parameters. */
    private MappedStatement replacementFor(MappedStatement statement) {
      MappedStatement built = replacement;
      if (built == null) {
        built = new MappedStatement.Builder(statement.getConfiguration(), statement.getId() + "_indexWalk",
            new StaticSqlSource(statement.getConfiguration(), sql), SqlCommandType.SELECT)
            .resultMaps(statement.getResultMaps())
            .statementType(statement.getStatementType())
            .timeout(statement.getTimeout())
            .fetchSize(statement.getFetchSize())
            .resource(statement.getResource())
            .build();
        replacement = built;
      }
      return built;
    }
  }
}
