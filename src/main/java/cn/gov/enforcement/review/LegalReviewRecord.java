package cn.gov.enforcement.review;

import cn.gov.enforcement.platform.EngineClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import cn.gov.enforcement.forms.FormValidationException;
import cn.gov.enforcement.forms.FormViolation;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_ReviewLegality, event complete (LR-03, LR-04, LR-05, LR-06): a review that is not an
 * extension request must give a finding for every review point, an outcome and the opinion; an
 * extension request needs its reason and is allowed once. The form cannot mark these required,
 * because the same form also serves the extension request, so the server checks them. The
 * record names the reviewer ({@code legalReviewer}) and the time ({@code legalReviewedAt}). A
 * refusal is the form validation's ({@link FormValidationException}): REST answers 400.
 */
@Component("legalReviewRecord")
public class LegalReviewRecord implements TaskListener {

  /** LR-03: the review points, as form field keys. */
  static final List<String> POINTS = List.of("findingBody", "findingOfficers", "findingAuthority", "findingFacts",
      "findingEvidence", "findingLegalBasis", "findingProcedure", "findingDiscretion", "findingDocuments");
  static final String CRIME_REFERRAL = "findingCrimeReferral";
  private static final Set<String> FINDINGS = Set.of("CONFORMS", "DEFECT", "NOT_APPLICABLE");
  private static final Set<String> REFERRALS = Set.of("NO_REFERRAL", "REFER");
  private static final Set<String> OUTCOMES = Set.of("PASS", "SUPPLEMENT", "AMEND", "FAIL");

  @Override
  public void notify(DelegateTask task) {
    if (Boolean.TRUE.equals(task.getVariable("extensionRequested"))) {
      if (Boolean.TRUE.equals(task.getVariable("reviewExtended"))) {
        throw refusal("LR-06", "extensionRequested", "审核期限只能延长一次", "the review period may be extended only once");
      }
      if (blank(task.getVariable("extensionReason"))) {
        throw refusal("LR-06", "extensionReason", "延期须说明理由", "an extension needs a reason (extensionReason)");
      }
      return;
    }
    List<String> missing = new ArrayList<>();
    for (String point : POINTS) {
      if (!FINDINGS.contains(String.valueOf(task.getVariable(point)))) {
        missing.add(point);
      }
    }
    if (!REFERRALS.contains(String.valueOf(task.getVariable(CRIME_REFERRAL)))) {
      missing.add(CRIME_REFERRAL);
    }
    if (!OUTCOMES.contains(String.valueOf(task.getVariable("reviewOutcome")))) {
      missing.add("reviewOutcome");
    }
    if (blank(task.getVariable("reviewOpinion"))) {
      missing.add("reviewOpinion");
    }
    if (!missing.isEmpty()) {
      throw new FormValidationException(null, missing.stream().map(field -> FormViolation.rule("LR-03", field,
          "审核要点、审核结论和审核意见须逐项填写，缺少或无效: " + field,
          "every review point, the outcome and the opinion are required: " + field)).toList());
    }
    task.setVariables(Map.of(
        "legalReviewer", task.getAssignee(),
        "legalReviewedAt", EngineClock.now()));
  }

  static FormValidationException refusal(String ruleId, String field, String chinese, String english) {
    return new FormValidationException(null, List.of(FormViolation.rule(ruleId, field, chinese, english)));
  }

  private static boolean blank(Object value) {
    return value == null || value.toString().isBlank();
  }
}
