package cn.gov.enforcement.platform;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Registers {@link SingleNodeScheduling}; static, as a bean post-processor must be. */
@Configuration(proxyBeanMethods = false)
public class SchedulingConfiguration {

  @Bean
  static SingleNodeScheduling singleNodeScheduling(ObjectProvider<ProcessEngine> engine, Environment environment) {
    return new SingleNodeScheduling(engine, environment);
  }
}
