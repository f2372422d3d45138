package cn.gov.enforcement.decision;

import cn.gov.enforcement.calendar.Periods;
import cn.gov.enforcement.platform.EngineClock;
import org.springframework.stereotype.Component;

/**
 * The hearing's lead times (DEC-09, PER-03) for gateway conditions
 * {@code ${hearingDeadlines.met(hearingDate, 15)}}: is it still no later than the last allowed
 * day for an act "at least N days before" the hearing? Uses the engine clock, so the check is
 * made at the moment the step is completed. Notice and materials are checked on completion;
 * each is reached in time by construction: the hearing date is accepted only while the notice
 * is still possible ({@link HearingPlanCheck}), and the materials task starts in the same
 * transaction in which the notice (due 5 days earlier) was found on time.
 */
@Component("hearingDeadlines")
public class HearingDeadlines {

  private final Periods periods;

  public HearingDeadlines(Periods periods) {
    this.periods = periods;
  }

  public boolean met(Object hearingDate, Object daysBefore) {
    return !EngineClock.now().after(periods.latestBefore(hearingDate, daysBefore));
  }
}
