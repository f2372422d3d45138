package cn.gov.enforcement.decision;

import cn.gov.enforcement.disclosure.DisclosureModel;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Task_PublishOpinionHandling (DEC-06): the opinions and how each was handled (采纳情况及理由) are
 * published through the bureau's publication path, a {@code disclosure} instance of type
 * {@code DECISION_CONSULTATION} (content prepared by the records office, reviewed by the legal unit,
 * then published and later withdrawn, PUB-01..PUB-04). It is started, not called: a publication
 * stays up for years, the decision procedure goes on meanwhile. The text names no submitter (the
 * register keeps them; natural persons' names are not published). The instance id is kept as
 * {@code opinionDisclosureId}.
 */
@Component("opinionHandlingPublication")
public class OpinionHandlingPublication implements JavaDelegate {

  static final String TYPE = "DECISION_CONSULTATION";

  @Override
  public void execute(DelegateExecution execution) {
    List<Map<String, Object>> handling = PublicOpinions.read(execution.getVariable(PublicOpinions.HANDLING));
    StringBuilder text = new StringBuilder("重大行政决策草案《").append(MajorDecisionModel.TITLE.get(execution))
        .append("》公开征求意见情况：共收到意见 ").append(MajorDecisionModel.OPINIONS_RECEIVED.get(execution))
        .append(" 条，采纳 ").append(MajorDecisionModel.OPINIONS_ADOPTED.get(execution)).append(" 条。");
    for (Map<String, Object> opinion : handling) {
      text.append("\n").append(opinion.get("no")).append(". ").append(opinion.get("content")).append(" —— ")
          .append(Boolean.TRUE.equals(opinion.get("adopted")) ? "采纳" : "不予采纳，理由：" + opinion.get("notAdoptedReason"));
    }
    String businessKey = execution.getProcessBusinessKey();
    Object lead = MajorDecisionModel.LEAD_UNIT.get(execution);
    VariableMap variables = Variables.createVariables();
    DisclosureModel.DISCLOSURE_TYPE.put(variables, TYPE);
    DisclosureModel.CASE_NUMBER.put(variables, businessKey);
    DisclosureModel.DECISION_NUMBER.put(variables, businessKey);
    DisclosureModel.DECIDED_ON.put(variables, MajorDecisionModel.HANDLING_PUBLISHED_ON.get(execution));
    DisclosureModel.PARTY_NAME.put(variables, lead == null ? "永兴县城市管理和综合执法局" : lead.toString());
    DisclosureModel.PARTY_TYPE.put(variables, "LEGAL_PERSON");
    DisclosureModel.DISCLOSURE_SUMMARY.put(variables, text.toString());
    ProcessInstance disclosure = execution.getProcessEngineServices().getRuntimeService()
        .startProcessInstanceByKey(DisclosureModel.PROCESS_KEY, businessKey, variables);
    MajorDecisionModel.OPINION_DISCLOSURE_ID.set(execution, disclosure.getId());
  }
}
