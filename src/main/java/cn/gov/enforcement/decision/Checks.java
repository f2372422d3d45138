package cn.gov.enforcement.decision;

import cn.gov.enforcement.forms.FormValidationException;
import cn.gov.enforcement.forms.FormViolation;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Cross-field checks of a submission that a form cannot express (one field required only when
 * another has a value, a rule across several tasks). A failed check throws the form validation's
 * refusal ({@link FormValidationException}), so the command rolls back, nothing changes, and
 * engine-rest answers 400 with the field and the requirement ID, like the form's own checks.
 * Every message is Chinese + English, as the contract's error messages are.
 */
final class Checks {

  private Checks() {}

  static void require(String ruleId, String field, boolean condition, String chinese, String english) {
    if (!condition) {
      throw new FormValidationException(null, List.of(FormViolation.rule(ruleId, field, chinese, english)));
    }
  }

  static boolean blank(Object value) {
    return value == null || value.toString().isBlank();
  }

  static boolean isTrue(VariableScope scope, String name) {
    return Boolean.TRUE.equals(scope.getVariable(name));
  }

  static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  static long number(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    require("REQUIRED", name, value != null, "缺少 " + name, name + " is required");
    if (value instanceof Number n) {
      return n.longValue();
    }
    try {
      return Long.parseLong(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new FormValidationException(null, List.of(new FormViolation(name, "TYPE", name + " 须为数字", name + " must be a number")));
    }
  }
}
