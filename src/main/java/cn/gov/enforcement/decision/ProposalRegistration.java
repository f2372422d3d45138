package cn.gov.enforcement.decision;

import cn.gov.enforcement.calendar.BeijingTime;
import cn.gov.enforcement.identity.BureauGroup;
import cn.gov.enforcement.identity.StaffMembership;
import cn.gov.enforcement.numbering.DocumentNumbers;
import cn.gov.enforcement.platform.EngineClock;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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

  private final StaffMembership staff;
  private final DecisionCatalogue catalogue;
  private final DocumentNumbers numbers;
  private final String numberPrefix;

  public ProposalRegistration(StaffMembership staff, DecisionCatalogue catalogue, DocumentNumbers numbers,
      @org.springframework.beans.factory.annotation.Value("${bureau.numbering.major-decision:重大决策}") String numberPrefix) {
    this.staff = staff;
    this.catalogue = catalogue;
    this.numbers = numbers;
    this.numberPrefix = numberPrefix;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Checks.require("DEC-01", "title", !Checks.blank(MajorDecisionModel.TITLE.get(execution)), "缺少决策事项名称", "title is required");
    Checks.require("DEC-01", "category", CATEGORIES.contains(Checks.text(execution, "category")),
        "决策事项类别无效", "category must be one of " + CATEGORIES);
    Checks.require("DEC-02", "proposedBy", PROPOSERS.contains(Checks.text(execution, "proposedBy")),
        "提出主体无效", "proposedBy must be one of " + PROPOSERS);
    // DEC-02: the director's own proposal skips admission, so the claim is checked against the
    // authenticated initiator (camunda:initiator, server-stamped), never taken from the form
    if ("DIRECTOR".equals(Checks.text(execution, "proposedBy"))) {
      Checks.require("DEC-02", "proposedBy", staff.isMember(Checks.text(execution, "registeredBy"), BureauGroup.DIRECTOR),
          "只有局长本人登记的建议才能作为局长提出的建议（直接进入决策程序），请选择实际提出主体",
          "proposedBy DIRECTOR is accepted only when the director registers the proposal; choose the actual proposer");
    }
    checkCatalogue(execution);
    MajorDecisionModel.REGISTERED_AT.set(execution, EngineClock.now());
    String number = Checks.blank(execution.getProcessBusinessKey()) ? numbers.next(numberPrefix) : execution.getProcessBusinessKey();
    execution.setProcessBusinessKey(number);
    execution.setVariable(NUMBER, number);
    MajorDecisionModel.INVESTIGATORS.set(execution, "");
    // no presets for confidential, contested, higherApprovalRequired: Tasklist would open 研究起草 and
    // 集体讨论决定 with 否 chosen (issue 16), and a preset false answered DEC-14's "须确定是否报上级批准"
    // for the director. Their gateways test "== true" / "!= true", which an unset variable passes.
  }

  /**
   * DEC-18: a matter names its item of this year's adopted catalogue ({@code catalogueItemNo}), or
   * it is outside the catalogue ({@code inCatalogue = false}) and enters the procedure only with the
   * director's recorded reason ({@code outsideCatalogueReason}): given here when the director
   * registers the proposal, else at admission ({@link AdmissionCheck}); nobody else may give it.
   */
  private void checkCatalogue(DelegateExecution execution) {
    int year = EngineClock.now().toInstant().atZone(BeijingTime.ZONE).getYear();
    String itemNo = Checks.text(execution, "catalogueItemNo");
    boolean director = staff.isMember(Checks.text(execution, "registeredBy"), BureauGroup.DIRECTOR);
    if (!Checks.blank(itemNo)) {
      var item = catalogue.item(itemNo.trim()).filter(i -> i.itemNo().startsWith(year + "-"));
      Checks.require("DEC-18", "catalogueItemNo", item.isPresent(),
          "编号 " + itemNo + " 不是局长通过的 " + year + " 年度重大行政决策目录中的事项（catalogueItemNo）",
          "catalogueItemNo " + itemNo + " is not an item of the adopted catalogue of " + year);
      MajorDecisionModel.IN_CATALOGUE.set(execution, true);
      MajorDecisionModel.CATALOGUE_ITEM_TITLE.set(execution, item.get().title());
      Checks.require("DEC-18", "outsideCatalogueReason", Checks.blank(MajorDecisionModel.OUTSIDE_CATALOGUE_REASON.get(execution)),
          "目录内事项无须目录外理由（outsideCatalogueReason）", "an item of the catalogue needs no outsideCatalogueReason");
      return;
    }
    MajorDecisionModel.IN_CATALOGUE.set(execution, false);
    boolean reasoned = !Checks.blank(MajorDecisionModel.OUTSIDE_CATALOGUE_REASON.get(execution));
    if (director && "DIRECTOR".equals(Checks.text(execution, "proposedBy"))) {
      Checks.require("DEC-18", "outsideCatalogueReason", reasoned,
          "不在 " + year + " 年度重大行政决策目录中的事项，须由局长说明进入决策程序的理由（outsideCatalogueReason）",
          "a matter outside the catalogue of " + year + " needs the director's outsideCatalogueReason");
      MajorDecisionModel.OUTSIDE_CATALOGUE_APPROVED_BY.set(execution, Checks.text(execution, "registeredBy"));
    } else {
      Checks.require("DEC-18", "outsideCatalogueReason", !reasoned,
          "目录外事项进入程序的理由由局长在立项审查时说明，登记时不得填写（outsideCatalogueReason）",
          "only the director gives outsideCatalogueReason, at admission");
    }
  }
}
