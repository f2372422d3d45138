package cn.gov.enforcement.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.EnforcementApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** processes/, dmn/ and forms/ are deployed under stable names, and a restart deploys nothing new. */
@Tag("own-jvm")
class ModelDeploymentTest {

  @Test
  @DisplayName("模型以相对路径命名 / models are named by their path below the classpath root")
  void modelsAreNamedByRelativePath() {
    assertThat(ModelDeploymentConfiguration.deploymentName("file:/work/main/target/classes/forms/plan.form"))
        .isEqualTo("forms/plan.form");
    assertThat(ModelDeploymentConfiguration.deploymentName("jar:file:/app.jar!/BOOT-INF/classes!/processes/major-decision.bpmn"))
        .isEqualTo("processes/major-decision.bpmn");
    assertThat(ModelDeploymentConfiguration.deploymentName("file:/x/dmn/retention-class.dmn")).isEqualTo("dmn/retention-class.dmn");
  }

  @Test
  @DisplayName("重启不产生新版本 / a restart creates no new versions of unchanged models")
  void restartDeploysNothingNew(@TempDir Path data) throws Exception {
    String url = "jdbc:h2:file:" + data.resolve("restart").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
    List<String> shipped = shippedModels();

    List<Deployment> first = startAndListDeployments(url);
    assertThat(first).hasSize(shipped.isEmpty() ? 0 : 1);
    List<String> firstResources = startAndListResources(url, first);
    assertThat(firstResources).containsExactlyInAnyOrderElementsOf(shipped);

    List<Deployment> second = startAndListDeployments(url);
    assertThat(second).extracting(Deployment::getId).containsExactlyElementsOf(first.stream().map(Deployment::getId).toList());
  }

  /** Every model file in the three folders, named as the engine should know it. */
  private static List<String> shippedModels() throws Exception {
    // dmn/cases/*.csv: the rule gate (branch rules) attaches each table's case file to the deployment
    try (Stream<Path> files = Stream.of("processes", "dmn", "dmn/cases", "forms").map(Path::of).filter(Files::isDirectory)
        .flatMap(ModelDeploymentTest::list)) {
      return files.filter(p -> p.toString().matches(".*\\.(bpmn|dmn|form)$") || p.toString().replace('\\', '/').matches("dmn/cases/.*\\.csv$")).map(p -> p.toString().replace('\\', '/')).toList();
    }
  }

  private static Stream<Path> list(Path folder) {
    try {
      return Files.list(folder);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static ConfigurableApplicationContext start(String url) {
    return new SpringApplicationBuilder(EnforcementApplication.class)
        .properties("spring.datasource.url=" + url, "server.port=0", "camunda.bpm.job-execution.enabled=false",
            "spring.jmx.enabled=false")
        .run();
  }

  private static List<Deployment> startAndListDeployments(String url) {
    try (ConfigurableApplicationContext app = start(url)) {
      return app.getBean(RepositoryService.class).createDeploymentQuery().deploymentName("enforcement-models").list();
    }
  }

  private static List<String> startAndListResources(String url, List<Deployment> deployments) {
    try (ConfigurableApplicationContext app = start(url)) {
      RepositoryService repository = app.getBean(RepositoryService.class);
      return deployments.stream().flatMap(d -> repository.getDeploymentResourceNames(d.getId()).stream()).toList();
    }
  }
}
