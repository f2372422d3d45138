package cn.gov.enforcement.decision;

import cn.gov.enforcement.calendar.BeijingTime;
import cn.gov.enforcement.numbering.DocumentNumbers;
import cn.gov.enforcement.platform.EngineClock;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RegisterProposal (DEC-01, DEC-17): registration gives the matter its number (决策编号,
 * {@code decisionNumber}), which is the instance's business key when the starter gave none
 * (contract.md "Business keys"), and records its place in the year's catalogue (DEC-18), as
 * {@link ProposalRule} accepted it at the start. The investigators list for the legal review starts
 * empty and grows with everybody who drafts (see {@link ResearchCheck}).
 */
@Component("proposalRegistration")
public class ProposalRegistration implements JavaDelegate {

  /** DEC-01: the categories of a matter (the start form's options, and a catalogue item's). */
  static final Set<String> CATEGORIES = Set.of("PLANNING", "ANNUAL_PLAN", "MAJOR_PROJECT", "BUDGET", "FEE_OR_PRICE",
      "REFORM", "EMERGENCY_PLAN", "OTHER");
  static final String NUMBER = "decisionNumber";

  private final DecisionCatalogue catalogue;
  private final DocumentNumbers numbers;
  private final String numberPrefix;

  public ProposalRegistration(DecisionCatalogue catalogue, DocumentNumbers numbers,
      @org.springframework.beans.factory.annotation.Value("${bureau.numbering.major-decision:重大决策}") String numberPrefix) {
    this.catalogue = catalogue;
    this.numbers = numbers;
    this.numberPrefix = numberPrefix;
  }

  @Override
  public void execute(DelegateExecution execution) {
    recordCatalogue(execution);
    MajorDecisionModel.REGISTERED_AT.set(execution, EngineClock.now());
    String businessKey = execution.getProcessBusinessKey();
    String number = businessKey == null || businessKey.isBlank() ? numbers.next(numberPrefix) : businessKey;
    execution.setProcessBusinessKey(number);
    execution.setVariable(NUMBER, number);
    MajorDecisionModel.INVESTIGATORS.set(execution, "");
    // no presets for confidential, contested, higherApprovalRequired: Tasklist would open 研究起草 and
    // 集体讨论决定 with 否 chosen (issue 16), and a preset false answered DEC-14's "须确定是否报上级批准"
    // for the director. Their gateways test "== true" / "!= true", which an unset variable passes.
  }

  /** DEC-18: the catalogue item named, or outside the catalogue with the reason the director gave at registration. */
  private void recordCatalogue(DelegateExecution execution) {
    Object itemNo = MajorDecisionModel.CATALOGUE_ITEM_NO.get(execution);
    if (itemNo != null && !itemNo.toString().isBlank()) {
      MajorDecisionModel.IN_CATALOGUE.set(execution, true);
      execution.setVariable("catalogueItemTitle",
          item(catalogue, itemNo.toString(), year()).map(DecisionCatalogue.Item::title).orElse(null));
      return;
    }
    MajorDecisionModel.IN_CATALOGUE.set(execution, false);
    Object reason = MajorDecisionModel.OUTSIDE_CATALOGUE_REASON.get(execution);
    if (reason != null && !reason.toString().isBlank()) {
      // ProposalRule accepts the reason only from the director registering their own proposal
      MajorDecisionModel.OUTSIDE_CATALOGUE_APPROVED_BY.set(execution, (String) execution.getVariable("registeredBy"));
    }
  }

  /** This year, in Beijing, by the engine's clock. */
  static int year() {
    return EngineClock.now().toInstant().atZone(BeijingTime.ZONE).getYear();
  }

  /** The item of this year's adopted catalogue with that number. */
  static java.util.Optional<DecisionCatalogue.Item> item(DecisionCatalogue catalogue, String itemNo, int year) {
    return catalogue.item(itemNo.trim()).filter(i -> i.itemNo().startsWith(year + "-"));
  }
}
