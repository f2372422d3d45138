package cn.gov.enforcement.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL every connection of the pool plans each statement with its values and without JIT
 * (issue #17, docs/benchmarks.md "Task list at scale"). The engine binds the permission bits of its
 * authorization checks as parameters ({@code A.PERMS_ & ? = ?}); after five executions pgjdbc
 * prepares the statement server-side and PostgreSQL caches a generic plan, which cannot use the
 * statistics on those expressions (migration V20261202_18084) and loops over every task
 * authorization for every task: 4 s instead of 30 ms for a Tasklist page at 10,000 tasks. JIT
 * compiling those plans cost more (1.2 s) than running them. H2 (demo, tests) is left alone.
 */
@Component
class PostgresQueryPlanning implements BeanPostProcessor {

  static final String INIT_SQL = "SET plan_cache_mode = force_custom_plan; SET jit = off";

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
        && pool.getJdbcUrl().startsWith("jdbc:postgresql:") && pool.getConnectionInitSql() == null) {
      pool.setConnectionInitSql(INIT_SQL);
    }
    return bean;
  }
}
