package cn.gov.enforcement.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;

/** The knob the ingest benchmark uses to try a larger Tomcat read buffer; unset leaves Tomcat's default. */
class TomcatReadBufferTest {

  @Test
  @DisplayName("ACC-02 web.tomcat.app-read-buffer 设置 Tomcat 的 socket.appReadBufSize；未设置时保持 Tomcat 默认值 / the read buffer knob sets socket.appReadBufSize, unset keeps Tomcat's default")
  void setsTheConnectorsReadBufferOnlyWhenGiven() {
    assertThat(appReadBufSize("64KB")).isEqualTo(65_536);
    int tomcatDefault = Integer.parseInt(String.valueOf(new Connector().getProperty("socket.appReadBufSize")));
    assertThat(appReadBufSize("")).isEqualTo(tomcatDefault);
    assertThat(appReadBufSize(null)).isEqualTo(tomcatDefault);
  }

  private static int appReadBufSize(String value) {
    TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
    new TomcatReadBuffer(value).customize(factory);
    Connector connector = new Connector();
    factory.getTomcatConnectorCustomizers().forEach(customizer -> customizer.customize(connector));
    // the connector hands back what was set (a String) or its default (an Integer)
    return Integer.parseInt(String.valueOf(connector.getProperty("socket.appReadBufSize")));
  }
}
