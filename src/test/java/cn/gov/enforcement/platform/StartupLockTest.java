package cn.gov.enforcement.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Two nodes starting at once on one PostgreSQL database start one after the other
 * ({@link StartupLock}); e2e/cluster.sh starts two real nodes together. Here: a node that is
 * starting waits while another holds the lock, and goes on the moment it is released.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisplayName("多节点同时启动时依次完成初始化 / nodes starting together on one database start one after the other")
class StartupLockTest {

  @Autowired DataSource dataSource;

  private static boolean tryLock(Statement statement) throws Exception {
    try (ResultSet result = statement.executeQuery("SELECT pg_try_advisory_lock(" + StartupLock.KEY + ")")) {
      result.next();
      return result.getBoolean(1);
    }
  }

  @Test
  @DisplayName("启动中的节点等待另一节点启动完成 / a starting node waits until the other node is ready, and this started node holds no lock")
  void aStartingNodeWaitsForTheOther() throws Exception {
    try (Connection probe = dataSource.getConnection()) {
      assumeTrue("PostgreSQL".equals(probe.getMetaData().getDatabaseProductName()),
          "H2 (one process per database file) takes no start-up lock");
    }
    try (Connection otherNode = dataSource.getConnection(); Statement statement = otherNode.createStatement()) {
      otherNode.setAutoCommit(true);
      // this node is ready: it released its lock, so "the other node" gets it now
      assertThat(tryLock(statement)).isTrue();
      StartupLock starting = new StartupLock();
      CompletableFuture<Object> waiting = CompletableFuture.supplyAsync(
          () -> starting.postProcessAfterInitialization(dataSource, "dataSource"));
      try {
        assertThatThrownBy(() -> waiting.get(2, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);
      } finally {
        statement.execute("SELECT pg_advisory_unlock(" + StartupLock.KEY + ")");
      }
      // released by the other node: the starting one goes on
      assertThat(waiting.get(30, TimeUnit.SECONDS)).isSameAs(dataSource);
      starting.onApplicationEvent(new ContextClosedEvent(new GenericApplicationContext()));
      assertThat(tryLock(statement)).isTrue();
      statement.execute("SELECT pg_advisory_unlock(" + StartupLock.KEY + ")");
    }
  }
}
