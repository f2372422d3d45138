package cn.gov.enforcement.rules;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A deployment refused by the rule gate: a table contradicts its cases, leaves the contract, or
 * cannot be checked. A {@link BadUserRequestException}, so the engine's REST API answers
 * {@code 400} with {@code {"type": "RuleGateException", "message": …, "code": 22001}}; the message
 * lists every failing case by file and line, in Chinese and English.
 */
public class RuleGateException extends BadUserRequestException {

  /** The exception code in the engine's range for custom codes (20000–39999). */
  public static final int CODE = 22001;

  private final List<String> problems;

  public RuleGateException(List<String> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
    setCode(CODE);
  }

  public List<String> problems() {
    return problems;
  }

  private static String message(List<String> problems) {
    return "规则表未通过检查，部署已拒绝，新版本未生效 / rule table check failed; the deployment is refused and no new version is active:\n"
        + String.join("\n", problems);
  }
}
