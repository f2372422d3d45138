package cn.gov.enforcement.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import org.camunda.community.process_test_coverage.core.model.DefaultCollector;
import org.camunda.community.process_test_coverage.core.model.Model;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Fails the test class when its process tests cover less than {@code minimum} of the flow nodes
 * and sequence flows of one model, as counted by camunda-process-test-coverage (the same numbers
 * as target/process-test-coverage/&lt;class&gt;/report.html). The coverage listener that Spring
 * registers keeps its collector to itself and writes the report only after the class, so this
 * callback (registered on a static field, hence run before Spring's own after-all) reads the
 * collector of the running suite by reflection; the starter offers no per-model threshold.
 */
public final class MinimumProcessCoverage implements AfterAllCallback {

  private final String processKey;
  private final double minimum;

  public MinimumProcessCoverage(String processKey, double minimum) {
    this.processKey = processKey;
    this.minimum = minimum;
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    Method managerOf = SpringExtension.class.getDeclaredMethod("getTestContextManager", ExtensionContext.class);
    managerOf.setAccessible(true);
    TestContextManager manager = (TestContextManager) managerOf.invoke(null, context);
    Object listener = manager.getTestExecutionListeners().stream()
        .filter(ProcessEngineCoverageTestExecutionListener.class::isInstance).findFirst()
        .orElseThrow(() -> new AssertionError("process test coverage listener is not registered"));
    Method collectorOf = ProcessEngineCoverageTestExecutionListener.class.getDeclaredMethod("getCoverageCollector");
    collectorOf.setAccessible(true);
    DefaultCollector collector = (DefaultCollector) collectorOf.invoke(listener);
    Model model = collector.getModels().stream().filter(m -> m.getKey().equals(processKey)).findFirst()
        .orElseThrow(() -> new AssertionError("no coverage recorded for " + processKey));
    double coverage = collector.getActiveSuite().calculateCoverage(model);
    System.out.printf("process test coverage of %s in %s: %.1f%%%n", processKey, context.getDisplayName(), coverage * 100);
    assertThat(coverage).as("coverage of %s (flow nodes and sequence flows)", processKey).isGreaterThanOrEqualTo(minimum);
  }
}
