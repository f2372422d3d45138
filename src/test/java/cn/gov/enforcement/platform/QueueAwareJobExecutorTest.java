package cn.gov.enforcement.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueueAwareJobExecutorTest {

  private static QueueAwareJobExecutor.QueueAwareStrategy strategy(BlockingQueue<Runnable> queue) {
    SpringJobExecutor executor = new SpringJobExecutor();
    executor.setMaxJobsPerAcquisition(20);
    return new QueueAwareJobExecutor.QueueAwareStrategy(executor, queue);
  }

  @ParameterizedTest(name = "queue of {0} holding {1}: ask for {2} jobs, wait {3} ms")
  @CsvSource({
      "40, 0, 20, 0",   // empty queue: a full acquisition at once
      "40, 20, 20, 0",  // exactly room for a full acquisition
      "40, 21, 0, 5",   // room for 19 only: no round trip, look again in 5 ms
      "40, 40, 0, 5",   // full queue: nothing refused, nothing asked
      "10, 0, 10, 0",   // a queue smaller than an acquisition: acquire when it is empty, at most its size
      "10, 3, 0, 5"})
  @DisplayName("issue #17 a backlog is acquired in full batches, never more than the queue can take")
  void asksOnlyForWhatTheQueueTakes(int capacity, int queued, int asked, long waitMillis) {
    BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>(capacity);
    for (int i = 0; i < queued; i++) {
      queue.add(() -> { });
    }
    QueueAwareJobExecutor.QueueAwareStrategy strategy = strategy(queue);

    assertThat(strategy.getNumJobsToAcquire("default")).isEqualTo(asked);
    assertThat(strategy.getWaitTime()).isEqualTo(waitMillis);
  }

  @Test
  @DisplayName("issue #17 without a queue to count (synchronous hand-off) the engine's own acquisition rules apply")
  void synchronousHandOffKeepsEngineRules() {
    QueueAwareJobExecutor.QueueAwareStrategy strategy = strategy(new SynchronousQueue<>());

    assertThat(strategy.getNumJobsToAcquire("default")).isEqualTo(20);
    assertThat(strategy.getWaitTime()).isZero();
  }
}
