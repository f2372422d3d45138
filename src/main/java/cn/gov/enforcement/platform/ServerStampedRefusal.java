package cn.gov.enforcement.platform;

import cn.gov.enforcement.forms.FormValidationException;
import cn.gov.enforcement.forms.FormViolation;
import java.util.Set;

/**
 * The refusal of a submission that sets a {@link ServerStampedVariables server-stamped} variable:
 * a form refusal, so that every REST entry point answers 400 naming each such field
 * ({@code "field"}, {@code "violations"}) exactly as for any other refused submission.
 */
final class ServerStampedRefusal {

  /** The violation reason in the error body. */
  static final String REASON = "SERVER_STAMPED";

  private ServerStampedRefusal() {}

  static FormValidationException of(Set<String> names) {
    return new FormValidationException(null, names.stream()
        .map(name -> new FormViolation(name, REASON,
            "字段 " + name + " 由系统填写（办理人取登录用户，日期取服务器当日），不得提交",
            name + " is written by the server (the doer from the logged-in user, a date from the server's day) and may not be submitted"))
        .toList());
  }
}
