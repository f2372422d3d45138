package cn.gov.enforcement.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PostgresQueryPlanningTest {

  @Test
  @DisplayName("issue #17 a PostgreSQL pool runs without JIT (custom plans only around task queries); an H2 pool is left alone")
  void onlyPostgres() {
    HikariDataSource postgres = new HikariDataSource();
    postgres.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/x");
    HikariDataSource h2 = new HikariDataSource();
    h2.setJdbcUrl("jdbc:h2:mem:x");

    new PostgresQueryPlanning().postProcessBeforeInitialization(postgres, "dataSource");
    new PostgresQueryPlanning().postProcessBeforeInitialization(h2, "dataSource");

    assertThat(postgres.getConnectionInitSql()).isEqualTo("SET jit = off");
    assertThat(h2.getConnectionInitSql()).isNull();
  }
}
