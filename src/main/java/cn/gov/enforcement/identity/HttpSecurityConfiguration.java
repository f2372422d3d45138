package cn.gov.enforcement.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The servlet filters in front of the engine's REST API ({@code /engine-rest}), the application's
 * API ({@code /api}) and the webapps' internal API. The webapps authenticate by session themselves;
 * {@code /api} accepts that session too (with the webapps' CSRF token for changes), see {@link WebappSession}.
 */
@Configuration
public class HttpSecurityConfiguration {

  static final String ENGINE_REST = "/engine-rest";
  static final String API = "/api";

  private final String webappPath;

  public HttpSecurityConfiguration(@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    this.webappPath = webappPath;
  }

  @Bean
  FilterRegistrationBean<AdminGroupGuard> adminGroupGuard(IdentityService identityService) {
    var registration = new FilterRegistrationBean<>(new AdminGroupGuard(identityService,
        webappPath + "/api/admin/setup", ENGINE_REST, webappPath + "/api/engine"));
    registration.addUrlPatterns(ENGINE_REST + "/*", webappPath + "/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  EngineBasicAuthentication engineBasicAuthentication(ProcessEngine engine, PlatformTransactionManager transactionManager) {
    return new EngineBasicAuthentication(engine, transactionManager);
  }

  @Bean
  FilterRegistrationBean<BasicAuthenticationFilter> basicAuthenticationFilter(EngineBasicAuthentication authentication) {
    var registration = new FilterRegistrationBean<>(new BasicAuthenticationFilter(authentication, API));
    registration.addUrlPatterns(ENGINE_REST + "/*", API + "/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  @Bean
  FilterRegistrationBean<TaskQueryExpressionGuard> taskQueryExpressionGuard() {
    var registration = new FilterRegistrationBean<>(new TaskQueryExpressionGuard(ENGINE_REST, webappPath + "/api/engine"));
    registration.addUrlPatterns(ENGINE_REST + "/*", webappPath + "/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ActuatorAccessGuard> actuatorAccessGuard(EngineBasicAuthentication authentication) {
    var registration = new FilterRegistrationBean<>(new ActuatorAccessGuard(authentication));
    registration.addUrlPatterns("/*"); // matched on the normalised path inside, not on the URL pattern
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
    return registration;
  }
}
