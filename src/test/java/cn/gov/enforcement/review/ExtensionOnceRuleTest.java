package cn.gov.enforcement.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.forms.FormValues;
import cn.gov.enforcement.forms.FormViolation;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("LR-06 审核期限只能延长一次（表单规则） / the review period is extended once (form rule)")
class ExtensionOnceRuleTest {

  @ParameterizedTest(name = "requested={0}, extended={1} → refused={2}")
  @CsvSource(nullValues = "null", value = {
      "true, true, true",
      "true, false, false",
      "true, null, false",
      "false, true, false",
      "null, true, false"})
  @DisplayName("LR-06 已延长过的审核再次申请延期被拒绝 / a second extension request is refused")
  void extendedOnce(Boolean requested, Boolean extended, boolean refused) {
    Map<String, Object> values = new HashMap<>();
    values.put("extensionRequested", requested);
    values.put("reviewExtended", extended);
    assertThat(new ExtensionOnceRule().check(new FormValues(values)))
        .extracting(FormViolation::field).containsExactlyElementsOf(refused ? java.util.List.of("extensionRequested") : java.util.List.of());
  }
}
