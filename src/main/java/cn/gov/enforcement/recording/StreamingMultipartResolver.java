package cn.gov.enforcement.recording;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;

/**
 * Spring's multipart handling, except for {@code POST /api/recordings}. Spring would have the
 * container parse every part before the controller runs (memory below the threshold, a temp file
 * above it, then a second copy into storage). For the upload the controller reads the raw stream
 * itself (Tomcat's streaming iterator), so the file is written once, hashed on the way, in constant
 * memory. Named {@code multipartResolver} so the DispatcherServlet uses it (Boot's own steps back).
 */
@Component("multipartResolver")
public class StreamingMultipartResolver extends StandardServletMultipartResolver {

  static final String UPLOAD_PATH = "/api/recordings";

  @Override
  public boolean isMultipart(HttpServletRequest request) {
    if ("POST".equals(request.getMethod()) && UPLOAD_PATH.equals(pathWithinApplication(request))) {
      return false;
    }
    return super.isMultipart(request);
  }

  private static String pathWithinApplication(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    String path = context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
