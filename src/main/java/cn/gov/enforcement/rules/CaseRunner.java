package cn.gov.enforcement.rules;

import cn.gov.enforcement.platform.ParsedOnceFeelEngineFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionLiteralExpressionImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.DmnModelInstance;

/**
 * Evaluates a decision against its case file, row by row, with a DMN engine of its own that
 * records which rule answered. The same runner serves the deploy gate (configured like the process
 * engine's DMN engine) and the JUnit runner (a standalone DMN engine).
 */
public final class CaseRunner {

  /** The result of one evaluation: how many results, the first one's outputs, the rules that answered, or the error. */
  public record Outcome(int results, Map<String, Object> outputs, Set<String> ruleIds, String error) {}

  /** One failing case ({@code line} > 0) or a problem with the file or table as a whole ({@code line} 0). */
  public record Failure(int line, String message) {
    public String describe() {
      return line > 0 ? "第 " + line + " 行 / line " + line + ": " + message : message;
    }
  }

  /** The outcome of a case file against one decision. */
  public record Report(String key, String source, int rows, List<Failure> failures) {
    public boolean passed() {
      return failures.isEmpty();
    }

    public String describe() {
      StringBuilder text = new StringBuilder();
      text.append(key).append(" — 用例文件 / case file ").append(source).append(": ")
          .append(rows).append(" 个用例 / cases, ")
          .append(failures.size()).append(" 项不通过 / failing");
      for (Failure failure : failures) {
        text.append("\n  ").append(failure.describe());
      }
      return text.toString();
    }
  }

  private static final Pattern INTEGER = Pattern.compile("-?\\d+");
  private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");

  private final DmnEngine engine;
  private final ThreadLocal<List<DmnDecisionTableEvaluationEvent>> events = new ThreadLocal<>();

  private CaseRunner(DefaultDmnEngineConfiguration configuration) {
    DmnDecisionTableEvaluationListener recorder = event -> {
      List<DmnDecisionTableEvaluationEvent> recorded = events.get();
      if (recorded != null) {
        recorded.add(event);
      }
    };
    List<DmnDecisionTableEvaluationListener> listeners = new ArrayList<>();
    if (configuration.getCustomPostDecisionTableEvaluationListeners() != null) {
      listeners.addAll(configuration.getCustomPostDecisionTableEvaluationListeners());
    }
    listeners.add(recorder);
    configuration.setCustomPostDecisionTableEvaluationListeners(listeners);
    this.engine = configuration.buildEngine();
  }

