package cn.gov.enforcement.delivery;

import cn.gov.enforcement.forms.FormRule;
import cn.gov.enforcement.forms.FormValues;
import cn.gov.enforcement.forms.FormViolation;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * SVC-05 on the start form: public notice as the first method needs the failed attempts made
 * before (the form shows the field only then). {@link ServiceMethodGuard} checks the same inside
 * the process, where attempts of this instance also count.
 */
@Component
class PublicNoticeStartRule implements FormRule {

  @Override
  public String formId() {
    return "service-start";
  }

  @Override
  public String ruleId() {
    return "SVC-05";
  }

  @Override
  public List<FormViolation> check(FormValues values) {
    if ("PUBLIC_NOTICE".equals(values.text("method").orElse("")) && values.isBlank("priorFailedAttempts")) {
      return List.of(FormViolation.rule(ruleId(), "priorFailedAttempts",
          "公告送达须在其他方式均未能送达后采用：请填写此前已采用且未能送达的方式及情况",
          "public-notice service needs the failed attempts by other methods"));
    }
    return List.of();
  }
}
