package cn.gov.enforcement.calendar;

/**
 * Whose period it is, which decides how a day not yet fixed by a State Council notice is counted
 * (PER-05: "a period that protects a party never ends earlier than the published schedule could
 * make it; the bureau's own deadlines never later").
 *
 * <p>On a provisional year some days are uncertain: weekdays next to a festival that the notice
 * may make holidays (bridging days, 补休) and weekends next to one that it may make make-up
 * working days (调休上班). {@link #PARTY} counts all of them as rest days, which gives the latest
 * end any notice could produce; {@link #BUREAU} counts all of them as working days, the earliest.
 * On a day a notice or the library fixes, both sides agree.
 *
 * <p>"At least N days before" lead times ({@link Periods#latestBefore}) are owed to a party and are
 * the bureau's duty at the same time: both ask for the earliest day, so they always count uncertain
 * days as rest days.
 */
public enum PeriodSide {
  /** 保护当事人的期间 (hearing-request window, consultation, public notice, compliance period): latest end. */
  PARTY,
  /** 行政机关自身的办理期限 (legal review, decision, service, publication, archiving): earliest end. */
  BUREAU;

  static PeriodSide of(Object value) {
    if (value instanceof PeriodSide side) {
      return side;
    }
    String text = value == null ? "" : value.toString().trim().toUpperCase(java.util.Locale.ROOT);
    return switch (text) {
      case "PARTY" -> PARTY;
      case "BUREAU" -> BUREAU;
      default -> throw new PeriodArgumentException("side", "期限无法计算：流程模型中的期间归属 side 只能是 PARTY（当事人）或"
          + " BUREAU（本机关）：\"" + value + "\"，请联系系统管理员", "the deadline cannot be computed: side must be PARTY or BUREAU: \""
          + value + "\" (a model error; tell the administrator)");
    };
  }
}