  /** A runner on a standalone DMN engine with Camunda's defaults (FEEL everywhere). */
  public static CaseRunner standalone() {
    return new CaseRunner((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration());
  }

  /** A runner whose DMN engine evaluates like the process engine's: same FEEL functions, EL and script engines. */
  public static CaseRunner like(DefaultDmnEngineConfiguration processEngineDmn) {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    RuleGatePlugin.feelByDefault(configuration);
    if (processEngineDmn != null) {
      configuration.setFeelCustomFunctionProviders(processEngineDmn.getFeelCustomFunctionProviders());
      configuration.setEnableFeelLegacyBehavior(processEngineDmn.isEnableFeelLegacyBehavior());
      configuration.setReturnBlankTableOutputAsNull(processEngineDmn.isReturnBlankTableOutputAsNull());
      configuration.setElProvider(processEngineDmn.getElProvider());
      configuration.setScriptEngineResolver(processEngineDmn.getScriptEngineResolver());
    }
    // the process engine's FEEL engine (parse once); the gate runs every case of a table through it
    ParsedOnceFeelEngineFactory.install(configuration);
    return new CaseRunner(configuration);
  }

  public List<DmnDecision> parse(InputStream dmn) {
    return engine.parseDecisions(dmn);
  }

  /** The decisions of a table the caller has already read (and may read further, e.g. for its history time to live). */
  public List<DmnDecision> parse(DmnModelInstance dmn) {
    return engine.parseDecisions(dmn);
  }

  public Outcome evaluate(DmnDecision decision, Map<String, Object> variables) {
    List<DmnDecisionTableEvaluationEvent> recorded = new ArrayList<>();
    events.set(recorded);
    try {
      VariableMap map = Variables.createVariables();
      map.putAll(variables);
      DmnDecisionResult result = engine.evaluateDecision(decision, map);
      Map<String, Object> outputs = result.isEmpty() ? Map.of() : new LinkedHashMap<>(result.get(0).getEntryMap());
      Set<String> ruleIds = new LinkedHashSet<>();
      for (DmnDecisionTableEvaluationEvent event : recorded) {
        if (event.getDecisionTable().getKey().equals(decision.getKey())) {
          event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(ruleIds::add);
        }
      }
      return new Outcome(result.size(), outputs, ruleIds, null);
    } catch (RuntimeException e) {
      return new Outcome(0, Map.of(), Set.of(), shortMessage(e));
    } finally {
      events.remove();
    }
  }

  /** Runs every row of the file and checks that every rule of the table answers at least one row. */
  public Report run(DmnDecision decision, CaseFile cases) {
    List<Failure> failures = new ArrayList<>();
    List<String> outputs = outputNames(decision);
    Optional<DecisionContract.Table> contract = DecisionContract.table(decision.getKey());

    for (String output : outputs) {
      if (!cases.columns().contains(output)) {
        failures.add(new Failure(0, "用例文件缺少输出列 " + output + " / the case file has no column for output " + output));
      }
    }
    List<String> inputColumns = cases.columns().stream()
        .filter(c -> !outputs.contains(c) && !CaseFile.RESERVED.contains(c)).toList();
    if (contract.isPresent()) {
      for (String input : contract.get().inputNames()) {
        if (!cases.columns().contains(input)) {
          failures.add(new Failure(0, "用例文件缺少输入列 " + input + " / the case file has no column for input " + input));
        }
      }
      for (String column : inputColumns) {
        if (!contract.get().inputNames().contains(column)) {
          failures.add(new Failure(0, "用例文件有未知列 " + column + "（既非输入也非输出） / unknown column " + column
              + " (neither an input nor an output)"));
        }
      }
    }
    if (cases.rows().isEmpty()) {
      failures.add(new Failure(0, "用例文件没有用例 / the case file has no cases"));
    }
    if (!failures.isEmpty()) {
      return new Report(decision.getKey(), cases.source(), cases.rows().size(), failures);
    }

    Set<String> answered = new LinkedHashSet<>();
    for (CaseFile.Row row : cases.rows()) {
      Map<String, Object> variables = new LinkedHashMap<>();
      for (String column : inputColumns) {
        String cell = row.cell(column);
        if (!cell.isEmpty()) {
          variables.put(column, value(cell));
        }
      }
      String given = inputColumns.stream().map(c -> c + "=" + row.cell(c)).collect(Collectors.joining(", ", "[", "]"));
      Outcome outcome = evaluate(decision, variables);
      answered.addAll(outcome.ruleIds());
      String expectedError = row.cell(CaseFile.ERROR);
      if (!expectedError.isEmpty()) {
        if (outcome.error() == null) {
          failures.add(new Failure(row.line(), given + " 期望求值失败（" + expectedError + "），实际得到 " + outcome.outputs()
              + " / expected the evaluation to fail (" + expectedError + "), got " + outcome.outputs()));
        } else if (!outcome.error().contains(expectedError)) {
          failures.add(new Failure(row.line(), given + " 期望错误包含 “" + expectedError + "”，实际错误 / expected an error containing '"
              + expectedError + "', got: " + outcome.error()));
        }
        continue;
      }
      if (outcome.error() != null) {
        failures.add(new Failure(row.line(), given + " 求值失败 / evaluation failed: " + outcome.error()));
        continue;
      }
      if (outcome.results() > 1) {
        failures.add(new Failure(row.line(), given + " 得到 " + outcome.results() + " 个结果，应为 1 个 / got "
            + outcome.results() + " results, expected one"));
        continue;
      }
      List<String> expected = new ArrayList<>();
      List<String> actual = new ArrayList<>();
      for (String output : outputs) {
        String want = row.cell(output);
        String got = text(outcome.outputs().get(output));
        if (!Objects.equals(want, got)) {
          expected.add(output + "=" + (want.isEmpty() ? "null" : want));
          actual.add(output + "=" + (got.isEmpty() ? "null" : got));
        }
      }
      if (!expected.isEmpty()) {
        String rule = outcome.ruleIds().isEmpty() ? "没有规则命中 / no rule matched" : "规则 / rule " + String.join(", ", outcome.ruleIds());
        failures.add(new Failure(row.line(), given + " 期望 / expected " + String.join(", ", expected)
            + "；实际 / actual " + String.join(", ", actual) + "（" + rule + "）"));
      }
    }

    if (decision.getDecisionLogic() instanceof DmnDecisionTableImpl table) {
      List<DmnDecisionTableRuleImpl> rules = table.getRules();
      for (int i = 0; i < rules.size(); i++) {
        String id = rules.get(i).getId();
        if (!answered.contains(id)) {
          failures.add(new Failure(0, "第 " + (i + 1) + " 条规则（" + id + "）没有任何用例命中，请为它添加用例 / rule "
              + (i + 1) + " (" + id + ") answers no case; add a case for it"));
        }
      }
    }
    return new Report(decision.getKey(), cases.source(), cases.rows().size(), failures);
  }

  static List<String> outputNames(DmnDecision decision) {
    if (decision.getDecisionLogic() instanceof DmnDecisionTableImpl table) {
      return table.getOutputs().stream().map(DmnDecisionTableOutputImpl::getOutputName).toList();
    }
    if (decision.getDecisionLogic() instanceof DmnDecisionLiteralExpressionImpl literal) {
      return List.of(literal.getVariable().getName());
    }
    return List.of();
  }

  /** A cell as a variable: true/false → boolean, digits → number, anything else → string. */
  static Object value(String cell) {
    if (cell.equals("true") || cell.equals("false")) {
      return Boolean.valueOf(cell);
    }
    if (INTEGER.matcher(cell).matches()) {
      return Long.valueOf(cell);
    }
    if (DECIMAL.matcher(cell).matches()) {
      return Double.valueOf(cell);
    }
    return cell;
  }

  static String text(Object value) {
    return value == null ? "" : String.valueOf(value);
  }

  /** The useful part of an evaluation error: from the last of the tables' own markers on (the first is inside the quoted expression), else the message itself. */
  static String shortMessage(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int marker = message.lastIndexOf(DecisionContract.INVALID_INPUT_MARKER);
    return marker >= 0 ? message.substring(marker) : message;
  }
}
