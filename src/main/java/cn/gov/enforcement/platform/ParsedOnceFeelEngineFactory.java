package cn.gov.enforcement.platform;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.juel.FeelEngineFactoryImpl;

/**
 * The DMN engine's FEEL engine factory: {@link ParsedOnceFeelEngine}. It reads the custom function
 * providers and the legacy switch from the DMN configuration when the DMN engine is built (the
 * process engine hands its {@code dmnFeelCustomFunctionProviders} to that configuration only then),
 * and keeps Camunda's choice: the JUEL-based legacy engine if legacy behaviour is on.
 */
public final class ParsedOnceFeelEngineFactory implements FeelEngineFactory {

  private final DefaultDmnEngineConfiguration dmn;

  private ParsedOnceFeelEngineFactory(DefaultDmnEngineConfiguration dmn) {
    this.dmn = dmn;
  }

  /** Installs the factory on a DMN configuration that has not built its engine yet. */
  public static DefaultDmnEngineConfiguration install(DefaultDmnEngineConfiguration dmn) {
    dmn.setFeelEngineFactory(new ParsedOnceFeelEngineFactory(dmn));
    return dmn;
  }

  @Override
  public FeelEngine createInstance() {
    if (dmn.isEnableFeelLegacyBehavior()) {
      return new FeelEngineFactoryImpl().createInstance();
    }
    return new ParsedOnceFeelEngine(dmn.getFeelCustomFunctionProviders());
  }
}
