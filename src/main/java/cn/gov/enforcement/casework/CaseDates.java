package cn.gov.enforcement.casework;

import cn.gov.enforcement.deadlines.DatedSteps;
import cn.gov.enforcement.deadlines.OutsideDate;
import java.util.List;
import java.util.Map;

/**
 * PER-06 for {@code enforcement-case}: which dates the server writes (the steps the system
 * witnesses: filing approved, decision approved, compulsory execution decided, case closed,
 * archived) and which a person types because the event happened outside (an activity in the field,
 * a notice served, the party's written request, a court application, a revocation).
 */
public final class CaseDates {

  private CaseDates() {}

  public static final DatedSteps STEPS = new DatedSteps(EnforcementCaseModel.PROCESS_KEY,
      Map.of(
          EnforcementCaseModel.TASK_APPROVE_FILING, List.of("filingDate", "filedOn"),
          EnforcementCaseModel.TASK_APPROVE_DECISION, List.of("decisionDate"),
          EnforcementCaseModel.TASK_DECIDE_COMPULSORY_EXECUTION, List.of("executionDecisionDate"),
          EnforcementCaseModel.TASK_CLOSE_CASE, List.of("closedOn"),
          EnforcementCaseModel.TASK_ARCHIVE_CASE, List.of("archivedOn")),
      List.of(
          new OutsideDate("case-activity-record", EnforcementCaseModel.TASK_RECORD_ACTIVITY, "activityDate", "活动日期", List.of("filedOn")),
          new OutsideDate("case-activity-record", EnforcementCaseModel.TASK_RECORD_ACTIVITY, "activityEndedAt", "活动结束时间", List.of("filedOn")),
          new OutsideDate("case-rights-notice", EnforcementCaseModel.TASK_NOTIFY_RIGHTS, "rightsNoticeServedOn", "告知书送达日期", List.of("filedOn")),
          new OutsideDate("case-party-response", EnforcementCaseModel.TASK_RECORD_PARTY_RESPONSE, "hearingRequestedOn", "听证申请日期",
              List.of("filedOn", "rightsNoticeServedOn")),
          new OutsideDate("case-party-response", EnforcementCaseModel.TASK_RECORD_PARTY_RESPONSE, "hearingWaiverReceivedOn", "收到书面放弃声明日期",
              List.of("filedOn", "rightsNoticeServedOn")),
          new OutsideDate("case-hearing-notice", EnforcementCaseModel.TASK_NOTIFY_HEARING, "hearingNoticeServedOn", "通知送达日期",
              List.of("filedOn", "rightsNoticeServedOn", "hearingRequestedOn")),
          new OutsideDate("case-reminder", EnforcementCaseModel.TASK_ISSUE_REMINDER, "reminderServedOn", "催告书送达日期",
              List.of("decisionDate", "decisionServedOn")),
          new OutsideDate("case-court-application", EnforcementCaseModel.TASK_APPLY_TO_COURT, "courtApplicationDate", "申请日期",
              List.of("decisionDate", "decisionServedOn", "reminderServedOn")),
          new OutsideDate("case-revocation", CaseRevocationModel.TASK_RECORD_REVOCATION, "revokedOn", "撤销日期", List.of("decisionDate"))));
}
