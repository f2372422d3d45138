package cn.gov.enforcement.platform;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Gives the process engine's DMN engine the {@link ParsedOnceFeelEngine} (issue 17: a decision
 * evaluation re-parsed every FEEL cell of the table). Semantics stay Camunda's.
 */
@Component
public class ParsedOnceFeelPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getDmnEngineConfiguration() == null) {
      configuration.setDmnEngineConfiguration((DefaultDmnEngineConfiguration)
          DefaultDmnEngineConfiguration.createDefaultDmnEngineConfiguration());
    }
    ParsedOnceFeelEngineFactory.install(configuration.getDmnEngineConfiguration());
  }

  @Override
  public String toString() {
    return "ParsedOnceFeelPlugin";
  }
}
