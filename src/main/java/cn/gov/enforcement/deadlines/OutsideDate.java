package cn.gov.enforcement.deadlines;

import java.util.List;

/**
 * A date a person types because the event happened outside the system (a return card, a party's
 * written request, an activity in the field), PER-06: never in the future, never before the case's
 * previous step, and more than {@code deadlines.late-entry-days} back only with a reason, then
 * marked 补录.
 *
 * @param formId    the form that asks for it
 * @param taskKey   the user task of that form (null for a start form)
 * @param field     the field key (a {@code yyyy-MM-dd} date, or a date-time whose day counts)
 * @param label     the field's label, for messages and the 补录 record
 * @param notBefore variables holding the dates of earlier steps; the latest of those present is the floor
 * @param plannedWithinDays null for the date of a past outside event; for a <em>planned</em> day
 *                  (a field that steers a period, e.g. {@code consultationStart}): the day may not
 *                  lie before the server's date of the step nor more than this many days after it
 */
public record OutsideDate(String formId, String taskKey, String field, String label, List<String> notBefore,
    Integer plannedWithinDays) {

  public OutsideDate {
    notBefore = List.copyOf(notBefore);
    if (plannedWithinDays != null && plannedWithinDays < 0) {
      throw new IllegalArgumentException("plannedWithinDays must be ≥ 0");
    }
  }

  /** The date of a past outside event. */
  public OutsideDate(String formId, String taskKey, String field, String label, List<String> notBefore) {
    this(formId, taskKey, field, label, notBefore, null);
  }

  /** A planned day: from the server's date of the step up to {@code withinDays} days ahead. */
  public static OutsideDate planned(String formId, String taskKey, String field, String label, int withinDays) {
    return new OutsideDate(formId, taskKey, field, label, List.of(), withinDays);
  }

  public boolean isPlanned() {
    return plannedWithinDays != null;
  }
}
