package cn.gov.enforcement.decision;

import cn.gov.enforcement.numbering.DocumentNumbers;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Task_RegisterProposal (DEC-01, DEC-02, DEC-17): the category and the proposer are recorded at
 * the start, whoever registers it (Tasklist, REST, another process), so the values are checked
 * here and not only in the start form. The investigators list for the legal review starts empty
 * and grows with everybody who drafts (see {@link ResearchCheck}). Registration gives the matter
 * its number (决策编号, {@code decisionNumber}), which is the instance's business key when the
 * starter gave none (contract.md "Business keys").
 */
@Component("proposalRegistration")
public class ProposalRegistration implements JavaDelegate {

  static final Set<String> CATEGORIES = Set.of("PLANNING", "ANNUAL_PLAN", "MAJOR_PROJECT", "BUDGET", "FEE_OR_PRICE",
      "REFORM", "EMERGENCY_PLAN", "OTHER");
  static final Set<String> PROPOSERS = Set.of("DIRECTOR", "DEPUTY_DIRECTOR", "UNIT", "PUBLIC");
  static final String NUMBER = "decisionNumber";

  private final DocumentNumbers numbers;
  private final String numberPrefix;

  public ProposalRegistration(DocumentNumbers numbers,
      @org.springframework.beans.factory.annotation.Value("${bureau.numbering.major-decision:重大决策}") String numberPrefix) {
    this.numbers = numbers;
    this.numberPrefix = numberPrefix;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Checks.require("DEC-01", "title", !Checks.blank(execution.getVariable("title")), "缺少决策事项名称", "title is required");
    Checks.require("DEC-01", "category", CATEGORIES.contains(Checks.text(execution, "category")),
        "决策事项类别无效", "category must be one of " + CATEGORIES);
    Checks.require("DEC-02", "proposedBy", PROPOSERS.contains(Checks.text(execution, "proposedBy")),
        "提出主体无效", "proposedBy must be one of " + PROPOSERS);
    execution.setVariable("registeredAt", ClockUtil.getCurrentTime());
    String number = Checks.blank(execution.getProcessBusinessKey()) ? numbers.next(numberPrefix) : execution.getProcessBusinessKey();
    execution.setProcessBusinessKey(number);
    execution.setVariable(NUMBER, number);
    execution.setVariable("investigators", "");
    // defaults for the path choices, so a gateway never meets an undefined variable
    for (String flag : new String[] {"confidential", "contested", "higherApprovalRequired"}) {
      if (execution.getVariable(flag) == null) {
        execution.setVariable(flag, false);
      }
    }
  }
}
