package cn.gov.enforcement.forms;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Registers the form-refusal mappers of {@link FormRefusalRestConfiguration} in every Jersey
 * application of this server, also in the webapps' own API ({@code /camunda/api/engine}) that
 * Tasklist calls and that Spring's ResourceConfigCustomizer does not reach. Without it the
 * webapps answer a refused start ({@code process-definition/…/start}) with 500 and a refused
 * task form with Camunda's English "Cannot submit task form …" wrapper; with it both answer 400
 * in the form-refusal shape, whose {@code message} Tasklist shows to the person.
 * Listed in {@code META-INF/services/org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable}.
 */
public final class FormRefusalFeature implements ForcedAutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    if (!context.getConfiguration().isRegistered(FormRefusalRestConfiguration.RestRefusalMapper.class)) {
      context.register(FormRefusalRestConfiguration.RestRefusalMapper.class);
    }
    if (!context.getConfiguration().isRegistered(FormRefusalRestConfiguration.EngineRefusalMapper.class)) {
      context.register(FormRefusalRestConfiguration.EngineRefusalMapper.class);
    }
  }
}
