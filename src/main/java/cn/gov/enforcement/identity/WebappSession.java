package cn.gov.enforcement.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * Who is logged in to the Camunda webapps in this request's session, for a same-origin call from
 * Tasklist to {@code /api} (the evidence panel). The session is the one the webapps' own login
 * created (cookie SameSite=Strict); a request that changes something must also carry the webapps'
 * CSRF token in {@code X-XSRF-TOKEN}, the same double-submit check the webapps' CsrfPreventionFilter
 * makes for their own API, so a page of another site cannot upload or report facts in the user's
 * name. The user must still exist in the engine; groups are read fresh by the caller.
 *
 * @param userId      the logged-in user, or null (no session, no login)
 * @param csrfRefused a logged-in session sent a modifying request without the right token
 */
record WebappSession(String userId, boolean csrfRefused) {

  /** The engine whose login counts (the Spring Boot starter's only engine). */
  static final String ENGINE = "default";
  static final String CSRF_HEADER = "X-XSRF-TOKEN";
  /** Where the webapps' CsrfPreventionFilter keeps the session's token (CsrfConstants). */
  static final String CSRF_SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  private static final WebappSession NONE = new WebappSession(null, false);

  static WebappSession of(HttpServletRequest request, IdentityService identityService) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return NONE;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    Authentication authentication = authentications == null ? null
        : authentications.getAuthenticationForProcessEngine(ENGINE);
    if (!(authentication instanceof UserAuthentication user) || user.getIdentityId() == null
        || identityService.createUserQuery().userId(user.getIdentityId()).count() == 0) {
      return NONE;
    }
    if (!SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
      Object expected = session.getAttribute(CSRF_SESSION_ATTRIBUTE);
      String sent = request.getHeader(CSRF_HEADER);
      if (expected == null || sent == null || !MessageDigest.isEqual(expected.toString().getBytes(StandardCharsets.UTF_8),
          sent.getBytes(StandardCharsets.UTF_8))) {
        return new WebappSession(user.getIdentityId(), true);
      }
    }
    return new WebappSession(user.getIdentityId(), false);
  }
}
