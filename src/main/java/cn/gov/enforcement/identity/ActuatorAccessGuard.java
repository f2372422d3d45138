package cn.gov.enforcement.identity;

import cn.gov.enforcement.web.ApiErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may read the actuator ({@code /actuator}): the health endpoint and its probes
 * ({@code /actuator/health}, {@code …/liveness}, {@code …/readiness}) are open, for the load
 * balancer and the orchestrator; everything else — the metrics, {@code /actuator/prometheus},
 * {@code info} and the index — only a member of {@code camunda-admin} with HTTP Basic (the engine's
 * {@code checkPassword}, throttled like every other login). The metrics show the load, the
 * connection pool and the engine's activity of the bureau, which is nobody else's business.
 *
 * <p>Mapped on every path and matched on two readings of it, so no spelling walks around it: the
 * normalised path ({@link RequestPaths}: {@code ;params}, escapes, double slashes, case) and the
 * container's own ({@code servletPath + pathInfo}, with {@code ..} resolved); a request is open
 * only when both say health and neither holds a {@code ..} segment.
 */
public class ActuatorAccessGuard extends OncePerRequestFilter {

  static final String ACTUATOR = "/actuator";
  private static final String HEALTH = ACTUATOR + "/health";
  private final EngineBasicAuthentication authentication;

  public ActuatorAccessGuard(EngineBasicAuthentication authentication) {
    this.authentication = authentication;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String normalised = RequestPaths.normalised(request);
    String container = containerPath(request);
    if (!under(normalised, ACTUATOR) && !under(container, ACTUATOR)) {
      chain.doFilter(request, response);
      return;
    }
    boolean health = under(normalised, HEALTH) && under(container, HEALTH)
        && !normalised.contains("/..") && !container.contains("/..");
    if (health) {
      chain.doFilter(request, response);
      return;
    }
    AuthenticationResult caller = authentication.authenticate(request);
    if (!caller.isAuthenticated()) {
      authentication.augmentResponseByAuthenticationChallenge(response, authentication.engine());
      return;
    }
    if (!caller.getGroups().contains(BureauGroup.CAMUNDA_ADMIN.id())) {
      ApiErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "FORBIDDEN",
          "运行指标仅限系统管理员查看 / the metrics are for camunda-admin only");
      return;
    }
    chain.doFilter(request, response);
  }

  private static String containerPath(HttpServletRequest request) {
    String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
    String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
    return RequestPaths.normalise(servletPath + pathInfo);
  }

  private static boolean under(String path, String prefix) {
    String lower = path.toLowerCase(Locale.ROOT);
    return lower.equals(prefix) || lower.startsWith(prefix + "/");
  }
}
