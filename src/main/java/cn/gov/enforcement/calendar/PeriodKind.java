package cn.gov.enforcement.calendar;

/**
 * How the days of a period are counted (PER-01).
 *
 * <p>The law decides the kind, and the caller (the BPMN model, a delegate, the client of
 * {@code /api/periods}) names it: "N days" are {@link #CALENDAR} days by default; the penalty
 * procedure's 2, 3, 5 and 7 days are {@link #WORKING} days (行政处罚法 第八十五条), which
 * {@link #forPenaltyProcedure(int)} encodes; in administrative coercion (行政强制法 第六十九条) every
 * period of ten days or less is working days ({@link #forCoercionProcedure(int)}). The calculator never guesses the kind from N alone,
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

  /** 行政强制法 第六十九条: "十日以内期限的规定是指工作日，不含法定节假日"; longer periods are calendar days. */
  public static PeriodKind forCoercionProcedure(int days) {
    return days <= 10 ? WORKING : CALENDAR;
  }
}
