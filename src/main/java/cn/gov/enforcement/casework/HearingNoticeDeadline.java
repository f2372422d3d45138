package cn.gov.enforcement.casework;

import cn.gov.enforcement.calendar.BeijingTime;
import cn.gov.enforcement.calendar.WorkingDayCalendar;
import java.time.LocalDate;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The {@code hearingNotice} bean: CASE-03 / PER-01 — in the penalty procedure the hearing is
 * notified "七日前" (APL 64), and APL 85 makes that 7 <em>working</em> days. The latest allowed day
 * is the 7th working day counted back from the hearing day (the hearing day itself not counted),
 * which is PER-03's "date − N" with working days; it is a working day by construction.
 *
 * <p>The calendar's own {@code periods.latestBefore} counts calendar days (right for the 15 and 10
 * days of a major decision's hearing, DEC-09), so the penalty procedure has this one.
 */
@Component("hearingNotice")
public class HearingNoticeDeadline {

  /** APL 64 with 85: working days. */
  public static final int NOTICE_WORKING_DAYS = 7;

  private final WorkingDayCalendar calendar;

  public HearingNoticeDeadline(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  /** The latest day the hearing notice may reach the party. */
  public LocalDate latestNoticeDay(LocalDate hearingDate) {
    LocalDate day = hearingDate;
    int counted = 0;
    while (counted < NOTICE_WORKING_DAYS) {
      day = day.minusDays(1);
      if (calendar.isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /** For the model: 24:00 Beijing time of the latest notice day (PER-04), as the task's due date. */
  public Date due(Object hearingDate) {
    LocalDate hearing = LocalDate.parse(String.valueOf(hearingDate).trim().substring(0, 10));
    return Date.from(BeijingTime.endOfDay(latestNoticeDay(hearing)).toInstant());
  }
}
