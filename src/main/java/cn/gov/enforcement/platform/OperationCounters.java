package cn.gov.enforcement.platform;

import java.util.concurrent.atomic.LongAdder;

/**
 * The application's own counts an operator watches ({@link PlatformMetrics} publishes them on
 * {@code /actuator/prometheus}). Static because they are counted inside the engine — by the rule
 * gate, a deployer the engine creates with {@code new}, and by a command interceptor — some of it
 * while the engine starts, before Spring has created the meter registry: a Micrometer counter
 * taken then would lose those counts.
 */
public final class OperationCounters {

  private static final LongAdder RULE_GATE_RUNS = new LongAdder();
  private static final LongAdder FORM_REFUSALS = new LongAdder();
  private static final LongAdder GUARD_REFUSALS = new LongAdder();

  private OperationCounters() {}

  /** The rule gate ran a deployment's tables against their cases (rules.RuleCaseGate). */
  public static void ruleGateRun() {
    RULE_GATE_RUNS.increment();
  }

  static void formRefused() {
    FORM_REFUSALS.increment();
  }

  static void guardRefused() {
    GUARD_REFUSALS.increment();
  }

  static long ruleGateRuns() {
    return RULE_GATE_RUNS.sum();
  }

  static long formRefusals() {
    return FORM_REFUSALS.sum();
  }

  static long guardRefusals() {
    return GUARD_REFUSALS.sum();
  }
}
