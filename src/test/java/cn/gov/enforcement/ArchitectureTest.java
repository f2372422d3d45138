package cn.gov.enforcement;

import cn.gov.enforcement.platform.TaskDeadlineMarks;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import cn.gov.enforcement.deadlines.DatedStepsConfiguration;
import cn.gov.enforcement.platform.AuthorizationChecks;
import cn.gov.enforcement.platform.DatedTaskLinks;
import cn.gov.enforcement.platform.DeployGate;
import cn.gov.enforcement.platform.OperationCounters;
import cn.gov.enforcement.platform.FeelEvaluator;
import cn.gov.enforcement.platform.ParsedOnceFeelEngine;
import cn.gov.enforcement.platform.ParsedOnceFeelEngineFactory;
import cn.gov.enforcement.platform.EngineClock;
import cn.gov.enforcement.platform.FormFieldRefusal;
import cn.gov.enforcement.platform.GatedDeployment;
import cn.gov.enforcement.platform.ProcessVariable;
import cn.gov.enforcement.recording.EvidenceReader;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;

/**
 * The package rules of architecture.md ("Packages", "Engine conventions") as a test, on the main
 * classes only (tests may use the engine's internals, e.g. {@code ClockUtil} to move the clock).
 *
 * <ul>
 *   <li>Shared packages, which every package may use: {@code calendar}, {@code audit},
 *       {@code identity}, {@code forms}, {@code web} (architecture.md) and {@code platform}, the
 *       engine adapter — plus two shared kernels the spec's package list does not name:
 *       {@code deadlines} (PER-06/PER-07: every procedure declares its dated steps with
 *       {@code DatedSteps}/{@code OutsideDate}, and the date listeners and form rules are made
 *       from them) and {@code numbering} (the bureau's one series of document numbers
 *       {@code 前缀〔年〕N号} that decisions and recordings both draw from) and {@code activities} (the
 *       contract's 21 enforcement activities, which the decision tables' contract and evidence
 *       ingest both read).</li>
 *   <li>Capabilities, which talk to each other only through the engine: every other package
 *       ({@code casework}, {@code decision}, {@code review}, {@code delivery}, {@code disclosure},
 *       {@code recording}, {@code casefile}, {@code rules}, and any new one; the public portal is part of {@code disclosure} (PUB-01..07), the playback checks and the device register of {@code recording} (REC-14, REC-15)).</li>
 * </ul>
 *
 * <p>Plain JUnit tests (not ArchUnit's {@code @AnalyzeClasses}/{@code @ArchTest} engine), so each rule
 * carries a {@code @DisplayName} in the reports like every other test; the classes are imported once.
 */
@DisplayName("架构规则 / architecture rules (architecture.md \"Packages\", ArchUnit)")
class ArchitectureTest {

  private static final String ROOT = "cn.gov.enforcement";

  /** The application's main classes (target/classes), without the tests. */
  private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages(ROOT);
  private static final String PLATFORM = ROOT + ".platform..";
  private static final String ENGINE_INTERNALS = "org.camunda.bpm.engine.impl..";

  /** Packages every package may use (architecture.md), and the two shared kernels named above. */
  private static final List<String> SHARED =
      List.of("calendar", "audit", "identity", "forms", "web", "platform", "deadlines", "numbering", "activities");

