package cn.gov.enforcement.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * ACC-07 (issue 11 item 5, "with two nodes it is worse"): a second node — its own connections, its
 * own AuditLog, no JVM lock shared with the first — appends to the same database at the same time as
 * this node. The head row lock serialises both: every append succeeds, no seq twice, the chain verifies.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TwoNodeAuditTest {

  @Autowired AuditLog nodeA;
  @Autowired TransactionTemplate transactionA;
  @Autowired JdbcTemplate jdbc;

  @Test
  @DisplayName("ACC-07 两个节点同时写审计日志（各自的连接与实例）：全部成功，序号不重复，链条校验通过")
  void twoNodesAppendToOneChain() throws Exception {
    DriverManagerDataSource second = new DriverManagerDataSource(System.getProperty("spring.datasource.url"),
        System.getProperty("spring.datasource.username"), System.getProperty("spring.datasource.password", ""));
    AuditLog nodeB = new AuditLog(JdbcClient.create(second), new AuditAnchor(Path.of("target", "evidence-storage").toString()));
    TransactionTemplate transactionB = new TransactionTemplate(new DataSourceTransactionManager(second));

    int each = 40;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<AuditEntry>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < each; i++) {
        int n = i;
        futures.add(pool.submit(() -> {
          start.await();
          return transactionA.execute(s -> nodeA.append("officer1", AuditAction.LIST, null, "node A " + n));
        }));
        futures.add(pool.submit(() -> {
          start.await();
          return transactionB.execute(s -> nodeB.append("officer2", AuditAction.LIST, null, "node B " + n));
        }));
      }
      start.countDown();
      List<Long> seqs = new ArrayList<>();
      for (Future<AuditEntry> future : futures) {
        seqs.add(future.get(2, TimeUnit.MINUTES).seq());
      }
      assertThat(seqs).hasSize(2 * each).doesNotHaveDuplicates();
    } finally {
      pool.shutdownNow();
    }
    AuditVerification result = nodeA.verify();
    assertThat(result.valid()).as(result.problem()).isTrue();
  }
}
