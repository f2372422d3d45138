package cn.gov.enforcement.forms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * DEC-05: the public consultation lasts at least 20 days (YX), and a period under 30 days (MDR 15)
 * needs the reason for the shorter period ({@code shortPeriodReason}). Both numbers are the
 * default agency rule set and can be changed in configuration
 * ({@code enforcement.forms.consultation.minimum-days}, {@code …reason-below-days}).
 * Applies to the consultation-plan form of {@code major-decision}, {@value #FORM_ID}; a form
 * without {@code consultationDays} in its values is not affected.
 */
@Component
public class ConsultationPeriodRule implements FormRule {

  public static final String FORM_ID = "Form_PlanConsultation";
  public static final String RULE_ID = "DEC-05";

  private final int minimumDays;
  private final int reasonBelowDays;

  public ConsultationPeriodRule(
      @Value("${enforcement.forms.consultation.minimum-days:20}") int minimumDays,
      @Value("${enforcement.forms.consultation.reason-below-days:30}") int reasonBelowDays) {
    this.minimumDays = minimumDays;
    this.reasonBelowDays = reasonBelowDays;
  }

  @Override
  public String formId() {
    return FORM_ID;
  }

  @Override
  public String ruleId() {
    return RULE_ID;
  }

  @Override
  public List<FormViolation> check(FormValues values) {
    List<FormViolation> violations = new ArrayList<>();
    BigDecimal days = values.number("consultationDays").orElse(null);
    if (days == null) {
      return violations;
    }
    if (days.compareTo(BigDecimal.valueOf(minimumDays)) < 0) {
      violations.add(FormViolation.rule(RULE_ID, "consultationDays",
          "字段 consultationDays（征求意见期限）不得少于 " + minimumDays + " 日",
          "field consultationDays must be at least " + minimumDays + " days"));
    } else if (days.compareTo(BigDecimal.valueOf(reasonBelowDays)) < 0 && values.isBlank("shortPeriodReason")) {
      violations.add(FormViolation.rule(RULE_ID, "shortPeriodReason",
          "字段 shortPeriodReason（期限缩短理由）必填：征求意见期限少于 " + reasonBelowDays + " 日的，须说明理由",
          "field shortPeriodReason is required: a consultation period under " + reasonBelowDays + " days must be explained"));
    }
    return violations;
  }
}
