package cn.gov.enforcement.identity;

import cn.gov.enforcement.web.ApiErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * HTTP Basic against the engine's users, as the {@link AuthenticationProvider} of Camunda's
 * {@code ProcessEngineAuthenticationFilter} (see {@link BasicAuthenticationFilter}) and for the
 * actuator ({@link ActuatorAccessGuard}). The engine's {@code checkPassword} throttles repeated
 * wrong passwords (login-delay-* settings) and locks the user after login-max-attempts, so a
 * throttled correct password is refused like a wrong one.
 *
 * <p>Two things differ from Camunda's {@code HttpBasicAuthenticationProvider}: the credentials are
 * decoded as UTF-8 (the challenge says {@code charset="UTF-8"}; Camunda's decodes with the JVM's
 * default charset, which on a server started in a POSIX locale would never match a Chinese
 * password) and strictly (a malformed header is refused, not read leniently); and the password
 * check, the user's groups and tenants are read in one transaction, so authenticating a request
 * costs one commit, not three. Nothing is cached: every request checks the password anew, so a
 * changed password or a lock applies to the very next request.
 */
public class EngineBasicAuthentication implements AuthenticationProvider {

  static final String CHALLENGE = "Basic realm=\"enforcement\", charset=\"UTF-8\"";
  static final String UNAUTHORIZED_MESSAGE =
      "未登录或用户名、密码错误（多次输错将被延时锁定） / missing or wrong credentials (repeated failures are throttled)";

  private final ProcessEngine engine;
  private final TransactionTemplate transaction;

  public EngineBasicAuthentication(ProcessEngine engine, PlatformTransactionManager transactionManager) {
    this.engine = engine;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  ProcessEngine engine() {
    return engine;
  }

  /** The caller of an HTTP Basic request with its groups and tenants, or unsuccessful. */
  AuthenticationResult authenticate(HttpServletRequest request) {
    return extractAuthenticatedUser(request, engine);
  }

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine addressed) {
    String[] credentials = credentials(request.getHeader("Authorization"));
    if (credentials == null) {
      return AuthenticationResult.unsuccessful();
    }
    IdentityService identity = addressed.getIdentityService();
    return inOneTransaction(() -> identity.checkPassword(credentials[0], credentials[1])
        ? withMemberships(identity, credentials[0]) : AuthenticationResult.unsuccessful(credentials[0]));
  }

  /** The webapps' logged-in user of this request's session (if any), read with its memberships in one transaction. */
  WebappSessionResult fromSession(HttpServletRequest request) {
    IdentityService identity = engine.getIdentityService();
    return inOneTransaction(() -> {
      WebappSession session = WebappSession.of(request, identity);
      AuthenticationResult user = session.userId() == null || session.csrfRefused() ? null
          : withMemberships(identity, session.userId());
      return new WebappSessionResult(session, user);
    });
  }

  record WebappSessionResult(WebappSession session, AuthenticationResult user) {}

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine addressed) {
    response.setHeader("WWW-Authenticate", CHALLENGE);
    try {
      ApiErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHORIZED", UNAUTHORIZED_MESSAGE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private <T> T inOneTransaction(Supplier<T> work) {
    // the engine joins the surrounding Spring transaction: its three commands commit once
    return transaction.execute(status -> work.get());
  }

  private static AuthenticationResult withMemberships(IdentityService identity, String userId) {
    AuthenticationResult result = AuthenticationResult.successful(userId);
    result.setGroups(identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList());
    List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
        .stream().map(Tenant::getId).toList();
    result.setTenants(tenants);
    return result;
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
