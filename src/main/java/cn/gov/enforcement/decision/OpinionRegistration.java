package cn.gov.enforcement.decision;

import cn.gov.enforcement.identity.StaffMembership;
import cn.gov.enforcement.platform.EngineClock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_RegisterOpinions, complete (DEC-05, DEC-06): each completion registers one opinion received
 * while the consultation is open (submitter, content and channel, required by the form), numbered
 * in order, with who registered it and when (server's).
 * The task comes back after each registration (the loop inside SubProcess_Consultation) until the
 * consultation timer Event_ConsultationClosed interrupts it: the register closes with the period,
 * never earlier and not later.
 */
@Component("opinionRegistration")
public class OpinionRegistration implements TaskListener {

  private final StaffMembership staff;

  public OpinionRegistration(StaffMembership staff) {
    this.staff = staff;
  }

  @Override
  public void notify(DelegateTask task) {
    List<Map<String, Object>> register = PublicOpinions.read(task.getVariable(PublicOpinions.REGISTER));
    Map<String, Object> opinion = new LinkedHashMap<>();
    opinion.put("no", register.size() + 1);
    opinion.put("submitter", task.getVariable("opinionSubmitter").toString());
    opinion.put("content", task.getVariable("opinionContent").toString());
    opinion.put("channel", task.getVariable("opinionChannel").toString());
    opinion.put("registeredBy", staff.doer(task).orElse(null));
    opinion.put("registeredAt", EngineClock.now().toInstant().toString());
    register.add(opinion);
    task.getExecution().getProcessInstance().setVariable(PublicOpinions.REGISTER, PublicOpinions.json(register));
    MajorDecisionModel.OPINIONS_RECEIVED.set(task.getExecution().getProcessInstance(), (long) register.size());
  }
}
