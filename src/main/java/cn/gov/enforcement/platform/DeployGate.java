package cn.gov.enforcement.platform;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/**
 * A check that runs before the engine's own deployers, inside the deployment's transaction
 * ({@link DeployGatePlugin}): throwing refuses the deployment and rolls it back, so no new version
 * ever becomes active. A Spring bean of this type is plugged in by platform; the gate itself sees
 * the deployment only through {@link GatedDeployment}, never through the engine's internals.
 */
public interface DeployGate {

  /** Refuse (throw) or accept a new deployment; may attach resources to it. */
  void check(GatedDeployment deployment);

  /** True if the engine's DMN must read FEEL only (no legacy JUEL defaults). */
  default boolean feelOnly() {
    return false;
  }

  /** The engine's DMN configuration before the engine builds its DMN engine from it. */
  default void beforeDmnEngine(DefaultDmnEngineConfiguration dmn) {}

  /** The engine's DMN configuration after the engine built its DMN engine from it. */
  default void afterDmnEngine(DefaultDmnEngineConfiguration dmn) {}
}
