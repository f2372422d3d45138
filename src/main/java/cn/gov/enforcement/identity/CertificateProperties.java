package cn.gov.enforcement.identity;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Enforcement certificate numbers by user id, from configuration, e.g.
 * {@code bureau.certificates.zhangsan=33112300123}. The engine's REST API and Admin webapp have no
 * place for them, and a certificate is issued by the justice bureau, not typed in by an admin.
 */
@ConfigurationProperties("bureau")
public record CertificateProperties(Map<String, String> certificates) {

  public CertificateProperties {
    certificates = certificates == null ? Map.of() : Map.copyOf(certificates);
  }
}
