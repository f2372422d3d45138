package cn.gov.enforcement.deadlines;

import cn.gov.enforcement.forms.FormRule;
import cn.gov.enforcement.forms.FormValues;
import cn.gov.enforcement.forms.FormViolation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PER-06 for one typed date of an outside event, as a {@link FormRule} of its form (so the refusal
 * is the forms plugin's 400, naming the field, which Tasklist shows). Registered for every
 * {@link OutsideDate} of every {@link DatedSteps} by {@link DatedStepsConfiguration}.
 */
public class OutsideDateRule implements FormRule {

  static final String RULE = "PER-06";

  private final OutsideDate date;
  private final LateEntryPolicy policy;

  public OutsideDateRule(OutsideDate date, LateEntryPolicy policy) {
    this.date = date;
    this.policy = policy;
  }

  @Override
  public String formId() {
    return date.formId();
  }

  @Override
  public String ruleId() {
    return RULE;
  }

  @Override
  public List<FormViolation> check(FormValues values) {
    Optional<LocalDate> typed = ServerToday.day(values.get(date.field()));
    if (typed.isEmpty()) {
      return List.of(); // absence and format are the form's own checks
    }
    LocalDate day = typed.get();
    LocalDate today = ServerToday.today();
    List<FormViolation> violations = new ArrayList<>();
    if (date.isPlanned()) {
      return planned(day, today);
    }
    if (day.isAfter(today)) {
      violations.add(FormViolation.rule(RULE, date.field(),
          "字段 " + date.field() + "「" + date.label() + "」不能晚于今天（" + today + "）：所填 " + day,
          "field " + date.field() + " must not lie in the future (today is " + today + ", given " + day + ")"));
    }
    floor(values).filter(day::isBefore).ifPresent(floor -> violations.add(FormViolation.rule(RULE, date.field(),
        "字段 " + date.field() + "「" + date.label() + "」不能早于本案上一环节的日期 " + floor + "：所填 " + day,
        "field " + date.field() + " must not lie before the case's previous step (" + floor + ", given " + day + ")")));
    if (violations.isEmpty() && isLate(day, today, policy) && values.isBlank(LateEntryPolicy.REASON_FIELD)) {
      violations.add(FormViolation.rule(RULE, LateEntryPolicy.REASON_FIELD,
          "字段 " + date.field() + "「" + date.label() + "」" + day + " 早于 " + policy.days() + " 日前，属补录：请在字段 " + LateEntryPolicy.REASON_FIELD + " 填写补录原因",
          "field " + date.field() + " lies more than " + policy.days() + " days back (a late entry): give the reason in field "
              + LateEntryPolicy.REASON_FIELD));
    }
    return violations;
  }

  /** A planned day steers a period, so it may not be back-dated before the step nor put absurdly far ahead. */
  private List<FormViolation> planned(LocalDate day, LocalDate today) {
    LocalDate latest = today.plusDays(date.plannedWithinDays());
    if (day.isBefore(today)) {
      return List.of(FormViolation.rule(RULE, date.field(),
          "字段 " + date.field() + "「" + date.label() + "」不能早于本环节办理之日（" + today + "）：所填 " + day,
          "field " + date.field() + " must not lie before the day of this step (" + today + ", given " + day + ")"));
    }
    if (day.isAfter(latest)) {
      return List.of(FormViolation.rule(RULE, date.field(),
          "字段 " + date.field() + "「" + date.label() + "」不能晚于本环节办理之日起 " + date.plannedWithinDays() + " 日（" + latest + "）：所填 " + day,
          "field " + date.field() + " must lie within " + date.plannedWithinDays() + " days of this step (by " + latest + ", given " + day + ")"));
    }
    return List.of();
  }

  private Optional<LocalDate> floor(FormValues values) {
    return date.notBefore().stream()
        .map(values::get)
        .map(ServerToday::day)
        .flatMap(Optional::stream)
        .max(LocalDate::compareTo);
  }

  static boolean isLate(LocalDate day, LocalDate today, LateEntryPolicy policy) {
    return day.isBefore(today.minusDays(policy.days()));
  }
}
