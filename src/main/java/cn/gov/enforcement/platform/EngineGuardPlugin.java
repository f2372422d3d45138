package cn.gov.enforcement.platform;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link EngineGuardInterceptor} in front of every command of the engine (outermost of
 * the custom pre-command interceptors, outside the transaction), and the {@link NamedAssigneeOnly}
 * guard into every user task that names its person; a task that asks a decision again starts
 * without the last round's answer ({@link FreshAnswerParseListener}); the variable naming an instance's business key stays fixed
 * ({@link BusinessKeyVariableGuard}).
 */
@Component
public class EngineGuardPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(0, new EngineGuardInterceptor(configuration));
    configuration.getCustomPreCommandInterceptorsTxRequired().add(0, new RefusalCountingInterceptor());
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new NamedAssigneeParseListener());
    configuration.getCustomPostBPMNParseListeners().add(new FreshAnswerParseListener());
    configuration.getCustomPostBPMNParseListeners().add(new BusinessKeyVariableGuard.ParseListener());
    if (configuration.getCustomHistoryEventHandlers() == null) {
      configuration.setCustomHistoryEventHandlers(new ArrayList<>());
    }
    configuration.getCustomHistoryEventHandlers().add(new BusinessKeyVariableGuard());
  }

  @Override
  public String toString() {
    return "EngineGuardPlugin";
  }
}
