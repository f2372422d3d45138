package cn.gov.enforcement.delivery;

import cn.gov.enforcement.forms.FormRule;
import cn.gov.enforcement.forms.FormValues;
import cn.gov.enforcement.forms.FormViolation;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * SVC-05 on the forms that choose a method (the start form and 另选送达方式): choosing public notice
 * needs every other applicable method failed in this instance or shown inapplicable
 * ({@link PublicNoticePrerequisites}); the refusal names the field, so Tasklist shows it there.
 * {@link ServiceMethodGuard} checks the same inside the process for callers without a form.
 */
abstract class PublicNoticeStartRule implements FormRule {

  @Override
  public String ruleId() {
    return "SVC-05";
  }

  @Override
  public List<FormViolation> check(FormValues values) {
    if (!"PUBLIC_NOTICE".equals(values.text("method").orElse(""))) {
      return List.of();
    }
    return PublicNoticePrerequisites.missing(ServiceMethodGuard.attempted(values.get("attemptedMethods")), values::get).stream()
        .map(m -> FormViolation.rule(ruleId(), m.field(), m.chinese(), m.english())).toList();
  }

  @Component
  static class OnStart extends PublicNoticeStartRule {
    @Override
    public String formId() {
      return "service-start";
    }
  }

  @Component
  static class OnNextMethod extends PublicNoticeStartRule {
    @Override
    public String formId() {
      return "service-next-method";
    }
  }
}
