package cn.gov.enforcement.calendar;

/**
 * How the days of a period are counted (PER-01).
 *
 * <p>The law decides the kind, and the caller (the BPMN model, a delegate, the client of
 * {@code /api/periods}) names it: "N days" are {@link #CALENDAR} days by default; the penalty
 * procedure's 2, 3, 5 and 7 days are {@link #WORKING} days (行政处罚法 第八十五条), which
 * {@link #forPenaltyProcedure(int)} encodes. The calculator never guesses the kind from N alone,
 * because a 5-day period outside the penalty procedure is five calendar days.
 */
public enum PeriodKind {
  /** 自然日: every day counts; only a last day that is a rest day moves on (PER-02). */
  CALENDAR,
  /** 工作日: only working days count, statutory holidays excluded, make-up days included. */
  WORKING;

  /** 行政处罚法 第八十五条: "二日""三日""五日""七日" are working days; every other number is calendar days. */
  public static PeriodKind forPenaltyProcedure(int days) {
    return switch (days) {
      case 2, 3, 5, 7 -> WORKING;
      default -> CALENDAR;
    };
  }
}
