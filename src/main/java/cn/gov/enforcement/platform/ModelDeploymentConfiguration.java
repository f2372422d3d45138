package cn.gov.enforcement.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultDeploymentConfiguration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Deploys processes/, dmn/ and forms/ under stable names such as {@code processes/major-decision.bpmn}.
 *
 * <p>The starter names file-system resources by their absolute path, so the same unchanged model
 * would get a new name (and, with deploy-changed-only, a new version) in every checkout. Naming
 * each resource by its path below the classpath root keeps Cockpit readable and makes
 * deploy-changed-only compare like with like.
 */
@Component
public class ModelDeploymentConfiguration extends DefaultDeploymentConfiguration {

  private static final String[] MODEL_FOLDERS = {"processes/", "dmn/", "forms/"};

  @Override
  public Set<Resource> getDeploymentResources() {
    return super.getDeploymentResources().stream()
        .map(ModelDeploymentConfiguration::named)
        .sorted(Comparator.comparing(Resource::getDescription))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  static Resource named(Resource resource) {
    try {
      return new ModelResource(resource.getContentAsByteArray(), deploymentName(resource.getURL().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model " + resource, e);
    }
  }

  /** The part of the URL from the model folder on: {@code …/classes/forms/a.form} → {@code forms/a.form}. */
  static String deploymentName(String url) {
    int best = -1;
    for (String folder : MODEL_FOLDERS) {
      best = Math.max(best, url.lastIndexOf("/" + folder));
    }
    return best < 0 ? url.substring(url.lastIndexOf('/') + 1) : url.substring(best + 1);
  }

  /** The engine names a {@link ContextResource} by its path within the context. */
  static final class ModelResource extends ByteArrayResource implements ContextResource {
    private final String name;

    ModelResource(byte[] content, String name) {
      super(content, name);
      this.name = name;
    }

    @Override
    public String getPathWithinContext() {
      return name;
    }

    @Override
    public String getDescription() {
      return name;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof ModelResource that && name.equals(that.name) && super.equals(other);
    }

    @Override
    public int hashCode() {
      return name.hashCode();
    }
  }
}
