package cn.gov.enforcement.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The size limit of every multipart request except the recording upload. Spring's own multipart
 * handling is off ({@code spring.servlet.multipart.enabled: false}: no MVC endpoint takes parts, and
 * the upload streams its body itself under {@code recording.upload.max-size}); what remains are
 * Camunda's REST endpoints (deployments, binary variables), which parse parts in memory with no limit
 * of their own. Over {@code web.multipart.max-size} is a bilingual 413 before anything reads the body,
 * so nothing is deployed or stored.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class MultipartLimitFilter extends OncePerRequestFilter {

  /** Streams its own body under {@code recording.upload.max-size} (IngestService). */
  static final String RECORDING_UPLOAD = "/api/recordings";

  private final long limit;

  public MultipartLimitFilter(@Value("${web.multipart.max-size:16MB}") DataSize limit) {
    this.limit = limit.toBytes();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String type = request.getContentType();
    return type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")
        || ("POST".equals(request.getMethod()) && RECORDING_UPLOAD.equals(pathWithinApplication(request)));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      refuse(response);
      return;
    }
    if (declared >= 0) {
      chain.doFilter(request, response);
      return;
    }
    // no Content-Length (chunked): read at most limit + 1 bytes, so an endless body is cut here too
    byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    if (body.length > limit) {
      refuse(response);
      return;
    }
    chain.doFilter(new BufferedBodyRequest(request, body), response);
  }

  private void refuse(HttpServletResponse response) throws IOException {
    ApiErrors.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "TOO_LARGE",
        "请求超过上限 " + limit + " 字节 / the multipart request exceeds the limit of " + limit + " bytes");
  }

  private static String pathWithinApplication(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    String path = context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
