package cn.gov.enforcement.calendar;

import java.time.LocalDate;
import java.util.SortedSet;

/**
 * The years whose State Council notice an administrator entered (PER-05). A listed day overrides
 * whatever tyme4j says about it; an entered year is never provisional.
 */
public interface EnteredNotices {

  /** The years entered. */
  SortedSet<Integer> years();

  /** {@code TRUE} make-up working day, {@code FALSE} holiday, {@code null} not listed by an entered notice. */
  Boolean listedAsWorking(LocalDate day);
}
