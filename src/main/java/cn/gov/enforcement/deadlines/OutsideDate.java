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
 */
public record OutsideDate(String formId, String taskKey, String field, String label, List<String> notBefore) {

  public OutsideDate {
    notBefore = List.copyOf(notBefore);
  }
}
