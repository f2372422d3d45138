package cn.gov.enforcement.rules;

import cn.gov.enforcement.activities.EnforcementActivity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.DmnExpressionImpl;
import org.camunda.bpm.model.dmn.HitPolicy;

/**
 * The four decisions of contract.md ("Decisions"): keys, inputs with their allowed values, outputs
 * with theirs. A rule owner may change rules, not this interface: the gate refuses a table whose
 * inputs, outputs, hit policy or output values leave the contract, and one that accepts an input
 * value outside the contract's list, whatever its case file says.
 */
public final class DecisionContract {

  /** An input: {@code values} lists the allowed strings; empty means a boolean. */
  public record Input(String name, List<String> values) {
    public boolean isBoolean() {
      return values.isEmpty();
    }
  }

  /** An output: {@code values} lists the allowed strings (and {@code nullable} whether null is allowed); empty means a boolean. */
  public record Output(String name, List<String> values, boolean nullable) {
    public boolean isBoolean() {
      return values.isEmpty();
    }
  }

  public record Table(String key, List<String> requirements, List<Input> inputs, List<Output> outputs) {
    public List<String> inputNames() {
      return inputs.stream().map(Input::name).toList();
    }

    public List<String> outputNames() {
      return outputs.stream().map(Output::name).toList();
    }
  }

  public static final List<String> ACTIVITIES = EnforcementActivity.CODES;
  public static final List<String> EXEMPTIONS = List.of("NONE", "EXPLOSIVE_AREA", "SECRET_OR_PRIVACY", "EMERGENCY",
      "OBJECTIVE_IMPOSSIBILITY");

  /** The marker every input check of the shipped tables puts in its error message. */
  public static final String INVALID_INPUT_MARKER = "INVALID_DECISION_INPUT";

  /** A value no contract list contains, used to probe that a table refuses unknown values. */
  static final String PROBE_UNKNOWN = "NOT_A_CONTRACT_VALUE";

  private static final Map<String, Table> TABLES = new LinkedHashMap<>();

  static {
    add(new Table("recording-requirement", List.of("REC-02", "REC-03"),
        List.of(enumInput("activity", ACTIVITIES), enumInput("exemption", EXEMPTIONS),
            bool("affectsLibertyLifeOrMajorProperty")),
        List.of(new Output("requirement", List.of("FULL_PROCESS_AV", "AV", "AUDIO", "SURVEILLANCE", "PHOTO_OR_AV",
                "OPTIONAL", "NONE", "EXEMPT"), false),
            boolOut("writtenRecordRequired"), boolOut("notifyParty"))));
    add(new Table("retention-class", List.of("RET-01", "RET-02", "RET-03", "RET-04", "RET-05"),
        List.of(enumInput("activity", ACTIVITIES), bool("usedAsEvidence"), bool("involvesMoneyOrGoods"),
            bool("disputeOrComplaint"), bool("obstruction"), bool("reviewOrLitigation"),
            bool("massIncidentOrEmergency"), bool("priorConflict"), bool("otherLongTermReason")),
        List.of(new Output("retentionClass", List.of("LONG_TERM", "WITH_CASE_FILE", "ONE_YEAR", "SIX_MONTHS"), false),
            new Output("minimumRetention", List.of("P6M", "P1Y"), true),
            boolOut("longTermMedium"))));
    add(new Table("hearing-requirement", List.of("DEC-07"),
        List.of(bool("franchiseGrantOrWithdrawal"), bool("majorLicenceOrPenaltyHearing"), bool("publicFeeOrPrice"),
            bool("normativeDocumentPublicInterest"), bool("majorPublicDisagreement"), bool("requiredByLaw")),
        List.of(boolOut("hearingRequired"), new Output("hearingGround", List.of("FRANCHISE", "LICENCE_OR_PENALTY",
            "FEE_OR_PRICE", "NORMATIVE_DOCUMENT", "PUBLIC_DISAGREEMENT", "LAW", "NONE"), false))));
    add(new Table("legal-review-requirement", List.of("LR-02"),
        List.of(bool("majorPublicInterest"), bool("majorRightsAfterHearing"), bool("complexOrMultipleRelations"),
            bool("requiredByLaw")),
        List.of(boolOut("legalReviewRequired"), new Output("legalReviewGround", List.of("PUBLIC_INTEREST",
            "RIGHTS_AFTER_HEARING", "COMPLEX", "LAW", "NONE"), false))));
  }

