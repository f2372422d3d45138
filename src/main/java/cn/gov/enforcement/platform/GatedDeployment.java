package cn.gov.enforcement.platform;

import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * A new deployment as a {@link DeployGate} sees it, with the look-ups a gate needs in the same
 * command (and so the same transaction) as the deployment. Implemented over the engine's
 * {@code DeploymentEntity} and {@code CommandContext} by {@link DeployGatePlugin}.
 */
public interface GatedDeployment {

  String id();

  String name();

  String tenantId();

  /** The deployment's resources by name, in the engine's order. */
  Map<String, byte[]> resources();

  /** Who deploys (the public {@code IdentityService#getCurrentAuthentication} type), or null: the application itself. */
  Authentication authentication();

  /** Whether that caller is a Camunda administrator (the engine's own rule: admin group or admin user). */
  boolean camundaAdmin(Authentication authentication);

  /** True for the application's own auto-deployment at start-up. */
  boolean autoDeployment();

  /**
   * The first resource whose name matches, searching the other deployments newest first, or empty.
   */
  Optional<StoredResource> newestResourceElsewhere(Predicate<String> name);

  /** The resource holding the latest deployed version of a decision in this deployment's tenant, or empty. */
  Optional<StoredResource> latestDecisionResource(String decisionKey);

  /** Adds a resource to this deployment unless it already has one of that name. */
  void attach(String name, byte[] content);

  /** The engine's DMN configuration (null outside an engine). */
  DefaultDmnEngineConfiguration engineDmn();

  /** A resource of an earlier deployment. */
  record StoredResource(String name, String deploymentId, String deploymentName, byte[] content) {}
}
