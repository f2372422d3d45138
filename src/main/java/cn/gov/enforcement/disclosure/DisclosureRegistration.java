package cn.gov.enforcement.disclosure;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.exception.NotValidException;
import org.springframework.stereotype.Component;

/**
 * 登记公示事项: checks the kind of disclosure and sets {@code publicationMonths} (PUB-04) for the
 * forms. The publication tasks' due date is their model's ({@link DisclosureRules#publicationDue}).
 */
@Component("disclosureRegistration")
public class DisclosureRegistration implements JavaDelegate {

  /** DECISION_CONSULTATION: a major decision's public opinions and how each was handled (DEC-06). */
  static final Set<String> TYPES = Set.of("PENALTY", "LICENSING", "COERCION", "INSPECTION", "DECISION_CONSULTATION");

  private final DisclosureRules disclosureRules;

  public DisclosureRegistration(DisclosureRules disclosureRules) {
    this.disclosureRules = disclosureRules;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String type = String.valueOf(DisclosureModel.DISCLOSURE_TYPE.get(execution));
    if (!TYPES.contains(type)) {
      throw new NotValidException("公示类别 disclosureType 须为 PENALTY、LICENSING、COERCION、INSPECTION 或 DECISION_CONSULTATION / unknown disclosureType " + type);
    }
    DisclosureModel.PUBLICATION_MONTHS.set(execution, disclosureRules.publicationMonths(DisclosureModel.PARTY_TYPE.get(execution)));
    // no preset for contentExcluded / withheldEntirely: Tasklist would open 是否有不予公开的内容 with 否
    // chosen (issue 16); the form requires the first, and the gateway reads the second null-safely
  }
}
