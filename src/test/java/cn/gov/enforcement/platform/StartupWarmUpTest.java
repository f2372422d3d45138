package cn.gov.enforcement.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("start-up warm-up (issue #17 item 6)")
class StartupWarmUpTest {

  @Test
  @DisplayName("the warm-up's table evaluates and its process validates against the engine's BPMN schema, so it loads what it claims to")
  void warmUpRunsEveryStep() {
    assertThat(StartupWarmUp.warmUp()).isTrue();
  }

  @Test
  @DisplayName("the engine does not wait when no warm-up is running")
  void preInitReturnsWithoutWarmUp() {
    long start = System.nanoTime();
    new StartupWarmUp().preInit(null);
    assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
  }
}
