package cn.gov.enforcement.decision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.forms.FormValues;
import cn.gov.enforcement.forms.FormViolation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("DEC-06 公众意见逐条处理（表单规则） / every registered public opinion is handled once (form rule)")
class PublicOpinionHandlingRuleTest {

  private static final List<Map<String, Object>> REGISTER = List.of(
      Map.of("no", 1, "content", "建议延长公示期"), Map.of("no", 2, "content", "反对收费"));

  private static Map<String, Object> row(Object no, Object adopted, Object reason) {
    Map<String, Object> row = new HashMap<>();
    row.put("no", no);
    row.put("adopted", adopted);
    row.put("notAdoptedReason", reason);
    return row;
  }

  static Stream<Arguments> submissions() {
    return Stream.of(
        Arguments.of("both decided", List.of(row(1, true, null), row(2, false, "无法律依据")), null),
        Arguments.of("rows without numbers are in register order", List.of(row(null, true, null), row(null, true, null)), null),
        Arguments.of("one dropped", List.of(row(1, true, null)), "opinionHandling"),
        Arguments.of("one added", List.of(row(1, true, null), row(2, true, null), row(3, true, null)), "opinionHandling"),
        Arguments.of("one repeated", List.of(row(1, true, null), row(1, true, null)), "opinionHandling"),
        Arguments.of("unknown number", List.of(row(1, true, null), row(7, true, null)), "opinionHandling"),
        Arguments.of("undecided", List.of(row(1, true, null), row(2, null, null)), "opinionHandling"),
        Arguments.of("not adopted without its reason", List.of(row(1, true, null), row(2, false, " ")), "notAdoptedReason"));
  }

  @ParameterizedTest(name = "{0} → {2}")
  @MethodSource("submissions")
  @DisplayName("DEC-06 行与登记簿按编号一一对应，不采纳须有理由 / rows match the register by number, each not adopted with its reason")
  void rowsMatchTheRegister(String name, List<Map<String, Object>> rows, String refusedField) {
    List<FormViolation> violations = new PublicOpinionHandlingRule().check(
        new FormValues(Map.of(PublicOpinions.REGISTER, REGISTER, PublicOpinions.FORM_LIST, rows)));
    if (refusedField == null) {
      assertThat(violations).isEmpty();
    } else {
      assertThat(violations).singleElement().satisfies(v -> {
        assertThat(v.field()).isEqualTo(refusedField);
        assertThat(v.reason()).isEqualTo("DEC-06");
        assertThat(v.english()).endsWith("(DEC-06)");
      });
    }
  }
}
