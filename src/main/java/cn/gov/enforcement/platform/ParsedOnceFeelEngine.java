package cn.gov.enforcement.platform;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * Camunda's {@link ScalaFeelEngine} (same value mappers — Java and Spin —, same custom function
 * providers, same external-function switch, same errors), except that it does not redo per
 * evaluation what only depends on the expression or the engine.
 *
 * <p>Camunda's engine hands feel-scala (1.19) the expression <em>text</em> on every call: feel-scala
 * then parses it (fastparse), validates it and builds a fresh root context whose
 * {@code BuiltinFunctions} map (every built-in function of FEEL, ~150 entries) is rebuilt — for each
 * input entry of each rule of each evaluation. Here:
 * <ul>
 *   <li>parse + validate run once per expression text (a failed parse is remembered too, with its
 *       message), in a bounded map shared by all threads — a parsed expression is immutable;</li>
 *   <li>the built-in functions are built once; they are pure functions of their arguments (the
 *       temporal ones ask the clock when called, not when built);</li>
 *   <li>evaluation is feel-scala's own {@code FeelEngine.evaluate}/{@code eval} code path, line by
 *       line: root context merged with the caller's context, the interpreter, assertion failures,
 *       {@code ValError}/{@code ValFatalError} and non-fatal throwables turned into the same
 *       failure messages.</li>
 * </ul>
 * Equality with Camunda's engine over every shipped table is proven by {@code ParsedOnceFeelEngineTest}.
 */
public class ParsedOnceFeelEngine extends ScalaFeelEngine {

  /** Expressions kept parsed; a deployment has a few hundred, the map is emptied when it fills up (an edited table's old texts go). */
  public static final int MAX_CACHED = 10_000;

  private final ConcurrentHashMap<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();
  private final FeelEvaluator evaluator;

  public ParsedOnceFeelEngine(java.util.List<FeelCustomFunctionProvider> functionProviders) {
    super(functionProviders);
    evaluator = new FeelEvaluator(feelEngine.valueMapper(), feelEngine.clock(), feelEngine.functionProvider());
  }

  /** How many expression texts are held parsed now (both kinds); for tests and the metrics of a curious operator. */
  public int cachedExpressions() {
    return expressions.size() + unaryTests.size();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
    CustomContext context = new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return new ContextVariableWrapper(variableContext);
      }
    };
    Either<Failure, Object> either = evaluate(parsed(expressions, expression, feelEngine::parseExpression), context);
    if (either instanceof Right<Failure, Object> right) {
      return (T) right.value();
    }
    throw LOGGER.evaluationException(((Left<Failure, Object>) either).value().message());
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
    Map<String, Object> inputVariableMap = new Map.Map1<>(INPUT_VARIABLE_NAME, inputVariable);
    StaticVariableProvider inputVariableContext = new StaticVariableProvider(inputVariableMap);
    ContextVariableWrapper contextVariableWrapper = new ContextVariableWrapper(variableContext);
    CustomContext context = new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return new CompositeVariableProvider(FeelEvaluator.scalaList(inputVariableContext, contextVariableWrapper));
      }
    };
    Either<Failure, Object> either = evaluate(parsed(unaryTests, expression, feelEngine::parseUnaryTests), context);
    if (either instanceof Right<Failure, Object> right) {
      // feel-scala's evalUnaryTests: value.asInstanceOf[Boolean]; Camunda's: unboxToBoolean
      return BoxesRunTime.unboxToBoolean(right.value());
    }
    throw LOGGER.evaluationException(((Left<Failure, Object>) either).value().message());
  }

  private static Either<Failure, ParsedExpression> parsed(ConcurrentHashMap<String, Either<Failure, ParsedExpression>> cache,
      String expression, Function<String, Either<Failure, ParsedExpression>> parser) {
    if (expression == null) {
      return parser.apply(null); // as Camunda's engine would: not cacheable, fails the same way
    }
    Either<Failure, ParsedExpression> known = cache.get(expression);
    if (known != null) {
      return known;
    }
    if (cache.size() >= MAX_CACHED) {
      cache.clear();
    }
    return cache.computeIfAbsent(expression, parser);
  }

  /** feel-scala's {@code FeelEngine.evaluate(ParsedExpression, Context)} with the root functions built once ({@link FeelEvaluator}). */
  private Either<Failure, Object> evaluate(Either<Failure, ParsedExpression> parsedOrFailure, CustomContext context) {
    if (parsedOrFailure instanceof Left<Failure, ParsedExpression> failure) {
      return new Left<>(failure.value());
    }
    // validation ran when the expression was parsed; feel-scala repeats it here with the same result
    FeelEvaluator.Outcome outcome = evaluator.evaluate(((Right<Failure, ParsedExpression>) parsedOrFailure).value(), context);
    return outcome.failed() ? new Left<>(new Failure(outcome.failure())) : new Right<>(outcome.value());
  }
}
