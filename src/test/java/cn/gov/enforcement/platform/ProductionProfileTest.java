package cn.gov.enforcement.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.EnforcementApplication;
import cn.gov.enforcement.identity.CertifiedOfficers;
import cn.gov.enforcement.identity.DemoData;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The production profile's settings. It runs on its own in-memory database: what is checked here
 * is the profile's wiring (hardening, no demo users, the admin from the environment); the whole
 * suite runs against PostgreSQL with {@code -Ppostgres}. Another configuration means another
 * engine, so this class runs in a JVM of its own (tag own-jvm).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:production;DB_CLOSE_DELAY=-1",
    "DB_URL=jdbc:h2:mem:production",
    "ADMIN_USER=chief",
    "ADMIN_PASSWORD=Str0ng-Passw0rd#2026",
    "bureau.certificates.chief=33110000001"})
@ActiveProfiles("postgres")
@Tag("own-jvm")
class ProductionProfileTest {

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identityService;
  @Autowired ApplicationContext context;
  @Autowired TestRestTemplate rest;
  @Autowired CertifiedOfficers certifiedOfficers;

  @Test
  @DisplayName("生产配置：无演示用户，管理员来自环境变量 / no demo users, admin from the environment")
  void noDemoUsersAdminFromEnvironment() {
    assertThat(context.getBeansOfType(DemoData.class)).isEmpty();
    assertThat(identityService.createUserQuery().userId("officer1").count()).isZero();
    assertThat(identityService.createUserQuery().userId("chief").memberOfGroup("camunda-admin").count()).isEqualTo(1);
    assertThat(identityService.createGroupQuery().groupId("enforcement-officer").count()).isEqualTo(1);
    assertThat(certifiedOfficers.certificateNumber("chief")).contains("33110000001");
    assertThat(rest.withBasicAuth("chief", "Str0ng-Passw0rd#2026").getForEntity("/engine-rest/user", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  @DisplayName("生产加固：密码策略、反序列化类型校验、禁用 Java 序列化 / engine hardening")
  void engineIsHardened() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.isEnablePasswordPolicy()).isTrue();
    assertThat(configuration.isDeserializationTypeValidationEnabled()).isTrue();
    assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
    assertThat(configuration.isEnableExpressionsInAdhocQueries()).isFalse();
    assertThat(configuration.isAuthorizationEnabled()).isTrue();
    assertThat(identityService.checkPasswordAgainstPolicy("demo").isValid()).isFalse();
  }

  @Test
  @DisplayName("生产加固：Cookie SameSite=Strict 且 Secure，启用 HSTS / SameSite=Strict cookies and HSTS")
  void webappsSendStrictCookiesAndHsts() {
    ResponseEntity<String> response = rest.getForEntity("/camunda/app/tasklist/", String.class);
    List<String> cookies = response.getHeaders().get("Set-Cookie");
    assertThat(cookies).isNotEmpty().allSatisfy(cookie -> assertThat(cookie).contains("SameSite=Strict").contains("Secure"));
    assertThat(response.getHeaders().getFirst("Strict-Transport-Security")).startsWith("max-age=");
  }

  @Test
  @DisplayName("生产配置：弱管理员密码无法启动 / a weak admin password stops the start")
  void weakAdminPasswordIsRefused() {
    SpringApplicationBuilder weak = new SpringApplicationBuilder(EnforcementApplication.class)
        .profiles("postgres")
        .properties("spring.datasource.url=jdbc:h2:mem:weakadmin;DB_CLOSE_DELAY=-1", "DB_URL=unused",
            "ADMIN_USER=weakchief", "ADMIN_PASSWORD=demo", "server.port=0",
            // its own engine name: a failed engine unregisters its name from the static registry
            "camunda.bpm.process-engine-name=weakadmin",
            "camunda.bpm.job-execution.enabled=false", "spring.jmx.enabled=false");
    assertThatThrownBy(weak::run).hasStackTraceContaining("Password does not match policy");
  }
}
