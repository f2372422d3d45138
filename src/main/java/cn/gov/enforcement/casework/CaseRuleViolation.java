package cn.gov.enforcement.casework;

import org.camunda.bpm.engine.exception.NotValidException;

/**
 * A submission that breaks a rule of the procedure: REST answers 400 with the message, Tasklist
 * shows it, and the task stays open because the completion is rolled back.
 */
final class CaseRuleViolation extends NotValidException {

  CaseRuleViolation(String chinese, String english) {
    super(chinese + " / " + english);
  }
}
