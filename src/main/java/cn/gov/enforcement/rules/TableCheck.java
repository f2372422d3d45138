package cn.gov.enforcement.rules;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;

/**
 * The checks of one table against one case file, shared by the deploy gate ({@link RuleCaseGate})
 * and the browser editor's dry run ({@link RuleEditorService}), so that "the dry run passes" and
 * "the gate accepts" can never mean two different things. Messages are Chinese and English.
 */
final class TableCheck {

  /** The decisions of a table and what keeps it from being checked at all (not parseable, no history time to live). */
  record Parsed(List<DmnDecision> decisions, List<String> problems) {}

  /** The contract's verdict and the case file's report for one decision. */
  record Checked(List<String> contractProblems, CaseRunner.Report report) {
    boolean passed() {
      return contractProblems.isEmpty() && report.passed();
    }

    /** The problems as the gate lists them in its refusal. */
    List<String> problems(String key) {
      List<String> problems = new ArrayList<>();
      if (!contractProblems.isEmpty()) {
        problems.add(key + " — 不符合合同（contract.md “Decisions”）/ leaves the contract:\n  "
            + String.join("\n  ", contractProblems));
      }
      if (!report.passed()) {
        problems.add(report.describe());
      }
      return problems;
    }
  }

  private TableCheck() {}

  /** Parses a table (after {@link FeelOnlyExpressions} found nothing: parsing is not evaluating). */
  static Parsed parse(String resourceName, byte[] table, CaseRunner runner) {
    List<String> problems = new ArrayList<>();
    List<DmnDecision> decisions = new ArrayList<>();
    try {
      // read (and schema-validated) once: the transform and the history-time-to-live check share the model
      DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(table));
      decisions.addAll(runner.parse(model));
      for (Decision decision : model.getModelElementsByType(Decision.class)) {
        String ttl = decision.getCamundaHistoryTimeToLiveString();
        if (ttl == null || ttl.isBlank()) {
          problems.add(resourceName + "：决策 " + decision.getId() + " 缺少历史保留天数（camunda:historyTimeToLive）/ decision "
              + decision.getId() + " has no history time to live");
        }
      }
    } catch (RuntimeException e) {
      problems.add(resourceName + " 无法解析 / cannot be parsed: " + CaseRunner.shortMessage(e));
    }
    return new Parsed(decisions, problems);
  }

  /** The contract (names, FIRST, output values, unknown inputs refused) and every case row. */
  static Checked check(DmnDecision decision, CaseFile cases, CaseRunner runner) {
    return new Checked(DecisionContract.violations(decision, runner), runner.run(decision, cases));
  }
}
