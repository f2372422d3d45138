package cn.gov.enforcement.recording;

import cn.gov.enforcement.numbering.DocumentNumbers;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * recording-access, end of the start event: the request gets its number (申请编号,
 * {@code requestNumber}), which is the instance's business key when the starter gave none
 * (contract.md "Business keys"), so Tasklist, Cockpit and the audit name the request.
 */
@Component("accessRequestNumbering")
public class AccessRequestNumbering implements ExecutionListener {

  static final String NUMBER = "requestNumber";

  private final DocumentNumbers numbers;
  private final String prefix;

  public AccessRequestNumbering(DocumentNumbers numbers, @Value("${bureau.numbering.recording-access:音像调阅}") String prefix) {
    this.numbers = numbers;
    this.prefix = prefix;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String given = execution.getProcessBusinessKey();
    String number = given == null || given.isBlank() ? numbers.next(prefix) : given;
    execution.setProcessBusinessKey(number);
    execution.setVariable(NUMBER, number);
  }
}
