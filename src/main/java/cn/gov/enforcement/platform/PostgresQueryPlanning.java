package cn.gov.enforcement.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL every connection of the pool runs without JIT (issue #17, docs/benchmarks.md
 * "Task list at scale"): compiling the plans of the engine's task queries cost more (1.2 s at
 * 10,000 tasks) than running them, and no statement of the engine is long enough to gain from it.
 * Custom plans (planning with the values) are not set here for the whole pool: they are needed
 * only by the task queries and cost every other statement about 2 ms of planning, 1.6× on whole
 * procedures; {@link TaskQueryCustomPlans} switches them on around those queries only
 * (docs/benchmarks.md "Custom plans only for task queries"). H2 (demo, tests) is left alone.
 */
@Component
class PostgresQueryPlanning implements BeanPostProcessor {

  static final String INIT_SQL = "SET jit = off";

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
        && pool.getJdbcUrl().startsWith("jdbc:postgresql:") && pool.getConnectionInitSql() == null) {
      pool.setConnectionInitSql(INIT_SQL);
    }
    return bean;
  }
}
