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

  public static final DatedSteps STEPS = new DatedSteps("enforcement-case",
      Map.of(
          "Task_ApproveFiling", List.of("filingDate", "filedOn"),
          "Task_ApproveDecision", List.of("decisionDate"),
          "Task_DecideCompulsoryExecution", List.of("executionDecisionDate"),
          "Task_CloseCase", List.of("closedOn"),
          "Task_ArchiveCase", List.of("archivedOn")),
      List.of(
          new OutsideDate("case-activity-record", "Task_RecordActivity", "activityDate", "活动日期", List.of("filedOn")),
          new OutsideDate("case-activity-record", "Task_RecordActivity", "activityEndedAt", "活动结束时间", List.of("filedOn")),
          new OutsideDate("case-rights-notice", "Task_NotifyRights", "rightsNoticeServedOn", "告知书送达日期", List.of("filedOn")),
          new OutsideDate("case-party-response", "Task_RecordPartyResponse", "hearingRequestedOn", "听证申请日期",
              List.of("filedOn", "rightsNoticeServedOn")),
          new OutsideDate("case-party-response", "Task_RecordPartyResponse", "hearingWaiverReceivedOn", "收到书面放弃声明日期",
              List.of("filedOn", "rightsNoticeServedOn")),
          new OutsideDate("case-hearing-notice", "Task_NotifyHearing", "hearingNoticeServedOn", "通知送达日期",
              List.of("filedOn", "rightsNoticeServedOn", "hearingRequestedOn")),
          new OutsideDate("case-reminder", "Task_IssueReminder", "reminderServedOn", "催告书送达日期",
              List.of("decisionDate", "decisionServedOn")),
          new OutsideDate("case-court-application", "Task_ApplyToCourt", "courtApplicationDate", "申请日期",
              List.of("decisionDate", "decisionServedOn", "reminderServedOn")),
          new OutsideDate("case-revocation", "Task_RecordRevocation", "revokedOn", "撤销日期", List.of("decisionDate"))));
}