  /**
   * The platform classes that code outside platform may call: each wraps one piece of the engine's
   * internals and depends on no application class, so using it makes no package cycle.
   */
  private static final Class<?>[] PLATFORM_ADAPTERS = {
    EngineClock.class, // the engine's clock (ClockUtil), which tests move
    FormFieldRefusal.class, // the engine's form-validation exception, which REST answers with 400
    AuthorizationChecks.class, // suspends the running command's authorization checks for one look-up
    ProcessVariable.class, // a process variable declared once with its type (the per-process *Model classes)
    DeployGate.class, // a check before the engine's deployers (the rules package's deploy gate)
    GatedDeployment.class, // the new deployment and the look-ups such a check makes, in its transaction
    OperationCounters.class, // the operator's counts made inside the engine (the rule gate's runs), published by PlatformMetrics
    ParsedOnceFeelEngineFactory.class, // the engine's FEEL engine, also for the rule gate's own DMN engine
    ParsedOnceFeelEngine.class, // (the factory's product; depends on Camunda and feel-scala only)
    FeelEvaluator.class, // feel-scala's evaluation with the built-ins built once, for DMN and the forms' FEEL
    TaskDeadlineMarks.class, // the names of the task-local deadline marks (constants only)
    DatedTaskLinks.class, // the candidate groups and deadline marks of the dated tasks, read from the engine's tables
  };

  /**
   * A process's declaration class ({@code casework.EnforcementCaseModel} …): its key, element ids
   * and variables, i.e. what the engine carries between capabilities. Another capability that
   * starts the process, correlates a message to it or reads what it leaves names these instead of
   * repeating the strings; that is talking through the engine, not calling the other's code.
   */
  private static DescribedPredicate<JavaClass> processModel() {
    return DescribedPredicate.describe("a process declaration (*Model with PROCESS_KEY)",
        c -> c.getSimpleName().endsWith("Model") && c.tryGetField("PROCESS_KEY").isPresent());
  }

  private static DescribedPredicate<JavaClass> sharedPackage() {
    return resideInAnyPackage(SHARED.stream().map(p -> ROOT + "." + p + "..").toArray(String[]::new));
  }

  private static DescribedPredicate<JavaClass> capability() {
    return resideInAPackage(ROOT + ".*..").and(not(sharedPackage()));
  }

  private static final ArchRule onlyPlatformTouchesEngineInternals = noClasses()
      .that().resideOutsideOfPackage(PLATFORM)
      .should().dependOnClassesThat(resideInAPackage(ENGINE_INTERNALS)
          // the public IdentityService#getCurrentAuthentication returns this type: naming it is
          // using the public API, not reaching into the engine
          .and(not(belongToAnyOf(Authentication.class))))
      .because("architecture.md: platform is the one place that touches engine internals "
          + "(plugins, parse listeners, command interceptors, the clock); everything else uses public APIs");

  private static final ArchRule platformIsPluggedInNotCalled = noClasses()
      .that().resideOutsideOfPackage(PLATFORM)
      .should().dependOnClassesThat(resideInAPackage(PLATFORM).and(not(belongToAnyOf(PLATFORM_ADAPTERS))))
      .because("platform plugs the application into the engine; the rest of the code calls only "
          + "its small adapters of engine internals");

  private static final ArchRule adaptersAreLeaves = noClasses()
      .that(belongToAnyOf(PLATFORM_ADAPTERS))
      .should().dependOnClassesThat(resideInAPackage(ROOT + "..").and(not(belongToAnyOf(PLATFORM_ADAPTERS))))
      .because("every package uses them, so they must not close a cycle");

  private static final ArchRule noPackageCycles = slices()
      .matching(ROOT + ".(*)..")
      .should().beFreeOfCycles()
      // the adapters are leaves (rule above): every package calls them and platform holds them
      .ignoreDependency(DescribedPredicate.<JavaClass>alwaysTrue(), belongToAnyOf(PLATFORM_ADAPTERS))
      // the registry of every procedure's dated steps (PER-06): each procedure declares its
      // constant in its own package, deadlines lists them once, for the date form rules and the
      // guard of server-stamped variables (platform.ServerStampedVariables)
      .ignoreDependency(belongToAnyOf(DatedStepsConfiguration.class), capability())
      // process declarations are leaves too (processModelsAreLeaves): naming another process's ids
      // and variables closes no cycle of code
      .ignoreDependency(DescribedPredicate.<JavaClass>alwaysTrue(), processModel());

