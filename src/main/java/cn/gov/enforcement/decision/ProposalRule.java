package cn.gov.enforcement.decision;

import cn.gov.enforcement.calendar.BeijingTime;
import cn.gov.enforcement.forms.FormRule;
import cn.gov.enforcement.forms.FormValues;
import cn.gov.enforcement.forms.FormViolation;
import cn.gov.enforcement.identity.BureauGroup;
import cn.gov.enforcement.identity.StaffMembership;
import cn.gov.enforcement.platform.EngineClock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * DEC-02 and DEC-18 on the start form of {@code major-decision} (every start of the procedure is at
 * that start event, so every registration passes here; title, category and proposer are the form's
 * own {@code required} options, DEC-01).
 * <ul>
 *   <li>DEC-02: the director's own proposal skips admission, so the claim {@code proposedBy = DIRECTOR}
 *       is checked against the authenticated initiator ({@code registeredBy}, camunda:initiator,
 *       server-stamped), never taken from the form;</li>
 *   <li>DEC-18: a matter names its item of this year's adopted catalogue ({@code catalogueItemNo}), or
 *       it is outside the catalogue and enters the procedure only with the director's recorded reason
 *       ({@code outsideCatalogueReason}): given here when the director registers their own proposal,
 *       else at admission ({@link AdmissionCheck}); nobody else may give it.</li>
 * </ul>
 */
@Component
class ProposalRule implements FormRule {

  private final StaffMembership staff;
  private final DecisionCatalogue catalogue;

  ProposalRule(StaffMembership staff, DecisionCatalogue catalogue) {
    this.staff = staff;
    this.catalogue = catalogue;
  }

  @Override
  public String formId() {
    return "decision-start";
  }

  @Override
  public String ruleId() {
    return "DEC-18";
  }

  @Override
  public List<FormViolation> check(FormValues values) {
    boolean director = staff.isMember(values.text("registeredBy").orElse(null), BureauGroup.DIRECTOR);
    boolean directorProposes = "DIRECTOR".equals(values.text("proposedBy").orElse(null));
    if (directorProposes && !director) {
      return List.of(FormViolation.rule("DEC-02", "proposedBy",
          "只有局长本人登记的建议才能作为局长提出的建议（直接进入决策程序），请选择实际提出主体",
          "proposedBy DIRECTOR is accepted only when the director registers the proposal; choose the actual proposer"));
    }
    int year = ProposalRegistration.year();
    boolean reasoned = !values.isBlank("outsideCatalogueReason");
    String itemNo = values.text("catalogueItemNo").filter(no -> !no.isBlank()).orElse(null);
    if (itemNo != null) {
      if (ProposalRegistration.item(catalogue, itemNo, year).isEmpty()) {
        return violation("catalogueItemNo", "编号 " + itemNo + " 不是局长通过的 " + year + " 年度重大行政决策目录中的事项（catalogueItemNo）",
            "catalogueItemNo " + itemNo + " is not an item of the adopted catalogue of " + year);
      }
      if (reasoned) {
        return violation("outsideCatalogueReason", "目录内事项无须目录外理由（outsideCatalogueReason）",
            "an item of the catalogue needs no outsideCatalogueReason");
      }
      return List.of();
    }
    if (director && directorProposes && !reasoned) {
      return violation("outsideCatalogueReason",
          "不在 " + year + " 年度重大行政决策目录中的事项，须由局长说明进入决策程序的理由（outsideCatalogueReason）",
          "a matter outside the catalogue of " + year + " needs the director's outsideCatalogueReason");
    }
    if (!(director && directorProposes) && reasoned) {
      return violation("outsideCatalogueReason",
          "目录外事项进入程序的理由由局长在立项审查时说明，登记时不得填写（outsideCatalogueReason）",
          "only the director gives outsideCatalogueReason, at admission");
    }
    return List.of();
  }

  private List<FormViolation> violation(String field, String chinese, String english) {
    return List.of(FormViolation.rule(ruleId(), field, chinese, english));
  }
}
