package cn.gov.enforcement.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.recording.DisposalScan;
import cn.gov.enforcement.recording.FixityCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The application's {@code @Scheduled} jobs (ACC-02 fixity check, RET-06 disposal scan) run on one
 * node per cycle when several nodes share the database: a lease in the engine's property table.
 * Two nodes are two {@link ClusterLease}s (or two post-processors) with their own transactions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisplayName("集群中定时任务每周期只在一个节点运行 / scheduled jobs run on one node per cycle")
class SingleNodeSchedulingTest {

  @Autowired ProcessEngine engine;
  @Autowired ObjectProvider<ProcessEngine> engineProvider;
  @Autowired Environment environment;
  @Autowired FixityCheck fixityCheck;
  @Autowired DisposalScan disposalScan;

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  @Test
  @DisplayName("ACC-02 RET-06 两个节点同时抢同一租约：恰好一个成功 / two nodes racing for one lease: exactly one gets it")
  void oneOfTwoNodesGetsTheLease() throws Exception {
    String name = "race-" + UUID.randomUUID();
    ClusterLease nodeA = new ClusterLease(configuration(), "node-a");
    ClusterLease nodeB = new ClusterLease(configuration(), "node-b");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> attempts = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        ClusterLease lease = i % 2 == 0 ? nodeA : nodeB;
        attempts.add(pool.submit(() -> {
          start.await();
          return lease.tryAcquire(name, Duration.ofMinutes(5));
        }));
      }
      start.countDown();
      int won = 0;
      for (Future<Boolean> attempt : attempts) {
        won += attempt.get(1, TimeUnit.MINUTES) ? 1 : 0;
      }
      assertThat(won).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    // and while it runs, neither node takes it again
    assertThat(nodeA.tryAcquire(name, Duration.ofMinutes(5))).isFalse();
    assertThat(nodeB.tryAcquire(name, Duration.ofMinutes(5))).isFalse();
  }

  @Test
  @DisplayName("ACC-02 RET-06 租约到期后另一节点接手 / once a lease has ended another node takes it")
  void anEndedLeaseIsTakenOver() {
    String name = "takeover-" + UUID.randomUUID();
    ClusterLease nodeA = new ClusterLease(configuration(), "node-a");
    ClusterLease nodeB = new ClusterLease(configuration(), "node-b");
    assertThat(nodeA.tryAcquire(name, Duration.ZERO)).isTrue(); // ends at once, as if node A's cycle were over
    assertThat(nodeB.tryAcquire(name, Duration.ofMinutes(5))).isTrue();
    assertThat(nodeA.tryAcquire(name, Duration.ofMinutes(5))).isFalse();
  }

  /** A scheduled job as the application writes them: its side effect is counted. */
  public static class Sweep {
    static final AtomicInteger RUNS = new AtomicInteger();

    @Scheduled(fixedDelayString = "PT1H")
    public void run() {
      RUNS.incrementAndGet();
    }
  }

  @Test
  @DisplayName("ACC-02 RET-06 两个节点各自的调度器同时触发同一定时任务：只运行一次 / two nodes' schedulers fire the same job: it runs once")
  void aScheduledMethodRunsOnOneNode() {
    Sweep nodeA = (Sweep) new SingleNodeScheduling(engineProvider, environment).postProcessAfterInitialization(new Sweep(), "sweep");
    Sweep nodeB = (Sweep) new SingleNodeScheduling(engineProvider, environment).postProcessAfterInitialization(new Sweep(), "sweep");
    // the lease of an earlier run of this test in the same database must not decide this one
    configuration().getCommandExecutorTxRequired().execute(context -> {
      var property = context.getPropertyManager().findPropertyById(ClusterLease.PREFIX + "Sweep#run");
      if (property != null) {
        context.getDbEntityManager().delete(property);
      }
      return null;
    });
    int before = Sweep.RUNS.get();
    nodeA.run();
    nodeB.run();
    nodeA.run();
    assertThat(Sweep.RUNS.get() - before).isEqualTo(1);
  }

  @Test
  @DisplayName("ACC-02 RET-06 本系统的定时任务（定期校验、到期处置扫描）都经过租约 / the fixity check and the disposal scan are wrapped by the lease")
  void theApplicationsScheduledJobsAreWrapped() {
    assertThat(AopUtils.isAopProxy(fixityCheck)).isTrue();
    assertThat(AopUtils.isAopProxy(disposalScan)).isTrue();
  }
}
