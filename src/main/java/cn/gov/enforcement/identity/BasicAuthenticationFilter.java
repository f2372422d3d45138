package cn.gov.enforcement.identity;

import cn.gov.enforcement.web.ApiErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

/**
 * Camunda's {@link ProcessEngineAuthenticationFilter} with HTTP Basic ({@link EngineBasicAuthentication})
 * for {@code /engine-rest} and {@code /api}; while the request runs, the engine sees the caller as the
 * authenticated user, so every authorization check of the engine applies. What this wrapper adds:
 * the bilingual 401 (written by the provider); every path is authenticated, {@code GET /engine-rest/engine}
 * too, which Camunda's filter leaves open; the one engine of the application answers every request
 * (a request naming another engine gets the REST API's own answer, after authentication); and for
 * {@code /api} also the Tasklist session ({@link WebappSession}), so the evidence panel in Tasklist
 * calls the evidence API as the logged-in user without asking for the password again.
 */
public class BasicAuthenticationFilter extends ProcessEngineAuthenticationFilter {

  private final EngineBasicAuthentication authentication;
  /** The normalised path prefix on which a webapp session is accepted instead of HTTP Basic (null: never). */
  private final String sessionPath;

  public BasicAuthenticationFilter(EngineBasicAuthentication authentication, String sessionPath) {
    this.authentication = authentication;
    this.authenticationProvider = authentication;
    // the path is not used to pick an engine (getAddressedEngine), so no servlet prefix is cut off
    this.servletPathPrefix = "";
    this.sessionPath = sessionPath;
  }

  /** Configured by the constructor, not by init parameters. */
  @Override
  public void init(FilterConfig filterConfig) {
  }

  @Override
  public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) servletRequest;
    HttpServletResponse response = (HttpServletResponse) servletResponse;
    if (request.getHeader("Authorization") == null && sessionPath != null && underSessionPath(request)) {
      EngineBasicAuthentication.WebappSessionResult fromSession = authentication.fromSession(request);
      if (fromSession.session().csrfRefused()) {
        ApiErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "CSRF",
            "缺少或错误的 X-XSRF-TOKEN（从 Tasklist 页面发起的修改请求须带此头） / missing or wrong X-XSRF-TOKEN");
        return;
      }
      AuthenticationResult user = fromSession.user();
      if (user != null) {
        ProcessEngine engine = authentication.engine();
        try {
          setAuthenticatedUser(engine, user.getAuthenticatedUser(), user.getGroups(), user.getTenants());
          chain.doFilter(request, response);
        } finally {
          clearAuthentication(engine);
        }
        return;
      }
    }
    super.doFilter(request, response, chain);
  }

  /** Every request, the engine list ({@code /engine}) included: the contract has no anonymous REST call. */
  @Override
  protected boolean requiresEngineAuthentication(String requestUrl) {
    return true;
  }

  @Override
  protected ProcessEngine getAddressedEngine(String engineName) {
    return authentication.engine();
  }

  private boolean underSessionPath(HttpServletRequest request) {
    String path = RequestPaths.normalised(request);
    return path.equals(sessionPath) || path.startsWith(sessionPath + "/");
  }
}
