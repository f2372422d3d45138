package cn.gov.enforcement.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;

/**
 * The engine's metrics registry, which also keeps a running total per metric since this node
 * started. The engine's own meters are emptied every time its reporter writes them to
 * {@code ACT_RU_METER_LOG} (every 15 minutes), so they cannot back a Prometheus counter; the
 * totals here only grow, and belong to this node alone, as a Prometheus counter must.
 */
final class CountingMetricsRegistry extends MetricsRegistry {

  private final Map<String, LongAdder> totals = new ConcurrentHashMap<>();

  @Override
  public void markOccurrence(String name, long times) {
    if (dbMeters.containsKey(name)) {
      totals.computeIfAbsent(name, n -> new LongAdder()).add(times);
    }
    super.markOccurrence(name, times);
  }

  long total(String name) {
    LongAdder total = totals.get(name);
    return total == null ? 0 : total.sum();
  }
}
