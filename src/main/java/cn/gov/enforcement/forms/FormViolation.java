package cn.gov.enforcement.forms;

import java.io.Serializable;

/**
 * One reason a submission is refused.
 *
 * @param field   the field key (a path such as {@code items[0].name} inside dynamic lists)
 * @param reason  {@code NOT_A_FIELD} (a submitted variable the form does not have), {@code REQUIRED},
 *                {@code TYPE}, {@code NOT_ALLOWED}, {@code MIN}, {@code MAX},
 *                {@code MIN_LENGTH}, {@code MAX_LENGTH}, {@code PATTERN}, {@code EMAIL}, {@code PHONE},
 *                {@code DECIMALS}, {@code INCREMENT}, {@code FORMAT}, or the ID of the rule (e.g. {@code DEC-05})
 * @param chinese the reason for staff, naming the field
 * @param english the same in English
 */
public record FormViolation(String field, String reason, String chinese, String english) implements Serializable {

  /** A violation of a cross-field rule, for {@link FormRule} implementations. */
  public static FormViolation rule(String ruleId, String field, String chinese, String english) {
    return new FormViolation(field, ruleId, chinese + "（" + ruleId + "）", english + " (" + ruleId + ")");
  }
}
