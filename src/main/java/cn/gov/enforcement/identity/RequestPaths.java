package cn.gov.enforcement.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The path of a request as a URL guard must match it: the servlet container and JAX-RS ignore
 * path parameters ({@code /task;x=1}), decode {@code %2F}-style escapes, and route
 * {@code //task} like {@code /task}, so a guard matching the raw URI is walked around. Here:
 * the context path is removed, escapes are decoded (repeatedly, against double encoding), every
 * {@code ;parameter} is dropped, slashes are collapsed, a trailing slash is dropped and the
 * result is lower-cased. The engine guards (package platform) do not depend on any of this.
 */
final class RequestPaths {

  private static final int MAX_DECODING_ROUNDS = 3;

  private RequestPaths() {}

  static String normalised(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    if (context != null && !context.isEmpty() && uri.startsWith(context)) {
      uri = uri.substring(context.length());
    }
    return normalise(uri);
  }

  static String normalise(String rawPath) {
    String path = rawPath == null ? "" : rawPath;
    for (int round = 0; round < MAX_DECODING_ROUNDS && path.indexOf('%') >= 0; round++) {
      try {
        path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        break; // a malformed escape: keep what we have; the container refuses it anyway
      }
    }
    StringBuilder normalised = new StringBuilder();
    for (String segment : path.replace('\\', '/').split("/")) {
      int parameters = segment.indexOf(';');
      String name = parameters >= 0 ? segment.substring(0, parameters) : segment;
      if (!name.isEmpty()) {
        normalised.append('/').append(name);
      }
    }
    return normalised.length() == 0 ? "/" : normalised.toString().toLowerCase(Locale.ROOT);
  }
}
