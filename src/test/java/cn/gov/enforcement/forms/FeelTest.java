package cn.gov.enforcement.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("FEEL 子集（隐藏条件）/ the FEEL subset used for hide conditions")
class FeelTest {

  private static final Map<String, Object> DATA = data();

  private static Map<String, Object> data() {
    Map<String, Object> data = new HashMap<>();
    data.put("decision", "REJECT");
    data.put("consultationDays", 25);
    data.put("confidential", true);
    data.put("amount", 12.5);
    data.put("address", Map.of("city", "丽水"));
    data.put("experts", List.of("expert1"));
    return data;
  }

  private static Object eval(String expression) {
    return Feel.evaluate(expression, DATA);
  }

  @Test
  @DisplayName("比较：= != < <= > >=，数字按数值比较 / comparisons, numbers by value")
  void comparisons() {
    assertThat(eval("=decision = \"REJECT\"")).isEqualTo(true);
    assertThat(eval("=decision != \"REJECT\"")).isEqualTo(false);
    assertThat(eval("=consultationDays >= 30")).isEqualTo(false);
    assertThat(eval("=consultationDays < 30")).isEqualTo(true);
    assertThat(eval("=consultationDays = 25.0")).isEqualTo(true);
    assertThat(eval("=amount > -1")).isEqualTo(true);
    assertThat(eval("=address.city = \"丽水\"")).isEqualTo(true);
  }

  @Test
  @DisplayName("逻辑运算与 FEEL 三值逻辑 / and, or, not with FEEL's three-valued logic")
  void logic() {
    assertThat(eval("=confidential and decision = \"REJECT\"")).isEqualTo(true);
    assertThat(eval("=not(confidential) or consultationDays > 20")).isEqualTo(true);
    assertThat(eval("=not(confidential)")).isEqualTo(false);
    assertThat(eval("=(missing < 3) and false")).isEqualTo(false);
    assertThat(eval("=missing < 3")).isNull();
    assertThat(eval("=missing = null")).isEqualTo(true);
    assertThat(eval("=missing = \"A\"")).isEqualTo(false);
    assertThat(eval("=consultationDays")).isEqualTo(new BigDecimal(25));
  }

  @Test
  @DisplayName("不支持的表达式得到 UNKNOWN，而非猜测 / unsupported FEEL is UNKNOWN, never a guess")
  void unknown() {
    assertThat(eval("=count(experts) < 3")).isSameAs(Feel.UNKNOWN);
    assertThat(eval("=decision in (\"A\", \"B\")")).isSameAs(Feel.UNKNOWN);
    assertThat(eval("=experts = null")).isSameAs(Feel.UNKNOWN);
    assertThat(eval("=consultationDays = \"25\"")).isSameAs(Feel.UNKNOWN);
    assertThat(eval("=decision = ")).isSameAs(Feel.UNKNOWN);
    assertThat(eval("=unknown(decision)")).isSameAs(Feel.UNKNOWN);
    assertThat(eval("=experts or true")).isEqualTo(true);
    assertThat(eval("=experts and true")).isSameAs(Feel.UNKNOWN);
  }

  @Test
  @DisplayName("纯变量路径识别（valuesExpression） / a plain variable path is recognised")
  void simplePath() {
    assertThat(Feel.simplePath("=experts")).containsExactly("experts");
    assertThat(Feel.simplePath("= case.experts ")).containsExactly("case", "experts");
    assertThat(Feel.simplePath("=experts[1]")).isNull();
    assertThat(Feel.simplePath("=true")).isNull();
  }
}
