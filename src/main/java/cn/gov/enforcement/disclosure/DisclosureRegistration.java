package cn.gov.enforcement.disclosure;

import cn.gov.enforcement.calendar.Periods;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.exception.NotValidException;
import org.springframework.stereotype.Component;

/**
 * 登记公示事项: checks the kind of disclosure and sets the due date of the publication tasks.
 * Penalty and licensing decisions are published within 7 working days of the decision (PUB-02,
 * G118); coercion and inspection results have no statutory day, so their tasks carry none. Also
 * sets {@code publicationMonths} (PUB-04) for the forms.
 */
@Component("disclosureRegistration")
public class DisclosureRegistration implements JavaDelegate {

  /** DECISION_CONSULTATION: a major decision's public opinions and how each was handled (DEC-06). */
  static final Set<String> TYPES = Set.of("PENALTY", "LICENSING", "COERCION", "INSPECTION", "DECISION_CONSULTATION");
  static final Set<String> SEVEN_WORKING_DAYS = Set.of("PENALTY", "LICENSING");
  static final int PUBLICATION_WORKING_DAYS = 7;

  private final Periods periods;
  private final DisclosureRules disclosureRules;

  public DisclosureRegistration(Periods periods, DisclosureRules disclosureRules) {
    this.periods = periods;
    this.disclosureRules = disclosureRules;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String type = String.valueOf(execution.getVariable("disclosureType"));
    if (!TYPES.contains(type)) {
      throw new NotValidException("公示类别 disclosureType 须为 PENALTY、LICENSING、COERCION、INSPECTION 或 DECISION_CONSULTATION / unknown disclosureType " + type);
    }
    execution.setVariable("publicationDue", SEVEN_WORKING_DAYS.contains(type)
        ? periods.endOfWorkingDays(execution.getVariable("decidedOn"), PUBLICATION_WORKING_DAYS) : null);
    execution.setVariable("publicationMonths", disclosureRules.publicationMonths(execution.getVariable("partyType")));
    for (String name : new String[] {"contentExcluded", "withheldEntirely"}) {
      if (execution.getVariable(name) == null) {
        execution.setVariable(name, false);
      }
    }
  }
}
