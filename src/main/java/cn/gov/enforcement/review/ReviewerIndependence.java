package cn.gov.enforcement.review;

import cn.gov.enforcement.forms.FormValidationException;
import cn.gov.enforcement.identity.BureauGroup;
import cn.gov.enforcement.identity.StaffMembership;
import cn.gov.enforcement.platform.EngineClock;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_ReviewLegality, events assignment and complete (LR-05, AUX-01): the reviewer belongs to
 * the legal unit and is none of the case's investigators. Checked on the server because a
 * candidate group alone cannot exclude one particular person: an officer of the legal unit may
 * have investigated the case. A refused claim or completion changes nothing (the command rolls
 * back). On completion the doer becomes the assignee, so the history names the reviewer, and a
 * review (not an extension request) records {@code legalReviewer} and {@code legalReviewedAt}.
 */
@Component("reviewerIndependence")
public class ReviewerIndependence implements TaskListener {

  private final StaffMembership staff;

  public ReviewerIndependence(StaffMembership staff) {
    this.staff = staff;
  }

  @Override
  public void notify(DelegateTask task) {
    boolean completing = EVENTNAME_COMPLETE.equals(task.getEventName());
    String reviewer = completing ? staff.doer(task).orElse(null) : task.getAssignee();
    if (reviewer == null) {
      if (completing) {
        throw refusal(true, "法制审核须由具名的审核人员完成", "the legal review must be completed by a named reviewer");
      }
      return; // unclaimed again
    }
    if (!staff.isMember(reviewer, BureauGroup.LEGAL_AFFAIRS)) {
      throw refusal(completing, "审核人员须为法制机构人员: " + reviewer, "the reviewer must belong to legal-affairs");
    }
    if (Investigators.of(LegalReviewModel.INVESTIGATORS.get(task)).contains(reviewer)) {
      throw refusal(completing, "审核人员不得为本案调查人员: " + reviewer, "the reviewer must not be one of the investigators");
    }
    if (completing && !reviewer.equals(task.getAssignee())) {
      task.setAssignee(reviewer);
    }
    if (completing && !Boolean.TRUE.equals(task.getVariable("extensionRequested"))) {
      // LR-05: the review (not an extension request) names its reviewer and time, server-stamped
      task.setVariables(Map.of("legalReviewer", reviewer, "legalReviewedAt", EngineClock.now()));
    }
  }

  /** A refused completion answers like a refused form (400); a refused claim is a bad request. */
  private static RuntimeException refusal(boolean completing, String chinese, String english) {
    return completing
        ? FormValidationException.rule("LR-05", "assignee", chinese, english)
        : new BadUserRequestException(chinese + " / " + english);
  }
}
