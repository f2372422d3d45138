package cn.gov.enforcement.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.platform.ParsedOnceFeelEngine;
import cn.gov.enforcement.platform.ParsedOnceFeelEngineFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.dmn.feel.impl.scala.function.builder.CustomFunctionBuilder;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunction;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The process engine's FEEL engine ({@link ParsedOnceFeelEngine}, parse once) against Camunda's
 * {@link ScalaFeelEngine} (parse every time): every shipped table over a grid of inputs — each case
 * of its case file, each case with one input changed to every candidate value (the values of the
 * case file, absent, both booleans, an unknown text, numbers), and seeded random combinations — must
 * give the same results or the same failure (type and message). Then the FEEL engines themselves on
 * expressions the tables do not use: custom functions, Spin values, parse and evaluation errors.
 */
class ParsedOnceFeelEquivalenceTest {

  private static final List<Object> EXTRA_VALUES = new ArrayList<>(java.util.Arrays.asList(
      null, true, false, "UNKNOWN_VALUE", "", 0L, 1L, -3L, 2.5d));

  static Stream<Arguments> shippedTables() throws IOException {
    Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath:dmn/*.dmn");
    assertThat(resources).as("shipped tables").hasSizeGreaterThanOrEqualTo(4);
    return Stream.of(resources).map(r -> Arguments.of(r.getFilename()));
  }

  private static DmnEngine camunda() {
    DefaultDmnEngineConfiguration c = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    RuleGatePlugin.feelByDefault(c);
    return c.buildEngine();
  }

  private static DmnEngine parsedOnce() {
    DefaultDmnEngineConfiguration c = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    RuleGatePlugin.feelByDefault(c);
    ParsedOnceFeelEngineFactory.install(c);
    DmnEngine engine = c.buildEngine();
    assertThat(c.getFeelEngine()).isInstanceOf(ParsedOnceFeelEngine.class);
    return engine;
  }

  @ParameterizedTest(name = "RET-05 REC-02 DEC-07 LR-02 {0}: parse-once FEEL engine = Camunda's over a grid of inputs")
  @MethodSource("shippedTables")
  void sameOutcomesAsCamunda(String file) throws Exception {
    byte[] dmn;
    try (InputStream in = DecisionCasesTest.resource("dmn/" + file)) {
      dmn = in.readAllBytes();
    }
    String key = file.replace(".dmn", "");
    CaseFile cases;
    try (InputStream in = DecisionCasesTest.resource("dmn/cases/" + key + ".csv")) {
      cases = CaseFile.parse(key, "dmn/cases/" + key + ".csv", in.readAllBytes());
    }
    DmnEngine reference = camunda();
    DmnEngine candidate = parsedOnce();
    DmnDecision referenceDecision = reference.parseDecisions(new java.io.ByteArrayInputStream(dmn)).get(0);
    DmnDecision candidateDecision = candidate.parseDecisions(new java.io.ByteArrayInputStream(dmn)).get(0);

    List<String> inputs = ((DmnDecisionTableImpl) referenceDecision.getDecisionLogic()).getInputs().stream()
        .map(DmnDecisionTableInputImpl::getInputVariable).toList();
    List<String> names = inputNames(referenceDecision, cases);
    Map<String, Set<Object>> candidates = new LinkedHashMap<>();
    for (String name : names) {
      Set<Object> values = new LinkedHashSet<>(EXTRA_VALUES);
      cases.rows().forEach(row -> values.add(row.cell(name).isEmpty() ? null : CaseRunner.value(row.cell(name))));
      candidates.put(name, values);
    }

    List<Map<String, Object>> grid = new ArrayList<>();
    for (CaseFile.Row row : cases.rows()) {
      Map<String, Object> base = new LinkedHashMap<>();
      names.forEach(n -> base.put(n, row.cell(n).isEmpty() ? null : CaseRunner.value(row.cell(n))));
      grid.add(base);
      for (String name : names) {
        for (Object value : candidates.get(name)) {
          Map<String, Object> varied = new LinkedHashMap<>(base);
          varied.put(name, value);
          grid.add(varied);
        }
      }
    }
    Random random = new Random(17);
    for (int i = 0; i < 500; i++) {
      Map<String, Object> combination = new LinkedHashMap<>();
      for (String name : names) {
        List<Object> values = new ArrayList<>(candidates.get(name));
        combination.put(name, values.get(random.nextInt(values.size())));
      }
      grid.add(combination);
    }

    int failures = 0;
    List<String> expectations = new ArrayList<>();
    for (Map<String, Object> variables : grid) {
      String expected = outcome(reference, referenceDecision, variables);
      expectations.add(expected);
      String actual = outcome(candidate, candidateDecision, variables);
      assertThat(actual).as("%s with %s", key, variables).isEqualTo(expected);
      failures += expected.startsWith("failed ") ? 1 : 0;
    }
    // the grid reaches both answers and failures (the tables' input assertions)
    assertThat(failures).as("failing evaluations in the grid of %s (inputs %s)", key, inputs).isPositive();
    assertThat(grid.size() - failures).isPositive();

    // and the same again from four threads at once on the shared parsed expressions
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        done.add(pool.submit(() -> {
          for (int i = 0; i < grid.size(); i++) {
            assertThat(outcome(candidate, candidateDecision, grid.get(i))).isEqualTo(expectations.get(i));
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<String> inputNames(DmnDecision decision, CaseFile cases) {
    List<String> outputs = CaseRunner.outputNames(decision);
    return cases.columns().stream().filter(c -> !outputs.contains(c) && !CaseFile.RESERVED.contains(c)).toList();
  }

  private static String outcome(DmnEngine engine, DmnDecision decision, Map<String, Object> variables) {
    VariableMap map = Variables.createVariables();
    variables.forEach((k, v) -> {
      if (v != null) {
        map.put(k, v);
      }
    });
    try {
      return "result " + engine.evaluateDecision(decision, map).getResultList();
    } catch (RuntimeException e) {
      return "failed " + e.getClass().getName() + ": " + e.getMessage();
    }
  }

  /** A custom function provider as a process engine plugin would register one. */
  static final class Twice implements FeelCustomFunctionProvider {
    private final CustomFunction twice = CustomFunction.create().setParams("x")
        .setFunction(args -> ((Number) args.get(0)).longValue() * 2).build();

    @Override
    public Optional<CustomFunction> resolveFunction(String functionName) {
      return "twice".equals(functionName) ? Optional.of(twice) : Optional.empty();
    }

    @Override
    public java.util.Collection<String> getFunctionNames() {
      return List.of("twice");
    }
  }

  static Stream<Arguments> expressions() {
    return Stream.of(
        Arguments.of("expression", "twice(n) + 1", null),
        Arguments.of("expression", "twice(\"x\")", null),
        Arguments.of("expression", "unknownFunction(n)", null),
        Arguments.of("expression", "json.name + \"!\"", null),
        Arguments.of("expression", "json.items[2]", null),
        Arguments.of("expression", "date(\"2026-12-01\") + duration(\"P1D\")", null),
        Arguments.of("expression", "string length(s) > 3", null),
        Arguments.of("expression", "n +", null),
        Arguments.of("expression", "assert(n, n > 100, \"too small\")", null),
        Arguments.of("expression", "missing.variable", null),
        Arguments.of("expression", "{a: n, b: [1, 2, n]}", null),
        Arguments.of("unary", "> 3", "n"),
        Arguments.of("unary", "[1..5]", "n"),
        Arguments.of("unary", "\"abc\",\"def\"", "s"),
        Arguments.of("unary", "twice(n) = 10", "n"),
        Arguments.of("unary", "< ", "n"),
        Arguments.of("unary", "\"x\"", "json"),
        Arguments.of("unary", "n", "n"),
        Arguments.of("unary", "-", "n"));
  }

  @ParameterizedTest(name = "RET-05 FEEL {0} {1}: same value or same error as Camunda's FEEL engine (custom functions, Spin)")
  @MethodSource("expressions")
  void feelEngineEqualsCamundas(String kind, String expression, String input) {
    List<FeelCustomFunctionProvider> providers = List.of(new Twice());
    FeelEngine reference = new ScalaFeelEngine(providers);
    FeelEngine candidate = new ParsedOnceFeelEngine(providers);
    VariableMap variables = Variables.createVariables()
        .putValue("n", 5L).putValue("s", "abcd")
        .putValue("json", Spin.JSON("{\"name\": \"张三\", \"items\": [1, 2, 3]}"));
    for (int i = 0; i < 3; i++) { // the second and third time from the parse cache
      assertThat(evaluate(candidate, kind, expression, input, variables))
          .isEqualTo(evaluate(reference, kind, expression, input, variables));
    }
  }

  private static String evaluate(FeelEngine engine, String kind, String expression, String input, VariableMap variables) {
    try {
      Object value = kind.equals("unary")
          ? engine.evaluateSimpleUnaryTests(expression, input, variables.asVariableContext())
          : engine.evaluateSimpleExpression(expression, variables.asVariableContext());
      return "value " + (value == null ? "null" : value.getClass().getName() + " " + value);
    } catch (RuntimeException e) {
      return "failed " + e.getClass().getName() + ": " + e.getMessage();
    }
  }

  @Test
  @DisplayName("RET-05 FEEL: the parse cache stays bounded and keeps answering after it was emptied")
  void boundedCache() {
    ParsedOnceFeelEngine engine = new ParsedOnceFeelEngine(List.of());
    VariableMap variables = Variables.createVariables().putValue("n", 5L);
    for (int i = 0; i < ParsedOnceFeelEngine.MAX_CACHED + 50; i++) {
      assertThat((Object) engine.evaluateSimpleExpression("n + " + i, variables.asVariableContext())).isEqualTo(5L + i);
      assertThat(engine.cachedExpressions()).isLessThanOrEqualTo(ParsedOnceFeelEngine.MAX_CACHED);
    }
    assertThat((Object) engine.evaluateSimpleExpression("n + 1", variables.asVariableContext())).isEqualTo(6L);
  }
}
