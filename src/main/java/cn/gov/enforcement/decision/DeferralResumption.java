package cn.gov.enforcement.decision;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_ResumeDeferred, complete (DEC-13): the only way to complete this task is to take the draft
 * up again; leaving it alone lets the 3-month timer take the draft out of the procedure.
 */
@Component("deferralResumption")
public class DeferralResumption implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Checks.require("DEC-13", "resumed", Checks.isTrue(task, "resumed"), "完成本任务即重新提交审议，须勾选“重新提交”",
        "completing this task takes the draft up again: resumed must be true");
  }
}
