package cn.gov.enforcement.platform;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Gives the engine the {@link CountingMetricsRegistry} that {@link PlatformMetrics} reads. */
@Component
public class OperationMetricsPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setMetricsRegistry(new CountingMetricsRegistry());
  }

  @Override
  public String toString() {
    return "OperationMetricsPlugin";
  }
}
