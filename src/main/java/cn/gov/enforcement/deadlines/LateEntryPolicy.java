package cn.gov.enforcement.deadlines;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** PER-06: how many days back an outside date may lie before it needs a reason and counts as 补录. */
@Component("lateEntryPolicy")
public class LateEntryPolicy {

  /** The form field every form with an outside date has for the reason. */
  public static final String REASON_FIELD = "lateEntryReason";

  private final int days;

  public LateEntryPolicy(@Value("${deadlines.late-entry-days:3}") int days) {
    if (days < 0) {
      throw new IllegalArgumentException("deadlines.late-entry-days must be ≥ 0, was " + days);
    }
    this.days = days;
  }

  public int days() {
    return days;
  }
}
