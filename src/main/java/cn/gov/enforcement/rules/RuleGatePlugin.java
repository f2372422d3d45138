package cn.gov.enforcement.rules;

import cn.gov.enforcement.platform.DeployGate;
import cn.gov.enforcement.platform.GatedDeployment;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.spi.transform.DmnTransformListener;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;

/**
 * The rules package's {@link DeployGate}: platform's {@code DeployGatePlugin} puts it in front of the
 * engine's deployers, so {@link RuleCaseGate} also checks the application's own auto-deployment at
 * startup: a shipped table that fails its shipped cases stops the application.
 *
 * <p>FEEL only (issue 11): the engine's DMN defaults are set to FEEL explicitly — an input
 * expression, input entry, output entry or literal expression without {@code expressionLanguage}
 * is FEEL, even if someone switches on {@code dmnFeelEnableLegacyBehavior} (whose defaults are
 * JUEL; {@link #feelOnly()} switches it off). The gate refuses any other language statically
 * ({@link FeelOnlyExpressions}); as a second line, the engine's DMN transformer refuses a non-FEEL
 * table whenever it reads one — also a version deployed before this check existed, when the
 * deployment cache loads it.
 */
@Component
public class RuleGatePlugin implements DeployGate {

  private final RuleCaseGate gate = new RuleCaseGate(RuleGatePlugin.class.getClassLoader());

  @Override
  public void check(GatedDeployment deployment) {
    gate.check(deployment);
  }

  @Override
  public boolean feelOnly() {
    return true;
  }

  @Override
  public void beforeDmnEngine(DefaultDmnEngineConfiguration dmn) {
    feelByDefault(dmn);
  }

  /** The engine's DMN configuration, for {@link #caseRunner()}. */
  private volatile DefaultDmnEngineConfiguration engineDmn;
  private volatile CaseRunner caseRunner;

  /**
   * A case runner configured like the engine's DMN engine, built as {@link RuleCaseGate} builds
   * its own: the browser editor's dry run evaluates exactly as the gate does.
   */
  public CaseRunner caseRunner() {
    CaseRunner current = caseRunner;
    if (current == null) {
      synchronized (this) {
        if (caseRunner == null) {
          caseRunner = CaseRunner.like(engineDmn);
        }
        current = caseRunner;
      }
    }
    return current;
  }

  @Override
  public void afterDmnEngine(DefaultDmnEngineConfiguration dmn) {
    engineDmn = dmn;
    // the engine built its DMN engine from this configuration; say so loudly if anything changed it
    for (String language : List.of(dmn.getDefaultInputExpressionExpressionLanguage(), dmn.getDefaultInputEntryExpressionLanguage(),
        dmn.getDefaultOutputEntryExpressionLanguage(), dmn.getDefaultLiteralExpressionLanguage())) {
      if (!FeelOnlyExpressions.isFeel(language)) {
        throw new ProcessEngineException("DMN default expression language is " + language + ", not FEEL");
      }
    }
    List<DmnTransformListener> listeners = dmn.getTransformer().getTransformListeners();
    if (listeners.stream().noneMatch(FeelOnlyTransformListener.class::isInstance)) {
      listeners.add(new FeelOnlyTransformListener());
    }
  }

  /** The four default expression languages of a DMN engine, set to FEEL. */
  static void feelByDefault(DefaultDmnEngineConfiguration dmn) {
    dmn.setDefaultInputExpressionExpressionLanguage(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE);
    dmn.setDefaultInputEntryExpressionLanguage(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE);
    dmn.setDefaultOutputEntryExpressionLanguage(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE);
    dmn.setDefaultLiteralExpressionLanguage(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE);
  }

  /** Refuses a table with a non-FEEL expression whenever the engine transforms one. */
  static final class FeelOnlyTransformListener implements DmnTransformListener {

    @Override
    public void transformDecisionRequirementsGraph(Definitions definitions, DmnDecisionRequirementsGraph graph) {
      check((DmnModelInstance) definitions.getModelInstance(), definitions.getId());
    }

    @Override
    public void transformDecision(Decision decision, DmnDecision dmnDecision) {
      check((DmnModelInstance) decision.getModelInstance(), decision.getId());
    }

    @Override
    public void transformDecisionTableInput(Input input, DmnDecisionTableInputImpl dmnInput) {}

    @Override
    public void transformDecisionTableOutput(Output output, DmnDecisionTableOutputImpl dmnOutput) {}

    @Override
    public void transformDecisionTableRule(Rule rule, DmnDecisionTableRuleImpl dmnRule) {}

    // the model's own DOM, walked in place: serialising it and parsing the text again (per graph and
    // per decision) was measurable at start-up (docs/benchmarks.md "Fresh start")
    private static void check(DmnModelInstance model, String id) {
      List<String> problems = FeelOnlyExpressions.problems(id, (Document) model.getDocument().getDomSource().getNode());
      if (!problems.isEmpty()) {
        throw new RuleGateException(problems);
      }
    }
  }

  @Override
  public String toString() {
    return "RuleGatePlugin";
  }
}
