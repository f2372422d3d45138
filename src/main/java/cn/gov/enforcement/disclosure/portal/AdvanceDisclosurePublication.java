package cn.gov.enforcement.disclosure.portal;

import cn.gov.enforcement.disclosure.AdvanceDisclosureModel;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * {@code advance-disclosure} Task_PublishAdvance (PUB-06, PUB-01): runs only after the legal unit's
 * approval; publishes the text under its section (replacing the earlier text with the same section
 * and title) or takes it off. The reviewer is the one who completed Task_ReviewAdvance.
 */
@Component("advanceDisclosurePublication")
public class AdvanceDisclosurePublication implements JavaDelegate {

  static final Set<String> SECTIONS = Set.of("ENFORCEMENT_BODY", "LEGAL_BASIS", "POWERS_DUTIES", "PROCEDURE",
      "PARTY_RIGHTS", "REMEDIES", "SERVICE");

  private final PortalStore store;

  public AdvanceDisclosurePublication(PortalStore store) {
    this.store = store;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String section = String.valueOf(AdvanceDisclosureModel.ADVANCE_SECTION.get(execution));
    if (!SECTIONS.contains(section)) {
      throw new NotValidException("栏目 advanceSection 无效 / unknown advanceSection " + section + " (PUB-06)");
    }
    String title = String.valueOf(AdvanceDisclosureModel.ADVANCE_TITLE.get(execution)).trim();
    if ("WITHDRAW".equals(AdvanceDisclosureModel.ADVANCE_ACTION.get(execution))) {
      store.withdrawAdvance(section, title);
      return;
    }
    Authentication reviewer = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String reviewedBy = reviewer != null && reviewer.getUserId() != null ? reviewer.getUserId()
        : "legal-affairs"; // a reviewer completing through the Java API in a test carries no authentication
    store.publishAdvance(execution.getProcessInstanceId(), section, title, String.valueOf(AdvanceDisclosureModel.ADVANCE_BODY.get(execution)),
        reviewedBy);
  }
}
