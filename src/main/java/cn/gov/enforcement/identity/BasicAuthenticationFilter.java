package cn.gov.enforcement.identity;

import cn.gov.enforcement.web.ApiErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic against the engine's users for {@code /engine-rest} and {@code /api} (for a read of
 * {@code /api} also the webapps' login session, see {@link #webappSessionUser}). The engine's
 * {@code checkPassword} throttles repeated wrong passwords (login-delay-* settings) and locks the
 * user after login-max-attempts, so a throttled correct password is refused like a wrong one.
 * While the request runs, the engine sees the caller as the authenticated user, so every
 * authorization check of the engine applies.
 */
public class BasicAuthenticationFilter extends OncePerRequestFilter {

  private static final String ENGINE = "default";
  private static final String CHALLENGE = "Basic realm=\"enforcement\", charset=\"UTF-8\"";

  private final IdentityService identityService;

  public BasicAuthenticationFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String[] credentials = credentials(request.getHeader("Authorization"));
    String sessionUser = credentials == null ? webappSessionUser(request) : null;
    if (sessionUser != null) {
      authenticated(sessionUser, request, response, chain);
      return;
    }
    if (credentials == null || !identityService.checkPassword(credentials[0], credentials[1])) {
      response.setHeader("WWW-Authenticate", CHALLENGE);
      ApiErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHORIZED",
          "未登录或用户名、密码错误（多次输错将被延时锁定） / missing or wrong credentials (repeated failures are throttled)");
      return;
    }
    authenticated(credentials[0], request, response, chain);
  }

  /**
   * The user logged in to the webapps in this browser session, for a read ({@code GET}/{@code HEAD})
   * only: Cockpit's plugins (期限看板) call {@code /api} with the session cookie, not with a password.
   * Writes keep needing HTTP Basic — the session cookie alone would let another site's page send
   * them (the webapps' CSRF token guards only their own API).
   */
  static String webappSessionUser(HttpServletRequest request) {
    boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    if (!read || !request.getRequestURI().startsWith(request.getContextPath() + HttpSecurityConfiguration.API + "/")) {
      return null;
    }
    HttpSession session = request.getSession(false);
    Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    Authentication authentication = authentications == null ? null : authentications.getAuthenticationForProcessEngine(ENGINE);
    return authentication == null ? null : authentication.getName();
  }

  private void authenticated(String userId, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    List<String> tenants = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
        .stream().map(Tenant::getId).toList();
    try {
      identityService.setAuthentication(userId, groups, tenants);
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }

  static String[] credentials(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
  }
}
