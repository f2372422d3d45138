package cn.gov.enforcement.rules;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link RuleCaseGate} in front of the engine's deployers (a custom pre-deployer). The
 * Camunda Spring Boot starter hands every {@code ProcessEnginePlugin} bean to the engine, so the
 * gate also checks the application's own auto-deployment at startup: a shipped table that fails
 * its shipped cases stops the application.
 */
@Component
public class RuleGatePlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> preDeployers = configuration.getCustomPreDeployers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
    if (preDeployers.stream().noneMatch(RuleCaseGate.class::isInstance)) {
      preDeployers.add(new RuleCaseGate(RuleGatePlugin.class.getClassLoader()));
    }
    configuration.setCustomPreDeployers(preDeployers);
  }

  @Override
  public String toString() {
    return "RuleGatePlugin";
  }
}
