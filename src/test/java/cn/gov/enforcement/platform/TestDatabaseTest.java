package cn.gov.enforcement.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Guards the claim "the suite ran against PostgreSQL": -Ppostgres must not silently fall back to H2. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TestDatabaseTest {

  @Autowired DataSource dataSource;

  @Test
  @DisplayName("测试套件运行在所选数据库上 / the suite runs on the database it was asked for")
  void suiteRunsOnTheChosenDatabase() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName())
          .isEqualTo(System.getProperty("test.db.product", "H2"));
    }
  }
}