  private static final ArchRule capabilitiesAreIndependent = slices()
      .assignedFrom(new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
          return capability().test(javaClass)
              ? SliceIdentifier.of(javaClass.getPackageName().substring(ROOT.length() + 1).split("\\.")[0])
              : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
          return "capabilities of " + ROOT + " (every package but " + SHARED + ")";
        }
      })
      .should().notDependOnEachOther()
      // the case file (casefile, REC-13) lists the case's evidence with its digests and metadata:
      // recordings are not process variables (a variable holds only the recording id), so the
      // engine cannot carry them; EvidenceReader is recording's read-only view for that
      .ignoreDependency(resideInAPackage(ROOT + ".casefile.."), belongToAnyOf(EvidenceReader.class))
      // the declarations of a process are its contract with the engine (see processModel())
      .ignoreDependency(DescribedPredicate.<JavaClass>alwaysTrue(), processModel())
      .because("architecture.md: capabilities talk to each other only through the engine "
          + "(messages, call activities, variables), not by calling each other's classes");

  private static final ArchRule processModelsAreLeaves = noClasses()
      .that(processModel())
      .should().dependOnClassesThat(resideInAPackage(ROOT + "..").and(not(belongToAnyOf(PLATFORM_ADAPTERS))))
      .because("other capabilities name a process's declarations, so they must not pull in its code");

  private static final ArchRule sharedPackagesDoNotDependOnCapabilities = noClasses()
      .that(sharedPackage())
      .and(not(belongToAnyOf(DatedStepsConfiguration.class))) // the registry of dated steps, see (b)
      .should().dependOnClassesThat(capability());

  private static final ArchRule delegatesAreBeans = classes()
      .that().resideOutsideOfPackage(PLATFORM)
      .and().areTopLevelClasses()
      .and().areNotInterfaces()
      .and(assignableTo(JavaDelegate.class).or(assignableTo(TaskListener.class)).or(assignableTo(ExecutionListener.class)))
      .should().beMetaAnnotatedWith(Component.class)
      .because("architecture.md: delegates are Spring beans referenced by camunda:delegateExpression");

  @Test
  @DisplayName("(a) 只有 platform 使用引擎内部类 / only platform depends on org.camunda.bpm.engine.impl")
  void onlyPlatformTouchesEngineInternals() {
    onlyPlatformTouchesEngineInternals.check(MAIN_CLASSES);
  }

  @Test
  @DisplayName("(a) platform 之外只调用 platform 的适配类 / outside platform, only platform's adapters are used")
  void platformIsPluggedInNotCalled() {
    platformIsPluggedInNotCalled.check(MAIN_CLASSES);
  }

  @Test
  @DisplayName("(a) platform 的适配类不依赖应用类 / platform's adapters depend on no application class")
  void adaptersAreLeaves() {
    adaptersAreLeaves.check(MAIN_CLASSES);
  }

  @Test
  @DisplayName("(b) 包之间没有循环依赖 / no cycles between the packages")
  void noPackageCycles() {
    noPackageCycles.check(MAIN_CLASSES);
  }

  @Test
  @DisplayName("(c) 能力包之间互不调用，只经由引擎 / capabilities do not depend on each other, only through the engine")
  void capabilitiesAreIndependent() {
    capabilitiesAreIndependent.check(MAIN_CLASSES);
  }

  @Test
  @DisplayName("(c) 流程声明类只依赖 platform 的适配类 / process declarations depend only on platform's adapters")
  void processModelsAreLeaves() {
    processModelsAreLeaves.check(MAIN_CLASSES);
  }

  @Test
  @DisplayName("(c) 共享包不依赖能力包 / shared packages do not depend on capabilities")
  void sharedPackagesDoNotDependOnCapabilities() {
    sharedPackagesDoNotDependOnCapabilities.check(MAIN_CLASSES);
  }

  @Test
  @DisplayName("(d) 委托和监听器是 Spring Bean / delegates and listeners outside platform are Spring beans")
  void delegatesAreBeans() {
    delegatesAreBeans.check(MAIN_CLASSES);
  }
}
