package cn.gov.enforcement.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Task_ReviewLegality, event complete (LR-03, LR-04, LR-05, LR-06): a review that is not an
 * extension request must give a finding for every review point, an outcome and the opinion; an
 * extension request needs its reason and is allowed once. The form cannot mark these required,
 * because the same form also serves the extension request, so the server checks them. The
 * record names the reviewer ({@code legalReviewer}) and the time ({@code legalReviewedAt}).
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
        throw new BadUserRequestException("审核期限只能延长一次 / the review period may be extended only once");
      }
      if (blank(task.getVariable("extensionReason"))) {
        throw new BadUserRequestException("延期须说明理由 / an extension needs a reason (extensionReason)");
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
      throw new BadUserRequestException("审核要点、审核结论和审核意见须逐项填写，缺少或无效: " + missing
          + " / every review point, the outcome and the opinion are required");
    }
    task.setVariables(Map.of(
        "legalReviewer", task.getAssignee(),
        "legalReviewedAt", ClockUtil.getCurrentTime()));
  }

  private static boolean blank(Object value) {
    return value == null || value.toString().isBlank();
  }
}
