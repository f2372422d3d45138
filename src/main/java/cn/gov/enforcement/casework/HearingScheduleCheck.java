package cn.gov.enforcement.casework;

import cn.gov.enforcement.calendar.Periods;
import cn.gov.enforcement.platform.EngineClock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 安排听证, on complete (CASE-03, APL 64): the hearing officer is not one of the investigators, and
 * the hearing day leaves room to notify the party at least 7 days ahead (PER-03: the latest notice
 * day is the hearing day − 7, moved back to a working day; it must not lie in the past). The
 * appointed officer is stamped as {@value #APPOINTED}; only that person can be given or complete
 * the hearing task ({@code platform.NamedAssigneeOnly}, issue 14 item 3).
 */
@Component("hearingScheduleCheck")
public class HearingScheduleCheck implements TaskListener {

  /** CASE-03 / PER-01: APL 64 "七日前" with APL 85: working days. */
  static final int NOTICE_WORKING_DAYS = 7;

  /** The hearing officer as the schedule appointed them (server-stamped); Task_HoldHearing's assignee. */
  static final String APPOINTED = "appointedHearingOfficer";

  private final Periods periods;

  public HearingScheduleCheck(Periods periods) {
    this.periods = periods;
  }

  @Override
  public void notify(DelegateTask task) {
    Object officer = EnforcementCaseModel.HEARING_OFFICER.get(task);
    if (officer == null || officer.toString().isBlank()) {
      throw new CaseRuleViolation("须指定听证主持人（hearingOfficer）", "a hearing officer is required");
    }
    if (UserIds.of(EnforcementCaseModel.INVESTIGATORS.get(task)).contains(officer.toString().trim())) {
      throw new CaseRuleViolation("听证主持人不得为本案调查人员：" + officer, "the hearing officer must not be an investigator (CASE-03)");
    }
    Object hearingDate = EnforcementCaseModel.HEARING_DATE.get(task);
    if (hearingDate == null || hearingDate.toString().isBlank()) {
      throw new CaseRuleViolation("须填写听证日期（hearingDate）", "hearingDate is required");
    }
    Date latestNotice = periods.latestWorkingDaysBefore(hearingDate, NOTICE_WORKING_DAYS);
    if (latestNotice.before(EngineClock.now())) {
      throw new CaseRuleViolation("听证日期过近：须在听证七个工作日前通知当事人",
          "the hearing must be notified at least 7 working days ahead (CASE-03, PER-01)");
    }
    // issue 14 item 3: the 举行听证 task is assigned to this stamped copy, which no client can change
    // afterwards (the form field hearingOfficer could be rewritten between scheduling and hearing)
    task.getExecution().setVariable(APPOINTED, officer.toString().trim());
  }
}
