package cn.gov.enforcement.decision;

import cn.gov.enforcement.deadlines.DatedSteps;
import cn.gov.enforcement.deadlines.OutsideDate;
import java.util.List;
import java.util.Map;

/**
 * PER-06 for {@code major-decision}: the dates the server writes (the steps done in the system:
 * the consultation's handling published, the hearing notice published, the meeting's decision,
 * the result published) and the dates a person types because the event happened outside (the
 * submission to and the answer of the higher authority, the implementation report's
 * publication). {@code consultationStart} is a contract field (contract.md) that steers the
 * consultation timer, so it stays a form field but counts as a planned day: from the day of the
 * step up to {@value #CONSULTATION_START_WITHIN_DAYS} days ahead.
 */
public final class DecisionDates {

  private DecisionDates() {}

  /** How far ahead the draft's publication may be planned; further is a typo, not a plan. */
  public static final int CONSULTATION_START_WITHIN_DAYS = 30;

  public static final DatedSteps STEPS = new DatedSteps(MajorDecisionModel.PROCESS_KEY,
      Map.of(
          MajorDecisionModel.TASK_HANDLE_PUBLIC_OPINIONS, List.of("handlingPublishedOn"),
          MajorDecisionModel.TASK_PUBLISH_HEARING_NOTICE, List.of("noticePublishedOn"),
          MajorDecisionModel.TASK_DELIBERATE, List.of("deliberationDate"),
          MajorDecisionModel.TASK_PUBLISH_RESULT, List.of("resultPublishedOn")),
      List.of(
          OutsideDate.planned("Form_PlanConsultation", MajorDecisionModel.TASK_PUBLISH_DRAFT, "consultationStart", "公布日期",
              CONSULTATION_START_WITHIN_DAYS),
          new OutsideDate("decision-higher-approval", MajorDecisionModel.TASK_RECORD_HIGHER_APPROVAL, "submittedOn", "报送日期",
              List.of("deliberationDate")),
          new OutsideDate("decision-higher-approval", MajorDecisionModel.TASK_RECORD_HIGHER_APPROVAL, "higherApprovalDate", "批复日期",
              List.of("deliberationDate", "submittedOn")),
          new OutsideDate("decision-monitor", MajorDecisionModel.TASK_MONITOR_IMPLEMENTATION, "reportPublishedOn", "评估报告公布日期",
              List.of("resultPublishedOn"))));
}
