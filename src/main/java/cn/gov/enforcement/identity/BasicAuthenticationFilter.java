package cn.gov.enforcement.identity;

import cn.gov.enforcement.web.ApiErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic against the engine's users for {@code /engine-rest} and {@code /api}; for {@code /api}
 * also the Tasklist session ({@link WebappSession}), so the evidence panel in Tasklist calls the
 * evidence API as the logged-in user without asking for the password again. The engine's
 * {@code checkPassword} throttles repeated wrong passwords (login-delay-* settings) and locks the
 * user after login-max-attempts, so a throttled correct password is refused like a wrong one.
 * While the request runs, the engine sees the caller as the authenticated user, so every
 * authorization check of the engine applies.
 */
public class BasicAuthenticationFilter extends OncePerRequestFilter {

  private static final String CHALLENGE = "Basic realm=\"enforcement\", charset=\"UTF-8\"";

  private final IdentityService identityService;
  /** The normalised path prefix on which a webapp session is accepted instead of HTTP Basic (null: never). */
  private final String sessionPath;

  public BasicAuthenticationFilter(IdentityService identityService) {
    this(identityService, null);
  }

  public BasicAuthenticationFilter(IdentityService identityService, String sessionPath) {
    this.identityService = identityService;
    this.sessionPath = sessionPath;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header == null && sessionPath != null && underSessionPath(request)) {
      WebappSession session = WebappSession.of(request, identityService);
      if (session.csrfRefused()) {
        ApiErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "CSRF",
            "缺少或错误的 X-XSRF-TOKEN（从 Tasklist 页面发起的修改请求须带此头） / missing or wrong X-XSRF-TOKEN");
        return;
      }
      if (session.userId() != null) {
        authenticateAndContinue(session.userId(), request, response, chain);
        return;
      }
    }
    String[] credentials = credentials(header);
    if (credentials == null || !identityService.checkPassword(credentials[0], credentials[1])) {
      response.setHeader("WWW-Authenticate", CHALLENGE);
      ApiErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHORIZED",
          "未登录或用户名、密码错误（多次输错将被延时锁定） / missing or wrong credentials (repeated failures are throttled)");
      return;
    }
    authenticateAndContinue(credentials[0], request, response, chain);
  }

  private boolean underSessionPath(HttpServletRequest request) {
    String path = RequestPaths.normalised(request);
    return path.equals(sessionPath) || path.startsWith(sessionPath + "/");
  }

  private void authenticateAndContinue(String userId, HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
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
