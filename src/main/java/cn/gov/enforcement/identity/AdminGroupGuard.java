package cn.gov.enforcement.identity;

import cn.gov.enforcement.web.ApiErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Mitigates CVE-2026-77226 (not fixed in 7.24.0 CE): the Admin webapp's setup endpoint creates an
 * administrator without authentication whenever {@code camunda-admin} has no direct member.
 * The endpoint is refused outright, and no API call may remove the group's last direct member
 * (by deleting the membership, the user or the group), so the condition never arises.
 *
 * <p>Both match the normalised path ({@link RequestPaths}). The last-admin rule is enforced
 * inside the engine as well ({@code platform.EngineGuardInterceptor}, for every entry point and
 * the Java API); this filter only answers earlier.
 */
public class AdminGroupGuard extends OncePerRequestFilter {

  private static final String ADMIN_GROUP = BureauGroup.CAMUNDA_ADMIN.id();
  private static final Pattern MEMBERSHIP = Pattern.compile("^(/engine/[^/]+)?/group/([^/]+)/members/([^/]+)/?$");
  private static final Pattern USER = Pattern.compile("^(/engine/[^/]+)?/user/([^/]+)/?$");
  private static final Pattern GROUP = Pattern.compile("^(/engine/[^/]+)?/group/([^/]+)/?$");

  private final IdentityService identityService;
  private final String setupPrefix;
  private final String[] enginePrefixes;

  /**
   * @param setupPrefix    the webapps' setup API, e.g. {@code /camunda/api/admin/setup}
   * @param enginePrefixes the engine APIs, e.g. {@code /engine-rest} and {@code /camunda/api/engine}
   */
  public AdminGroupGuard(IdentityService identityService, String setupPrefix, String... enginePrefixes) {
    this.identityService = identityService;
    this.setupPrefix = RequestPaths.normalise(setupPrefix);
    this.enginePrefixes = java.util.Arrays.stream(enginePrefixes).map(RequestPaths::normalise).toArray(String[]::new);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = RequestPaths.normalised(request);
    if (path.equals(setupPrefix) || path.startsWith(setupPrefix + "/")) {
      ApiErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "SETUP_DISABLED",
          "初始管理员设置已停用，管理员由配置创建 / the admin setup is disabled; the administrator comes from configuration");
      return;
    }
    if ("DELETE".equals(request.getMethod()) && removesLastAdmin(path)) {
      ApiErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "LAST_ADMIN",
          "系统管理员组至少保留一名成员 / camunda-admin must keep at least one direct member");
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean removesLastAdmin(String path) {
    for (String prefix : enginePrefixes) {
      if (!path.startsWith(prefix + "/")) {
        continue;
      }
      String rest = path.substring(prefix.length());
      Matcher m = MEMBERSHIP.matcher(rest);
      if (m.matches()) {
        return ADMIN_GROUP.equals(m.group(2)) && isOnlyAdmin(m.group(3));
      }
      m = USER.matcher(rest);
      if (m.matches()) {
        return isOnlyAdmin(m.group(2));
      }
      m = GROUP.matcher(rest);
      if (m.matches()) {
        return ADMIN_GROUP.equals(m.group(2));
      }
    }
    return false;
  }

  private boolean isOnlyAdmin(String userId) {
    long admins = identityService.createUserQuery().memberOfGroup(ADMIN_GROUP).count();
    long isAdmin = identityService.createUserQuery().userId(userId).memberOfGroup(ADMIN_GROUP).count();
    return isAdmin > 0 && admins <= 1;
  }
}
