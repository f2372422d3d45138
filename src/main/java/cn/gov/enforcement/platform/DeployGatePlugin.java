package cn.gov.enforcement.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.DeploymentQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ResourceTypes;
import org.camunda.bpm.engine.spring.SpringTransactionsProcessEngineConfiguration;
import org.springframework.stereotype.Component;

/**
 * Puts every {@link DeployGate} bean in front of the engine's deployers (a custom pre-deployer).
 * The Camunda Spring Boot starter hands every {@code ProcessEnginePlugin} bean to the engine, so
 * the gates also check the application's own auto-deployment at startup. Only a new deployment is
 * gated: the deployment cache re-reading an accepted one is not.
 */
@Component
public class DeployGatePlugin extends AbstractProcessEnginePlugin {

  private final List<DeployGate> gates;

  public DeployGatePlugin(List<DeployGate> gates) {
    this.gates = List.copyOf(gates);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> preDeployers = configuration.getCustomPreDeployers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
    if (preDeployers.stream().noneMatch(GateDeployer.class::isInstance)) {
      preDeployers.add(new GateDeployer(gates));
    }
    configuration.setCustomPreDeployers(preDeployers);

    if (gates.stream().anyMatch(DeployGate::feelOnly)) {
      configuration.setDmnFeelEnableLegacyBehavior(false);
    }
    if (configuration.getDmnEngineConfiguration() == null) {
      configuration.setDmnEngineConfiguration((DefaultDmnEngineConfiguration)
          DefaultDmnEngineConfiguration.createDefaultDmnEngineConfiguration());
    }
    gates.forEach(gate -> gate.beforeDmnEngine(configuration.getDmnEngineConfiguration()));
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    gates.forEach(gate -> gate.afterDmnEngine(configuration.getDmnEngineConfiguration()));
  }

  @Override
  public String toString() {
    return "DeployGatePlugin" + gates;
  }

  private record GateDeployer(List<DeployGate> gates) implements Deployer {

    @Override
    public void deploy(DeploymentEntity deployment) {
      if (!deployment.isNew() || deployment.getResources() == null || deployment.getResources().isEmpty()) {
        return;
      }
      EngineDeployment gated = new EngineDeployment(deployment, Context.getCommandContext());
      for (DeployGate gate : gates) {
        gate.check(gated);
      }
    }
  }

  private record EngineDeployment(DeploymentEntity deployment, CommandContext commandContext) implements GatedDeployment {

    private static final int PAGE_SIZE = 50;

    @Override
    public String id() {
      return deployment.getId();
    }

    @Override
    public String name() {
      return deployment.getName();
    }

    @Override
    public String tenantId() {
      return deployment.getTenantId();
    }

    @Override
    public Map<String, byte[]> resources() {
      Map<String, byte[]> resources = new LinkedHashMap<>();
      deployment.getResources().values().forEach(r -> resources.put(r.getName(), r.getBytes()));
      return resources;
    }

    @Override
    public Authentication authentication() {
      return commandContext.getAuthentication();
    }

    @Override
    public boolean camundaAdmin(Authentication authentication) {
      return commandContext.getAuthorizationManager().isCamundaAdmin(authentication);
    }

    @Override
    public boolean autoDeployment() {
      ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
      return configuration instanceof SpringTransactionsProcessEngineConfiguration spring
          && spring.getDeploymentName() != null && spring.getDeploymentName().equals(deployment.getName());
    }

    @Override
    public Optional<StoredResource> newestResourceElsewhere(Predicate<String> name) {
      for (int first = 0; ; first += PAGE_SIZE) {
        DeploymentQueryImpl query = new DeploymentQueryImpl();
        query.orderByDeploymentTime().desc();
        List<Deployment> page = commandContext.getDeploymentManager()
            .findDeploymentsByQueryCriteria(query, new Page(first, PAGE_SIZE));
        for (Deployment candidate : page) {
          if (candidate.getId().equals(deployment.getId())) {
            continue;
          }
          for (ResourceEntity resource : commandContext.getResourceManager().findResourcesByDeploymentId(candidate.getId())) {
            if (name.test(resource.getName())) {
              return Optional.of(new StoredResource(resource.getName(), candidate.getId(), candidate.getName(),
                  resource.getBytes()));
            }
          }
        }
        if (page.size() < PAGE_SIZE) {
          return Optional.empty();
        }
      }
    }

    @Override
    public Optional<StoredResource> latestDecisionResource(String decisionKey) {
      DecisionDefinitionEntity latest = commandContext.getDecisionDefinitionManager()
          .findLatestDecisionDefinitionByKeyAndTenantId(decisionKey, deployment.getTenantId());
      if (latest == null) {
        return Optional.empty();
      }
      ResourceEntity resource = commandContext.getResourceManager()
          .findResourceByDeploymentIdAndResourceName(latest.getDeploymentId(), latest.getResourceName());
      return Optional.of(new StoredResource(latest.getResourceName(), latest.getDeploymentId(), null, resource.getBytes()));
    }

    @Override
    public void attach(String name, byte[] content) {
      if (deployment.getResource(name) != null) {
        return;
      }
      ResourceEntity resource = new ResourceEntity();
      resource.setName(name);
      resource.setBytes(content);
      resource.setDeploymentId(deployment.getId());
      resource.setTenantId(deployment.getTenantId());
      resource.setType(ResourceTypes.REPOSITORY.getValue());
      resource.setCreateTime(EngineClock.now());
      commandContext.getResourceManager().insertResource(resource);
      deployment.addResource(resource);
    }

    @Override
    public DefaultDmnEngineConfiguration engineDmn() {
      ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
      return configuration == null ? null : configuration.getDmnEngineConfiguration();
    }
  }
}
