package cn.gov.enforcement.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Tomcat's per-connection application read buffer ({@code socket.appReadBufSize}, 8 KiB by default), which
 * Spring Boot has no property for. {@code web.tomcat.app-read-buffer} unset (the default) leaves Tomcat's
 * own value; the knob exists so the ingest benchmark can measure a larger one without a rebuild
 * (docs/benchmarks.md, "Third round"). Each connection holds this buffer twice on the heap (the socket's
 * and the HTTP processor's), so it is not raised by default.
 */
@Component
public class TomcatReadBuffer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  private final DataSize size;

  public TomcatReadBuffer(@Value("${web.tomcat.app-read-buffer:}") String size) {
    this.size = size == null || size.isBlank() ? null : DataSize.parse(size.strip());
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    if (size != null && size.toBytes() > 0) {
      factory.addConnectorCustomizers(connector -> connector.setProperty("socket.appReadBufSize", Long.toString(size.toBytes())));
    }
  }
}
