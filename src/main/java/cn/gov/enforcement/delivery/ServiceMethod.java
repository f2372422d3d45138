package cn.gov.enforcement.delivery;

import java.util.Arrays;
import java.util.Optional;

/** The contract's values of the steering field {@code method} of {@code document-service}. */
public enum ServiceMethod {
  DIRECT("直接送达"),
  LODGED("留置送达"),
  MAIL("邮寄送达"),
  ENTRUSTED("委托/转交送达"),
  PUBLIC_NOTICE("公告送达");

  private final String chineseName;

  ServiceMethod(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }

  public static Optional<ServiceMethod> of(Object value) {
    return value == null ? Optional.empty()
        : Arrays.stream(values()).filter(m -> m.name().equals(value.toString())).findFirst();
  }
}
