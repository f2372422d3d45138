package cn.gov.enforcement.decision;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_AdmitProposal, complete (DEC-02): an admitted proposal names the lead unit; a refused one
 * records the reason, because the procedure then ends and the reason is all that remains.
 */
@Component("admissionCheck")
public class AdmissionCheck implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Object admitted = task.getVariable("admitted");
    Checks.require("DEC-02", "admitted", admitted instanceof Boolean, "须决定是否立项", "admitted (true/false) is required");
    if ((Boolean) admitted) {
      Checks.require("DEC-02", "leadUnit", !Checks.blank(task.getVariable("leadUnit")), "立项须指定承办单位", "an admitted proposal needs leadUnit");
    } else {
      Checks.require("DEC-02", "rejectionReason", !Checks.blank(task.getVariable("rejectionReason")), "不予立项须说明理由",
          "a refused proposal needs rejectionReason");
    }
  }
}
