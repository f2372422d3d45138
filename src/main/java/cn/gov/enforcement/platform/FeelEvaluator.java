package cn.gov.enforcement.platform;

import camundajar.impl.scala.collection.immutable.List;
import camundajar.impl.scala.jdk.CollectionConverters;
import camundajar.impl.scala.util.control.NonFatal$;
import java.util.Arrays;
import org.camunda.feel.FeelEngineClock;
import org.camunda.feel.api.EvaluationFailure;
import org.camunda.feel.api.EvaluationFailureType;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.context.FunctionProvider.CompositeFunctionProvider;
import org.camunda.feel.impl.interpreter.BuiltinFunctions;
import org.camunda.feel.impl.interpreter.EvalContext;
import org.camunda.feel.impl.interpreter.FeelInterpreter;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValFatalError;
import org.camunda.feel.valuemapper.ValueMapper;

/**
 * feel-scala 1.19.3's evaluation of a parsed expression ({@code FeelEngine.evaluate(ParsedExpression,
 * Context)} and {@code eval}, line by line: root context merged with the caller's, the interpreter,
 * assertion failures, {@code ValError}/{@code ValFatalError} and non-fatal throwables turned into the
 * same failure messages), except that the root functions are built once.
 *
 * <p>Why: {@code FeelEngine.rootContext()} builds a new {@link BuiltinFunctions} (a Scala map of some
 * 150 functions) for every evaluation. The DMN engine evaluated it once per input entry per rule, a
 * form check once per hide condition; it was two thirds of a form check's CPU and most of a decision's
 * (docs/benchmarks.md). The built-in functions are pure functions of their arguments (the temporal ones
 * ask the clock when called, not when built), so one instance serves every thread.
 *
 * <p>Shared by the DMN engine's {@link ParsedOnceFeelEngine} and the forms' FEEL, so feel-scala's
 * internals are used in this one place.
 */
public final class FeelEvaluator {

  /**
   * What an evaluation gave: a value, or the failure message feel-scala would give (then
   * {@code value} is null); and the failures feel-scala collected on the way (suppressed ones too).
   */
  public record Outcome(Object value, String failure, List<EvaluationFailure> failures) {
    public boolean failed() {
      return failure != null;
    }
  }

  private final ValueMapper values;
  private final FeelInterpreter interpreter;
  private final FunctionProvider rootFunctions;

  /** The value mapper, clock and function provider of the feel-scala engine whose evaluation this replaces. */
  public FeelEvaluator(ValueMapper values, FeelEngineClock clock, FunctionProvider functions) {
    this.values = values;
    this.interpreter = new FeelInterpreter(values);
    this.rootFunctions = new CompositeFunctionProvider(scalaList(new BuiltinFunctions(clock, values), functions));
  }

  /** Evaluates a parsed (and already validated) expression in the caller's context. */
  public Outcome evaluate(ParsedExpression expression, Context context) {
    EvalContext evalContext = EvalContext.create(values, rootFunctions).merge(context);
    try {
      Val value = interpreter.eval(expression.expression(), evalContext);
      List<EvaluationFailure> failures = evalContext.failureCollector().failures();
      var assertion = failures.find(failure -> failure.failureType() == EvaluationFailureType.ASSERT_FAILURE$.MODULE$);
      if (assertion.isDefined()) {
        return failure("Assertion failure on evaluate the expression '" + expression.text() + "': "
            + assertion.get().failureMessage(), failures);
      }
      if (value instanceof ValError error) {
        return failure("failed to evaluate expression '" + expression.text() + "': " + error.error(), failures);
      }
      if (value instanceof ValFatalError error) {
        return failure("failed to evaluate expression '" + expression.text() + "': " + error.error(), failures);
      }
      return new Outcome(values.unpackVal(value), null, failures);
    } catch (Throwable t) {
      if (!NonFatal$.MODULE$.apply(t)) {
        throw t;
      }
      return failure("failed to evaluate expression '" + expression.text() + "' : " + t,
          evalContext.failureCollector().failures());
    }
  }

  private static Outcome failure(String message, List<EvaluationFailure> failures) {
    return new Outcome(null, message, failures);
  }

  @SafeVarargs
  static <T> List<T> scalaList(T... elements) {
    return CollectionConverters.ListHasAsScala(Arrays.asList(elements)).asScala().toList();
  }
}
