package cn.gov.enforcement.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * Expressions see only the beans the models name ({@link ModelBeansPlugin}, issue 11): a process
 * deployed by an administrator cannot read the Spring environment, the data source or the engine's
 * configuration through an expression; the shipped models still find every bean they name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisplayName("表达式只能看到模型引用的 Bean / expressions see only the models' beans")
class ModelBeansTest {

  private static final String ADMIN = "admin";

  @Autowired ProcessEngineConfigurationImpl configuration;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired ApplicationContext context;

  private Deployment deployment;

  @AfterEach
  void undeploy() {
    identityService.clearAuthentication();
    if (deployment != null) {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  /** A process an administrator deploys: one service task evaluating the expression into {@code result}. */
  private String deployAsAdmin(String expression) {
    String key = "model-beans-probe-" + Math.abs(expression.hashCode());
    BpmnModelInstance model = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
        .startEvent().serviceTask("Task_Probe").camundaExpression(expression).camundaResultVariable("result")
        .userTask("Task_Wait").endEvent().done();
    identityService.setAuthentication(ADMIN, List.of("camunda-admin"));
    try {
      deployment = repositoryService.createDeployment().name("model-beans-probe").addModelInstance(key + ".bpmn", model).deploy();
    } finally {
      identityService.clearAuthentication();
    }
    return key;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"environment", "dataSource", "processEngineConfiguration", "applicationContext",
      "systemProperties", "systemEnvironment", "runtimeService", "repositoryService", "identityService",
      "jdbcTemplate", "transactionManager", "processEngine", "processEngineConfigurationImpl", "processEngineFactoryBean"})
  @DisplayName("ACC-07 RET-05 a Spring infrastructure bean does not resolve in an expression of an admin's process")
  void infrastructureBeanDoesNotResolve(String bean) {
    // the names of issue 11 are tried whether or not this context has them; those it has would have resolved before
    if (!List.of("processEngine", "processEngineConfiguration", "applicationContext").contains(bean)) {
      assertThat(context.containsBean(bean)).as("%s is a bean the whole context would have exposed", bean).isTrue();
    }
    String key = deployAsAdmin("${" + bean + " != null}");

    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(key))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Cannot resolve identifier '" + bean + "'");
  }

  @Test
  @DisplayName("ACC-07 RET-05 ${environment.getProperty('spring.datasource.url')} in an admin's process fails to resolve; the URL is read by nobody")
  void environmentPropertyIsNotRead() {
    String key = deployAsAdmin("${environment.getProperty('spring.datasource.url')}");

    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(key))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Cannot resolve identifier 'environment'")
        .hasMessageNotContaining("jdbc:");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(key).count()).isZero();
  }

  @Test
  @DisplayName("PER-02 a bean the models name still resolves in an admin's process (the map is not empty by mistake)")
  void modelBeanResolves() {
    String key = deployAsAdmin("${periods != null}");

    var instance = runtimeService.startProcessInstanceByKey(key);

    assertThat(runtimeService.getVariable(instance.getId(), "result")).isEqualTo(true);
  }

  @Test
  @DisplayName("ACC-07 the engine's beans map holds only beans of the application's own classes, each named by a shipped model")
  void beansMapIsTheModelsBeans() throws IOException {
    Set<String> names = new TreeSet<>();
    configuration.getBeans().keySet().forEach(name -> names.add((String) name));
    Set<String> inModels = identifiersInModelsOnDisk();

    assertThat(names).isNotEmpty().isSubsetOf(inModels);
    for (String name : names) {
      Class<?> type = context.getType(name);
      assertThat(type.getName()).as(name).startsWith("cn.gov.enforcement.");
    }
    assertThat(configuration.getExpressionManager()).isInstanceOf(org.camunda.bpm.engine.spring.SpringExpressionManager.class);
  }

  @Test
  @DisplayName("ACC-07 model conventions: every bean a processes/*.bpmn names (delegates, due dates, arguments) is in the engine's beans map")
  void everyBeanTheModelsNameIsAllowed() throws IOException {
    Set<Object> allowed = configuration.getBeans().keySet();
    Set<String> delegates = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        Matcher delegate = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"").matcher(Files.readString(file));
        while (delegate.find()) {
          delegates.add(delegate.group(1));
        }
      }
    }
    assertThat(delegates).as("delegates in processes/*.bpmn").isNotEmpty();
    assertThat(allowed).as("beans map").containsAll(delegates);
    // every identifier of a model that names a Spring bean is one the engine lets expressions see
    for (String identifier : identifiersInModelsOnDisk()) {
      if (context.containsBean(identifier)) {
        assertThat(allowed).as("bean '%s' named in processes/*.bpmn", identifier).contains(identifier);
      }
    }
  }

  private static Set<String> identifiersInModelsOnDisk() throws IOException {
    Set<String> identifiers = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          identifiers.addAll(ModelBeansPlugin.identifiers(in));
        }
      }
    }
    return identifiers;
  }

  @Test
  @DisplayName("ACC-07 identifiers are read from expressions only: heads and arguments, not properties, strings or text around")
  void identifiersOfAnExpression() {
    Set<String> found = new TreeSet<>();
    ModelBeansPlugin.collect("${periods.endOfDays(publishedOn, serviceRules.publicNoticeDays)}", found);
    ModelBeansPlugin.collect("${'environment'.concat(title)} dataSource ${x}", found);
    ModelBeansPlugin.collect("no expression environment", found);
    assertThat(found).containsExactlyInAnyOrder("periods", "publishedOn", "serviceRules", "title", "x");
  }
}
