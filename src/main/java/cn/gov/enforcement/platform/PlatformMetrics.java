package cn.gov.enforcement.platform;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an operator watches on {@code /actuator/prometheus} besides JVM, pool and HTTP
 * (docs/operations.md "Metrics"): the engine's own metrics as counters of this node
 * ({@code camunda_job_successful_total} …, from {@link CountingMetricsRegistry}), the job backlog
 * of the whole cluster (due jobs, jobs out of retries), the recordings stored, the rule gate's runs
 * and the submissions refused with 400.
 *
 * <p>The engine and the database are looked up when Prometheus scrapes, not when the meters are
 * bound: the meter registry is created before the engine, and the engine's data source is itself
 * instrumented.
 */
@Component
public class PlatformMetrics implements MeterBinder {

  /** The engine's metrics worth a counter (names as in {@code GET /engine-rest/metrics/{name}/sum}). */
  static final List<String> ENGINE_METRICS = List.of(Metrics.ACTIVTY_INSTANCE_START, Metrics.ACTIVTY_INSTANCE_END,
      Metrics.ROOT_PROCESS_INSTANCE_START, Metrics.JOB_ACQUISITION_ATTEMPT, Metrics.JOB_ACQUIRED_SUCCESS,
      Metrics.JOB_ACQUIRED_FAILURE, Metrics.JOB_EXECUTION_REJECTED, Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED,
      Metrics.JOB_LOCKED_EXCLUSIVE, Metrics.EXECUTED_DECISION_INSTANCES, Metrics.EXECUTED_DECISION_ELEMENTS);

  private final ObjectProvider<ProcessEngine> engine;
  private final ObjectProvider<JdbcClient> jdbc;

  public PlatformMetrics(ObjectProvider<ProcessEngine> engine, ObjectProvider<JdbcClient> jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
  }

  /** Prometheus name {@code camunda_<metric with _>_total}, e.g. camunda_job_successful_total. */
  static String meterName(String engineMetric) {
    return "camunda." + engineMetric.replace('-', '.');
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String name : ENGINE_METRICS) {
      FunctionCounter.builder(meterName(name), this, metrics -> metrics.engineTotal(name))
          .description("engine metric " + name + " on this node since it started").register(registry);
    }
    Gauge.builder("camunda.jobs.due", this, metrics -> metrics.jobs(() -> metrics.management().createJobQuery()
            .executable().active().count()))
        .description("jobs due now with retries left, all nodes (the job executors' backlog)").register(registry);
    Gauge.builder("camunda.jobs.failed", this, metrics -> metrics.jobs(() -> metrics.management().createJobQuery()
            .noRetriesLeft().count()))
        .description("jobs out of retries, all nodes (each one an incident to resolve)").register(registry);
    Gauge.builder("enforcement.recordings.stored.bytes", this,
            metrics -> metrics.query("SELECT COALESCE(SUM(size_bytes), 0) FROM recording"))
        .description("bytes of the recordings' originals stored (all nodes, one store)").baseUnit("bytes")
        .register(registry);
    Gauge.builder("enforcement.recordings.stored", this, metrics -> metrics.query("SELECT COUNT(*) FROM recording"))
        .description("recordings stored (all nodes, one store)").register(registry);
    FunctionCounter.builder("enforcement.rule.gate.runs", this, metrics -> OperationCounters.ruleGateRuns())
        .description("deployments whose rule tables the gate ran against their cases, on this node").register(registry);
    FunctionCounter.builder("enforcement.submissions.refused", this, metrics -> OperationCounters.formRefusals())
        .tag("kind", "form").description("form submissions refused with 400 (FORM_INVALID, FORM_UNAVAILABLE), this node")
        .register(registry);
    FunctionCounter.builder("enforcement.submissions.refused", this, metrics -> OperationCounters.guardRefusals())
        .tag("kind", "guard").description("requests refused with 400 by the engine guards, this node")
        .register(registry);
  }

  private double engineTotal(String name) {
    ProcessEngine processEngine = engine.getIfAvailable();
    if (processEngine == null) {
      return 0;
    }
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    return configuration.getMetricsRegistry() instanceof CountingMetricsRegistry counting ? counting.total(name) : 0;
  }

  private ManagementService management() {
    return engine.getObject().getManagementService();
  }

  /** A job count over every job, whoever scrapes (the scrape's admin login must not narrow it). */
  private double jobs(Supplier<Long> count) {
    ProcessEngine processEngine = engine.getIfAvailable();
    if (processEngine == null) {
      return Double.NaN;
    }
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(count::get));
  }

  private double query(String sql) {
    JdbcClient client = jdbc.getIfAvailable();
    if (client == null) {
      return Double.NaN;
    }
    return client.sql(sql).query(Long.class).single();
  }
}
