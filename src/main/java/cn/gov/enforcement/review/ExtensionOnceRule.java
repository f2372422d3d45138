package cn.gov.enforcement.review;

import cn.gov.enforcement.forms.FormRule;
import cn.gov.enforcement.forms.FormValues;
import cn.gov.enforcement.forms.FormViolation;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * LR-06 on the legality-review form: the review period is extended once. The form hides the
 * request after the extension ({@code reviewExtended}); a submission that asks again anyway is
 * refused. The extension's reason and the findings of a review are the form's own
 * {@code required} fields.
 */
@Component
class ExtensionOnceRule implements FormRule {

  @Override
  public String formId() {
    return "review-legality";
  }

  @Override
  public String ruleId() {
    return "LR-06";
  }

  @Override
  public List<FormViolation> check(FormValues values) {
    if (values.isTrue("extensionRequested") && values.isTrue("reviewExtended")) {
      return List.of(FormViolation.rule(ruleId(), "extensionRequested", "审核期限只能延长一次",
          "the review period may be extended only once"));
    }
    return List.of();
  }
}