  private DecisionContract() {}

  public static Optional<Table> table(String key) {
    return Optional.ofNullable(TABLES.get(key));
  }

  public static List<Table> tables() {
    return List.copyOf(TABLES.values());
  }

  /**
   * What in the decision leaves the contract of its key, in Chinese and English; empty when the
   * decision keeps it (or the key is not a contract key). Structure first; when the structure
   * holds, the decision is probed: every allowed value must be answered, every unknown or missing
   * input must make the evaluation fail.
   */
  static List<String> violations(DmnDecision decision, CaseRunner runner) {
    Optional<Table> contract = table(decision.getKey());
    if (contract.isEmpty()) {
      return List.of();
    }
    Table table = contract.get();
    List<String> problems = new ArrayList<>(structure(decision, table));
    if (problems.isEmpty()) {
      problems.addAll(probes(decision, table, runner));
    }
    return problems;
  }

  private static List<String> structure(DmnDecision decision, Table table) {
    List<String> problems = new ArrayList<>();
    if (!(decision.getDecisionLogic() instanceof DmnDecisionTableImpl dt)) {
      return List.of("必须是决策表 / must be a decision table");
    }
    HitPolicy hitPolicy = dt.getHitPolicyHandler().getHitPolicyEntry().getHitPolicy();
    if (hitPolicy != HitPolicy.FIRST) {
      problems.add("命中策略必须是 FIRST，现为 " + hitPolicy + " / hit policy must be FIRST, is " + hitPolicy);
    }
    List<String> outputs = dt.getOutputs().stream().map(DmnDecisionTableOutputImpl::getOutputName).toList();
    if (!outputs.equals(table.outputNames())) {
      problems.add("输出必须依次为 " + table.outputNames() + "，现为 " + outputs + " / outputs must be "
          + table.outputNames() + " in this order, are " + outputs);
    }
    List<DmnDecisionTableInputImpl> inputs = dt.getInputs();
    if (inputs.size() != table.inputs().size()) {
      problems.add("输入必须依次为 " + table.inputNames() + "，现有 " + inputs.size() + " 个 / inputs must be "
          + table.inputNames() + ", the table has " + inputs.size());
    } else {
      for (int i = 0; i < inputs.size(); i++) {
        String name = table.inputs().get(i).name();
        DmnExpressionImpl expression = inputs.get(i).getExpression();
        String text = expression == null ? null : expression.getExpression();
        if (text == null || !Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(text).find()) {
          problems.add("第 " + (i + 1) + " 个输入的表达式必须使用变量 " + name + " / input " + (i + 1)
              + " must read the variable " + name);
        }
      }
    }
    if (problems.isEmpty()) {
      problems.addAll(outputEntries(dt, table));
    }
    return problems;
  }

  /** Every output entry of the contract's outputs is one of the contract's literals. */
  private static List<String> outputEntries(DmnDecisionTableImpl dt, Table table) {
    List<String> problems = new ArrayList<>();
    List<DmnDecisionTableRuleImpl> rules = dt.getRules();
    for (int r = 0; r < rules.size(); r++) {
      List<DmnExpressionImpl> conclusions = rules.get(r).getConclusions();
      for (int o = 0; o < table.outputs().size(); o++) {
        Output output = table.outputs().get(o);
        String text = conclusions.get(o).getExpression();
        String literal = text == null ? "" : text.trim();
        if (!allowedLiteral(output, literal)) {
          problems.add("第 " + (r + 1) + " 条规则（" + rules.get(r).getId() + "）的输出 " + output.name() + " = "
              + (literal.isEmpty() ? "（空）" : literal) + " 不在合同取值之内 " + allowedText(output) + " / rule " + (r + 1)
              + " (" + rules.get(r).getId() + ") gives " + output.name() + " = " + (literal.isEmpty() ? "(empty)" : literal)
              + ", not one of " + allowedText(output));
        }
      }
    }
    return problems;
  }

