package cn.gov.enforcement.audit;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * The engine starts after Flyway: its tables are now created by a Flyway migration run as the owner
 * ({@link EngineSchemaMigration}), and with {@code schema-update=false} the engine only checks them.
 * Registered in META-INF/spring.factories, Spring Boot's mechanism for "this bean needs the
 * database initialised".
 */
public class EngineAfterFlyway extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

  @Override
  protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
    return Set.of(ProcessEngine.class, SpringProcessEngineConfiguration.class);
  }
}
