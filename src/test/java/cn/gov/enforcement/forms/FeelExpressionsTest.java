package cn.gov.enforcement.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("表单的 FEEL（feel-scala）：隐藏条件、限值、动态选项 / form FEEL by feel-scala: hide conditions, limits, options")
class FeelExpressionsTest {

  private static final Map<String, Object> DATA = data();

  private static Map<String, Object> data() {
    Map<String, Object> data = new HashMap<>();
    data.put("decision", "REJECT");
    data.put("consultationDays", 25);
    data.put("confidential", true);
    data.put("amount", 12.5);
    data.put("address", Map.of("city", "丽水"));
    data.put("experts", List.of("expert1"));
    data.put("hearingDate", "2026-12-21");
    data.put("case", Map.of("officers", List.of("officer1", "officer2")));
    return data;
  }

  private static Object eval(String expression) {
    return FeelExpressions.evaluate(expression, DATA);
  }

  static Stream<Arguments> comparisons() {
    return Stream.of(
        Arguments.of("=decision = \"REJECT\"", true),
        Arguments.of("=decision != \"REJECT\"", false),
        Arguments.of("=consultationDays >= 30", false),
        Arguments.of("=consultationDays < 30", true),
        Arguments.of("=consultationDays = 25.0", true),
        Arguments.of("=amount > -1", true),
        Arguments.of("=address.city = \"丽水\"", true));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource
  @DisplayName("比较：= != < <= > >=，数字按数值比较 / comparisons, numbers by value")
  void comparisons(String expression, Object expected) {
    assertThat(eval(expression)).isEqualTo(expected);
  }

  static Stream<Arguments> logic() {
    return Stream.of(
        Arguments.of("=confidential and decision = \"REJECT\"", true),
        Arguments.of("=not(confidential) or consultationDays > 20", true),
        Arguments.of("=not(confidential)", false),
        Arguments.of("=(missing < 3) and false", false),
        Arguments.of("=missing < 3", null),
        Arguments.of("=missing = null", true),
        Arguments.of("=missing = \"A\"", false),
        Arguments.of("=consultationDays", new BigDecimal(25)),
        Arguments.of("=experts or true", true));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource
  @DisplayName("逻辑运算与 FEEL 三值逻辑；缺失的变量为 null / and, or, not with FEEL's three-valued logic; a missing variable is null")
  void logic(String expression, Object expected) {
    assertThat(eval(expression)).isEqualTo(expected);
  }

  static Stream<Arguments> beyondTheFormerSubset() {
    return Stream.of(
        Arguments.of("=count(experts) < 3", true),
        Arguments.of("=count(case.officers)", new BigDecimal(2)),
        Arguments.of("=decision in (\"A\", \"B\")", false),
        Arguments.of("=decision in (\"REJECT\", \"B\")", true),
        Arguments.of("=list contains(experts, \"expert1\")", true),
        Arguments.of("=experts = null", false),
        Arguments.of("=date(hearingDate) < date(\"2027-01-01\")", true),
        Arguments.of("=date(hearingDate) - date(\"2026-12-01\") = duration(\"P20D\")", true),
        Arguments.of("=date(hearingDate) + duration(\"P1D\") = date(\"2026-12-22\")", true),
        Arguments.of("=if consultationDays < 30 then \"short\" else \"long\"", "short"));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource
  @DisplayName("旧子集放弃的表达式现已求值：count(…)、in、列表、日期 / what the former subset gave up on is evaluated: count(…), in, lists, dates")
  void beyondTheFormerSubset(String expression, Object expected) {
    assertThat(eval(expression)).isEqualTo(expected);
  }

  static Stream<String> undecided() {
    return Stream.of(
        "=consultationDays = \"25\"", // a number compared with a string
        "=decision = ", // does not parse
        "=unknown(decision)", // no such function
        "=count(decision) > 0", // a function applied to a value of the wrong type
        "=experts and true", // a list where a boolean belongs
        "=decision < 3");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  @DisplayName("FEEL 无法判定的表达式得到 UNKNOWN，而非猜测 / what FEEL cannot decide on the values is UNKNOWN, never a guess")
  void undecided(String expression) {
    assertThat(eval(expression)).isSameAs(FeelExpressions.UNKNOWN);
  }

  static Stream<Arguments> options() {
    return Stream.of(
        Arguments.of("=experts", List.of("expert1")),
        Arguments.of("= case.officers ", List.of("officer1", "officer2")),
        Arguments.of("=experts[1]", "expert1"),
        Arguments.of("=true", true));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource
  @DisplayName("valuesExpression：变量路径得到列表，其他表达式照常求值 / a valuesExpression path gives the list, others evaluate as FEEL")
  void options(String expression, Object expected) {
    assertThat(eval(expression)).isEqualTo(expected);
  }

  @Test
  @DisplayName("已发布表单的每个隐藏条件都可判定（true/false/null），从不 UNKNOWN / every hide condition of the shipped forms is decided")
  void shippedConditionsAreDecided() throws IOException {
    List<String> conditions = shippedHideConditions();
    assertThat(conditions).hasSizeGreaterThan(20);
    List<String> undecided = new ArrayList<>();
    for (Map<String, Object> values : List.of(
        Map.<String, Object>of(),
        Map.<String, Object>of("extensionRequested", true, "served", false, "method", "PUBLIC_NOTICE",
            "disclosureType", "INSPECTION", "consultationDays", 25, "deliberationOutcome", "APPROVE", "majorityView", "REJECT"),
        Map.<String, Object>of("extensionRequested", false, "served", true, "method", "DIRECT",
            "disclosureType", "PENALTY", "consultationDays", 30L, "deliberationOutcome", "APPROVE", "majorityView", "APPROVE",
            "inCatalogue", false, "admitted", true))) {
      for (String condition : conditions) {
        Object result = FeelExpressions.evaluate(condition, values);
        if (!(result == null || result instanceof Boolean)) {
          undecided.add(condition + " on " + values + " → " + result);
        }
      }
    }
    assertThat(undecided).isEmpty();
  }

  @Test
  @DisplayName("内置函数只建一次的求值与 feel-scala 的 FeelEngine.evaluate 结果一致（值、失败、被抑制的失败） / the evaluation with built-ins built once answers as FeelEngine.evaluate does")
  void sameAnswersAsFeelEngineEvaluate() throws IOException {
    FeelEngineApi engine = FeelEngineBuilder.forJava().withEnabledExternalFunctions(false).build();
    List<String> expressions = new ArrayList<>(shippedHideConditions());
    Stream.of(comparisons(), logic(), beyondTheFormerSubset(), options())
        .flatMap(s -> s).map(a -> (String) a.get()[0]).forEach(expressions::add);
    undecided().forEach(expressions::add);
    expressions.addAll(List.of("=assert(consultationDays, consultationDays > 30)", "=today() > date(\"2000-01-01\")",
        "=string length(decision)", "=sum([1, 2, consultationDays])"));
    List<Map<String, Object>> dataSets = List.of(DATA, Map.of(), Map.of("extensionRequested", true, "consultationDays", 30L));
    int compared = 0;
    for (String expression : expressions) {
      String text = expression.strip().startsWith("=") ? expression.strip().substring(1) : expression.strip();
      ParseResult parsed = engine.parseExpression(text);
      if (!parsed.isSuccess()) {
        continue;
      }
      for (Map<String, Object> data : dataSets) {
        EvaluationResult expected = engine.evaluate(parsed.parsedExpression(), data);
        EvaluationResult actual = FeelExpressions.evaluateParsed(parsed.parsedExpression(), data);
        String where = expression + " on " + data;
        assertThat(actual.isSuccess()).as(where).isEqualTo(expected.isSuccess());
        assertThat(actual.result()).as(where).isEqualTo(expected.result());
        assertThat(failures(actual)).as(where).isEqualTo(failures(expected));
        if (!expected.isSuccess()) {
          assertThat(actual.failure().message()).as(where).isEqualTo(expected.failure().message());
        }
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(100);
  }

  private static List<String> failures(EvaluationResult result) {
    List<String> failures = new ArrayList<>();
    result.suppressedFailures().foreach(f -> failures.add(f.failureType() + ": " + f.failureMessage()));
    return failures;
  }

  private static List<String> shippedHideConditions() throws IOException {
    ObjectMapper json = new ObjectMapper();
    TreeSet<String> conditions = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        json.readTree(file.toFile()).findValues("hide").stream().map(JsonNode::asText).forEach(conditions::add);
      }
    }
    return new ArrayList<>(conditions);
  }
}
