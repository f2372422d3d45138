package cn.gov.enforcement.recording;

/** The classes of the DMN {@code retention-class}, ordered from shortest to longest (RET-05 compares them). */
public enum RetentionClass {
  SIX_MONTHS,
  ONE_YEAR,
  WITH_CASE_FILE,
  LONG_TERM;

  public boolean longerThan(RetentionClass other) {
    return compareTo(other) > 0;
  }

  /** Kept with the case file or for the long term: never reaches a disposal review by date (RET-03, RET-04). */
  public boolean isLegalHold() {
    return this == WITH_CASE_FILE || this == LONG_TERM;
  }
}
