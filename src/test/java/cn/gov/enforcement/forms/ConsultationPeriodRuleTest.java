package cn.gov.enforcement.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("DEC-05 征求意见期限规则 / consultation period rule")
class ConsultationPeriodRuleTest {

  private final ConsultationPeriodRule rule = new ConsultationPeriodRule(20, 30);

  private List<FormViolation> check(Object days, Object reason) {
    Map<String, Object> values = new HashMap<>();
    values.put("consultationDays", days);
    values.put("shortPeriodReason", reason);
    return rule.check(new FormValues(values));
  }

  @Test
  @DisplayName("DEC-05 规则登记在 Form_PlanConsultation 上 / the rule belongs to Form_PlanConsultation")
  void registration() {
    assertThat(rule.formId()).isEqualTo("Form_PlanConsultation");
    assertThat(rule.ruleId()).isEqualTo("DEC-05");
  }

  @Test
  @DisplayName("DEC-05 少于 20 日一律拒绝 / fewer than 20 days is refused")
  void minimum() {
    assertThat(check(19, "紧急")).singleElement()
        .satisfies(v -> {
          assertThat(v.field()).isEqualTo("consultationDays");
          assertThat(v.reason()).isEqualTo("DEC-05");
          assertThat(v.chinese()).contains("不得少于 20 日").contains("DEC-05");
          assertThat(v.english()).contains("at least 20 days");
        });
  }

  @Test
  @DisplayName("DEC-05 20–29 日须填写理由（空白不算） / 20 to 29 days need a non-blank reason")
  void reasonBelowThirty() {
    assertThat(check(20, null)).extracting(FormViolation::field).containsExactly("shortPeriodReason");
    assertThat(check(29, "  ")).extracting(FormViolation::field).containsExactly("shortPeriodReason");
    assertThat(check(29L, "上级要求限期出台")).isEmpty();
    assertThat(check(25.0, "上级要求限期出台")).isEmpty();
  }

  @Test
  @DisplayName("DEC-05 30 日及以上无需理由；未填期限不归本规则管 / 30 days or more need no reason; no period is not this rule's concern")
  void thirtyOrMore() {
    assertThat(check(30, null)).isEmpty();
    assertThat(check(45, null)).isEmpty();
    assertThat(check(null, null)).isEmpty();
  }

  @Test
  @DisplayName("DEC-05 规则集可配置（如 MDR 的 30 日下限） / the numbers come from configuration")
  void configurable() {
    ConsultationPeriodRule mdr = new ConsultationPeriodRule(30, 30);
    assertThat(mdr.check(new FormValues(Map.of("consultationDays", 25, "shortPeriodReason", "理由"))))
        .extracting(FormViolation::field).containsExactly("consultationDays");
  }
}
