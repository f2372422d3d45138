package cn.gov.enforcement.forms;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The registry of cross-field rules: every {@link FormRule} bean, by form id. The beans are
 * collected at the first submission, so a rule may use engine services without a cycle between
 * the engine and its plugin.
 */
@Component
public class FormRules {

  private final ObjectProvider<FormRule> provider;
  private volatile Map<String, List<FormRule>> byForm;

  public FormRules(ObjectProvider<FormRule> provider) {
    this.provider = provider;
  }

  /** The rules registered for a form id, in bean order; empty when there are none. */
  public List<FormRule> forForm(String formId) {
    Map<String, List<FormRule>> rules = byForm;
    if (rules == null) {
      rules = provider.orderedStream().collect(Collectors.groupingBy(FormRule::formId, Collectors.toUnmodifiableList()));
      byForm = rules;
    }
    return formId == null ? List.of() : rules.getOrDefault(formId, List.of());
  }
}
