package cn.gov.enforcement.decision;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Cross-field checks of a submission that a form cannot express (one field required only when
 * another has a value). A failed check throws, so the command rolls back and nothing changes.
 * Every message is Chinese + English, as the contract's error messages are.
 */
final class Checks {

  private Checks() {}

  static void require(boolean condition, String chinese, String english) {
    if (!condition) {
      throw new BadUserRequestException(chinese + " / " + english);
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
    require(value != null, "缺少 " + name, name + " is required");
    if (value instanceof Number n) {
      return n.longValue();
    }
    try {
      return Long.parseLong(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new BadUserRequestException(name + " 须为数字 / " + name + " must be a number");
    }
  }
}
