package cn.gov.enforcement.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped tables as a rule owner and the engine see them: the contract's keys, inputs and
 * outputs, FIRST, history time to live, Chinese labels, a source article on every rule, the
 * Modeler's value lists equal to the contract's, and an answer within the contract for every
 * combination of allowed input values.
 */
class DecisionTablesTest {

  private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
  /** A source short name of requirements.md followed by an article: "YX 第十四条", "APL 第五十八条". */
  private static final Pattern ARTICLE = Pattern.compile("\\b(YH|JL|YX|HY|CZ|APL|MDR|CPL|G118)\\b[^;；—]*第[一二三四五六七八九十百零]+条");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

  static List<String> keys() {
    return DecisionContract.tables().stream().map(DecisionContract.Table::key).toList();
  }

  @ParameterizedTest(name = "REC-02 RET-05 DEC-07 LR-02 dmn/{0}.dmn: contract names, FIRST, historyTimeToLive, Chinese labels, an article on every rule")
  @MethodSource("keys")
  void tableAsTheModelerShowsIt(String key) throws Exception {
    DecisionContract.Table contract = DecisionContract.table(key).orElseThrow();
    DmnModelInstance model;
    try (InputStream in = DecisionCasesTest.resource("dmn/" + key + ".dmn")) {
      model = Dmn.readModelFromStream(in);
    }
    List<Decision> decisions = new ArrayList<>(model.getModelElementsByType(Decision.class));
    assertThat(decisions).extracting(Decision::getId).containsExactly(key);
    Decision decision = decisions.get(0);
    assertThat(decision.getName()).as("decision name").containsPattern(CJK);
    assertThat(decision.getCamundaHistoryTimeToLive()).as("camunda:historyTimeToLive").isNotNull().isPositive();

    DecisionTable table = (DecisionTable) decision.getExpression();
    assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.FIRST);
    assertThat(table.getOutputs()).extracting(Output::getName).containsExactlyElementsOf(contract.outputNames());
    assertThat(table.getOutputs()).allSatisfy(o -> assertThat(o.getLabel()).as("label of %s", o.getName()).containsPattern(CJK));

    List<Input> inputs = new ArrayList<>(table.getInputs());
    assertThat(inputs).hasSameSizeAs(contract.inputs());
    for (int i = 0; i < inputs.size(); i++) {
      DecisionContract.Input expected = contract.inputs().get(i);
      Input input = inputs.get(i);
      String expression = input.getInputExpression().getText().getTextContent();
      assertThat(input.getLabel()).as("label of %s", expected.name()).containsPattern(CJK);
      assertThat(expression).as("input %d reads %s and checks it", i + 1, expected.name())
          .startsWith("assert(" + expected.name() + ",").contains(DecisionContract.INVALID_INPUT_MARKER + " " + expected.name());
      if (expected.isBoolean()) {
        assertThat(input.getInputExpression().getTypeRef()).isEqualTo("boolean");
      } else {
        assertThat(input.getInputExpression().getTypeRef()).isEqualTo("string");
        // the Modeler's drop-down (inputValues) and the check in the expression list exactly the contract's values
        assertThat(quoted(input.getInputValues().getText().getTextContent())).containsExactlyElementsOf(expected.values());
        assertThat(quoted(expression)).containsExactlyElementsOf(withMessage(expected.values(), expression));
      }
    }

    for (Rule rule : table.getRules()) {
      assertThat(rule.getDescription()).as("annotation of %s", rule.getId()).isNotNull();
      String annotation = rule.getDescription().getTextContent();
      assertThat(annotation).as("annotation of %s cites a source article", rule.getId()).containsPattern(ARTICLE);
      assertThat(annotation).as("annotation of %s names its requirement", rule.getId()).containsAnyOf(contract.requirements().toArray(String[]::new));
    }
  }

  /**
   * Every combination of allowed input values. Where the full product is large (retention-class:
   * 21 activities × 2⁸), an enumerated input takes the values some rule names plus one value no
   * rule names: rules written as lists of literals (and {@code not(…)} of them) treat all unnamed
   * values alike, so one stands for all. Each single value is also probed by the contract test.
   */
  @ParameterizedTest(name = "REC-02 RET-05 DEC-07 LR-02 {0}: every combination of allowed inputs gets exactly one answer within the contract")
  @MethodSource("keys")
  void everyAllowedInputIsAnswered(String key) throws Exception {
    DecisionContract.Table contract = DecisionContract.table(key).orElseThrow();
    DmnDecision decision = DecisionCasesTest.decision(key);
    long product = 1;
    for (DecisionContract.Input input : contract.inputs()) {
      product *= input.isBoolean() ? 2 : input.values().size();
    }
    List<String> named = product > 1000 ? namedInRules(key) : null;
    List<Map<String, Object>> combinations = new ArrayList<>();
    combinations.add(new LinkedHashMap<>());
    for (DecisionContract.Input input : contract.inputs()) {
      List<Object> values = input.isBoolean() ? List.of(true, false) : representatives(input.values(), named);
      List<Map<String, Object>> next = new ArrayList<>();
      for (Map<String, Object> combination : combinations) {
        for (Object value : values) {
          Map<String, Object> extended = new LinkedHashMap<>(combination);
          extended.put(input.name(), value);
          next.add(extended);
        }
      }
      combinations = next;
    }
    List<String> problems = new ArrayList<>();
    for (Map<String, Object> variables : combinations) {
      CaseRunner.Outcome outcome = DecisionCasesTest.RUNNER.evaluate(decision, variables);
      if (outcome.error() != null || outcome.results() != 1) {
        problems.add(variables + " → " + (outcome.error() != null ? outcome.error() : outcome.results() + " results"));
      } else {
        problems.addAll(DecisionContract.outputValues(contract, outcome.outputs(), variables.toString()));
      }
    }
    assertThat(problems).as("%d combinations", combinations.size()).isEmpty();
  }

  /** The strings quoted in the input entries of the table's rules. */
  private static List<String> namedInRules(String key) throws Exception {
    try (InputStream in = DecisionCasesTest.resource("dmn/" + key + ".dmn")) {
      DmnModelInstance model = Dmn.readModelFromStream(in);
      List<String> named = new ArrayList<>();
      for (Rule rule : model.getModelElementsByType(Rule.class)) {
        rule.getInputEntries().forEach(entry -> named.addAll(quoted(entry.getText().getTextContent())));
      }
      return named;
    }
  }

  private static List<Object> representatives(List<String> values, List<String> named) {
    if (named == null) {
      return List.copyOf(values);
    }
    List<Object> chosen = new ArrayList<>(values.stream().filter(named::contains).toList());
    values.stream().filter(v -> !named.contains(v)).findFirst().ifPresent(chosen::add);
    return chosen;
  }

  private static List<String> quoted(String text) {
    List<String> values = new ArrayList<>();
    Matcher m = QUOTED.matcher(text);
    while (m.find()) {
      values.add(m.group(1));
    }
    return values;
  }

  /** The quoted strings of an enumeration check: the values, then the error message. */
  private static List<String> withMessage(List<String> values, String expression) {
    List<String> all = new ArrayList<>(values);
    List<String> found = quoted(expression);
    all.add(found.get(found.size() - 1));
    return all;
  }
}
