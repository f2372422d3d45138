package cn.gov.enforcement.platform;

import java.util.concurrent.BlockingQueue;
import org.camunda.bpm.engine.impl.jobexecutor.BackoffJobAcquisitionStrategy;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionStrategy;
import org.camunda.bpm.engine.impl.jobexecutor.SequentialJobAcquisitionRunnable;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The starter's job executor, acquiring only when its queue has room for a full acquisition
 * (issue #17 item 2, docs/benchmarks.md "Timers").
 *
 * <p>The engine's acquisition loop starts the next acquisition as soon as the previous one is
 * submitted, and asks for {@code max-jobs-per-acquisition} minus the jobs the full queue refused.
 * With a backlog (10,000 due timers) the queue is always nearly full, so the loop spins: one
 * acquisition (a select over the job table, one lock update per job, a commit) per 2–3 jobs, and the
 * refused jobs are handed back and submitted again each round (a {@code RejectedExecutionException}
 * each time). Here the loop waits a few milliseconds while fewer than {@code max-jobs-per-acquisition}
 * queue places are free, and never asks for more jobs than places are free, so a backlog is acquired
 * in full batches and nothing is refused. Idle polling, the back-off after a lost acquisition race
 * (several nodes) and the exclusive-job rules are the engine's, unchanged.
 */
public class QueueAwareJobExecutor extends SpringJobExecutor {

  /** How long the loop waits for free queue places before it looks again (a job takes ~10 ms). */
  static final long QUEUE_WAIT_MILLIS = 5;

  @Override
  protected void ensureInitialization() {
    super.ensureInitialization();
    acquireJobsRunnable = new SequentialJobAcquisitionRunnable(this) {
      @Override
      protected JobAcquisitionStrategy initializeAcquisitionStrategy() {
        return new QueueAwareStrategy(QueueAwareJobExecutor.this, queue(getTaskExecutor()));
      }
    };
  }

  private static BlockingQueue<Runnable> queue(TaskExecutor executor) {
    return executor instanceof ThreadPoolTaskExecutor pool && pool.getThreadPoolExecutor() != null
        ? pool.getThreadPoolExecutor().getQueue()
        : null;
  }

  /** The engine's back-off strategy, capped by the free places of the executor's queue. */
  static class QueueAwareStrategy extends BackoffJobAcquisitionStrategy {

    private final BlockingQueue<Runnable> queue;
    private final int fullAcquisition;

    QueueAwareStrategy(SpringJobExecutor executor, BlockingQueue<Runnable> queue) {
      super(executor);
      // a synchronous hand-off (queue-capacity 0) has no places to count: the engine's own rules
      this.queue = queue != null && queue.remainingCapacity() + queue.size() > 0 ? queue : null;
      this.fullAcquisition = executor.getMaxJobsPerAcquisition();
    }

    @Override
    public long getWaitTime() {
      long engineWait = super.getWaitTime();
      return engineWait > 0 || roomForFullAcquisition() ? engineWait : QUEUE_WAIT_MILLIS;
    }

    /** None while the queue has no room for a full acquisition (0 asked counts as not idle). */
    @Override
    public int getNumJobsToAcquire(String processEngine) {
      int engineWants = super.getNumJobsToAcquire(processEngine);
      if (queue == null) {
        return engineWants;
      }
      return roomForFullAcquisition() ? Math.min(engineWants, queue.remainingCapacity()) : 0;
    }

    boolean roomForFullAcquisition() {
      return queue == null
          || queue.remainingCapacity() >= Math.min(fullAcquisition, queue.size() + queue.remainingCapacity());
    }
  }
}
