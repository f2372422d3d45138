package cn.gov.enforcement.forms;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import camundajar.impl.scala.$less$colon$less$;
import camundajar.impl.scala.collection.immutable.Map$;
import camundajar.impl.scala.jdk.CollectionConverters$;
import cn.gov.enforcement.platform.FeelEvaluator;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.api.EvaluationFailure;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FailedEvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.api.SuccessfulEvaluationResult;
import org.camunda.feel.context.Context;
import org.camunda.feel.impl.parser.ExpressionValidator;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * The FEEL of forms ({@code conditional.hide}, expression limits, {@code valuesExpression}),
 * evaluated by feel-scala: the FEEL engine the process engine already ships for DMN
 * ({@code org.camunda.feel:feel-engine}, a dependency of {@code camunda-engine-dmn}, so its version
 * is the one the engine is built with). External (Java) functions stay disabled: the expressions
 * come from deployed forms, the values from submissions, and neither may reach into the JVM.
 *
 * <p>FEEL answers {@code null} both where it is defined to (a missing variable, {@code null < 3})
 * and where it only gives up on values it cannot work with (a number compared with a string, a
 * function applied to a value of the wrong type, an unknown function). The first is an answer the
 * browser's FEEL gives alike; the second is where FEEL engines differ, so it is {@link #UNKNOWN}
 * and the caller treats the condition as undecided instead of guessing.
 */
final class FeelExpressions {

  /** The result of an expression that does not parse, fails, or gives up on the values. */
  static final Object UNKNOWN = new Object() {
    @Override
    public String toString() {
      return "UNKNOWN";
    }
  };

  private static final FeelEngineBuilder BUILDER = FeelEngineBuilder.forJava().withEnabledExternalFunctions(false);
  /** Parses; evaluation goes through {@link #evaluateParsed} instead of {@code ENGINE.evaluate}. */
  private static final FeelEngineApi ENGINE = BUILDER.build();
  private static final ExpressionValidator VALIDATOR =
      new ExpressionValidator(BUILDER.configuration().externalFunctionsEnabled());
  /**
   * Evaluates with FEEL's built-in functions built once: {@code FeelEngine.evaluate} builds them
   * (a map of some 150 functions) for every evaluation, and a form with 14 hide conditions paid that
   * 14 times per submission, two thirds of the form check's CPU (docs/benchmarks.md).
   */
  private static final FeelEvaluator EVALUATOR =
      new FeelEvaluator(BUILDER.valueMapper(), BUILDER.clock(), BUILDER.functionProvider());

  /** feel-scala's kinds of a suppressed failure that only report an absent value (FEEL null). */
  private static final Set<String> ABSENT = Set.of("NO_VARIABLE_FOUND", "NO_CONTEXT_ENTRY_FOUND");
  /** Kinds that are FEEL's null propagation when the value they name is null. */
  private static final Set<String> NULL_PROPAGATION = Set.of("NOT_COMPARABLE", "INVALID_TYPE");

  /** Parsed once: the expressions are those of deployed forms, a small and fixed set. */
  private static final Map<String, Optional<ParsedExpression>> PARSED = new ConcurrentHashMap<>();
  private static final int MAX_PARSED = 10_000;

  private FeelExpressions() {}

  /**
   * Evaluates an expression ({@code =…}, the leading {@code =} optional) against the data.
   *
   * @return {@link Boolean}, {@link BigDecimal} (every number), {@link String}, a {@code java.util.List}
   *     or {@code Map}, a {@code java.time} value, null (FEEL null) or {@link #UNKNOWN}
   */
  static Object evaluate(String expression, Map<String, Object> data) {
    if (expression == null) {
      return UNKNOWN;
    }
    String text = expression.strip();
    if (text.startsWith("=")) {
      text = text.substring(1);
    }
    Optional<ParsedExpression> parsed = parsed(text);
    if (parsed.isEmpty()) {
      return UNKNOWN;
    }
    EvaluationResult result;
    try {
      result = evaluateParsed(parsed.get(), data);
    } catch (RuntimeException e) {
      return UNKNOWN;
    }
    if (result.isFailure()) {
      return UNKNOWN;
    }
    Object value = result.result();
    if (value == null) {
      var failures = result.suppressedFailures().iterator();
      while (failures.hasNext()) {
        if (!isNullAnswer(failures.next())) {
          return UNKNOWN;
        }
      }
      return null;
    }
    if (value instanceof Number) {
      BigDecimal decimal = FormValues.decimal(value);
      return decimal == null ? UNKNOWN : decimal;
    }
    return value;
  }

  private static Optional<ParsedExpression> parsed(String text) {
    Optional<ParsedExpression> known = PARSED.get(text);
    if (known != null) {
      return known;
    }
    Optional<ParsedExpression> parsed;
    try {
      ParseResult result = ENGINE.parseExpression(text);
      // FeelEngine validates before every evaluation (external functions disabled); the answer
      // depends on the expression only, so it is asked once here: invalid is "does not parse"
      parsed = result.isSuccess() && VALIDATOR.validateExpression(result.parsedExpression().expression()).isEmpty()
          ? Optional.of(result.parsedExpression()) : Optional.empty();
    } catch (RuntimeException e) {
      parsed = Optional.empty();
    }
    if (PARSED.size() >= MAX_PARSED) {
      PARSED.clear();
    }
    PARSED.put(text, parsed);
    return parsed;
  }

  /**
   * {@code FeelEngine.evaluate(expression, context)} of feel-scala 1.19 (validated at parse time),
   * with the built-in functions built once; each call has its own context and failure collector, as there.
   */
  static EvaluationResult evaluateParsed(ParsedExpression parsed, Map<String, Object> data) {
    Context variables = new Context.StaticContext(
        CollectionConverters$.MODULE$.MapHasAsScala(data).asScala().toMap($less$colon$less$.MODULE$.refl()),
        Map$.MODULE$.empty());
    FeelEvaluator.Outcome outcome = EVALUATOR.evaluate(parsed, variables);
    return outcome.failed()
        ? new FailedEvaluationResult(new FeelEngine.Failure(outcome.failure()), outcome.failures())
        : new SuccessfulEvaluationResult(outcome.value(), outcome.failures());
  }

  /** Whether a suppressed failure is FEEL's defined null (an absent value, or null carried on). */
  private static boolean isNullAnswer(EvaluationFailure failure) {
    String kind = String.valueOf(failure.failureType());
    if (ABSENT.contains(kind)) {
      return true;
    }
    // feel-scala names the values it could not use in quotes: 'null' is the null value itself
    // (a string "null" is shown as '"null"')
    return NULL_PROPAGATION.contains(kind) && failure.failureMessage() != null
        && failure.failureMessage().contains("'null'");
  }
}
