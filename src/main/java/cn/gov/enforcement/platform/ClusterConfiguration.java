package cn.gov.enforcement.platform;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Registers what makes several nodes on one database safe that Spring alone is not:
 * {@link SingleNodeScheduling} and {@link StartupLock}; static, as bean post-processors must be.
 */
@Configuration(proxyBeanMethods = false)
public class ClusterConfiguration {

  @Bean
  static SingleNodeScheduling singleNodeScheduling(ObjectProvider<ProcessEngine> engine, Environment environment) {
    return new SingleNodeScheduling(engine, environment);
  }

  @Bean
  static StartupLock startupLock() {
    return new StartupLock();
  }
}
