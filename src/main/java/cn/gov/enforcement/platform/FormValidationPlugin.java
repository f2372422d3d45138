package cn.gov.enforcement.platform;

import cn.gov.enforcement.forms.FormRules;
import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Server-side validation of Camunda Form submissions, inside the engine, so that every entry
 * point is covered: engine-rest, the webapps' API used by Tasklist, and the Java API. Adds the
 * {@link FormSubmissionParseListener} (first among the parse listeners) and the
 * {@link FormRefusalInterceptor} (outermost command interceptor).
 */
@Component
public class FormValidationPlugin extends AbstractProcessEnginePlugin {

  private final FormSubmissionGuard guard;

  public FormValidationPlugin(FormRules rules) {
    this.guard = new FormSubmissionGuard(new DeployedForms(), rules);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(0, new FormSubmissionParseListener(guard));
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(0, new FormRefusalInterceptor());
  }

  @Override
  public String toString() {
    return "FormValidationPlugin";
  }
}