  private static boolean allowedLiteral(Output output, String literal) {
    if (output.isBoolean()) {
      return literal.equals("true") || literal.equals("false");
    }
    if (literal.equals("null")) {
      return output.nullable();
    }
    return literal.length() > 2 && literal.startsWith("\"") && literal.endsWith("\"")
        && output.values().contains(literal.substring(1, literal.length() - 1));
  }

  private static String allowedText(Output output) {
    if (output.isBoolean()) {
      return "[true, false]";
    }
    List<String> values = new ArrayList<>(output.values());
    if (output.nullable()) {
      values.add("null");
    }
    return values.toString();
  }

  private static List<String> probes(DmnDecision decision, Table table, CaseRunner runner) {
    List<String> problems = new ArrayList<>();
    Map<String, Object> baseline = baseline(table);
    for (Input input : table.inputs()) {
      List<Object> allowed = input.isBoolean() ? List.of(true, false) : List.copyOf(input.values());
      for (Object value : allowed) {
        Map<String, Object> variables = new LinkedHashMap<>(baseline);
        variables.put(input.name(), value);
        CaseRunner.Outcome outcome = runner.evaluate(decision, variables);
        if (outcome.error() != null) {
          problems.add(input.name() + " = " + value + " 是合同允许的取值，求值却失败：" + outcome.error()
              + " / is an allowed value but the evaluation fails: " + outcome.error());
        } else if (outcome.results() != 1) {
          problems.add(input.name() + " = " + value + "（其余输入 " + baseline + "）没有命中任何规则 / is not answered by any rule (other inputs "
              + baseline + ")");
        } else {
          problems.addAll(outputValues(table, outcome.outputs(), input.name() + " = " + value));
        }
      }
      Map<String, Object> missing = new LinkedHashMap<>(baseline);
      missing.remove(input.name());
      if (runner.evaluate(decision, missing).error() == null) {
        problems.add("缺少 " + input.name() + " 时求值没有失败（不得静默默认） / a missing " + input.name()
            + " does not make the evaluation fail (no silent default)");
      }
      Map<String, Object> unknown = new LinkedHashMap<>(baseline);
      unknown.put(input.name(), input.isBoolean() ? "yes" : PROBE_UNKNOWN);
      if (runner.evaluate(decision, unknown).error() == null) {
        problems.add(input.name() + " = " + unknown.get(input.name()) + " 不在合同取值之内，求值却没有失败 / is outside the contract's values but the evaluation does not fail");
      }
    }
    return problems;
  }

  /** Output values of one evaluation that leave the contract. */
  static List<String> outputValues(Table table, Map<String, Object> outputs, String where) {
    List<String> problems = new ArrayList<>();
    for (Output output : table.outputs()) {
      Object value = outputs.get(output.name());
      boolean ok = output.isBoolean() ? value instanceof Boolean
          : value == null ? output.nullable() : output.values().contains(String.valueOf(value));
      if (!ok) {
        problems.add(where + "：输出 " + output.name() + " = " + value + " 不在合同取值之内 / " + where + ": output "
            + output.name() + " = " + value + " is not one of " + allowedText(output));
      }
    }
    return problems;
  }

  /** The first allowed value of every input, false for booleans. */
  static Map<String, Object> baseline(Table table) {
    Map<String, Object> baseline = new LinkedHashMap<>();
    for (Input input : table.inputs()) {
      baseline.put(input.name(), input.isBoolean() ? Boolean.FALSE : input.values().get(0));
    }
    return baseline;
  }

  private static void add(Table table) {
    TABLES.put(table.key(), table);
  }

  private static Input enumInput(String name, List<String> values) {
    return new Input(name, values);
  }

  private static Input bool(String name) {
    return new Input(name, List.of());
  }

  private static Output boolOut(String name) {
    return new Output(name, List.of(), false);
  }

  static Set<String> keys() {
    return Set.copyOf(TABLES.keySet());
  }
}
