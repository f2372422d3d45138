package cn.gov.enforcement.decision;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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

  static final String DISCLOSURE = "disclosure";
  static final String TYPE = "DECISION_CONSULTATION";

  @Override
  public void execute(DelegateExecution execution) {
    List<Map<String, Object>> handling = PublicOpinions.read(execution.getVariable(PublicOpinions.HANDLING));
    StringBuilder text = new StringBuilder("重大行政决策草案《").append(execution.getVariable("title"))
        .append("》公开征求意见情况：共收到意见 ").append(execution.getVariable("opinionsReceived"))
        .append(" 条，采纳 ").append(execution.getVariable("opinionsAdopted")).append(" 条。");
    for (Map<String, Object> opinion : handling) {
      text.append("\n").append(opinion.get("no")).append(". ").append(opinion.get("content")).append(" —— ")
          .append(Boolean.TRUE.equals(opinion.get("adopted")) ? "采纳" : "不予采纳，理由：" + opinion.get("notAdoptedReason"));
    }
    String businessKey = execution.getProcessBusinessKey();
    Object lead = execution.getVariable("leadUnit");
    ProcessInstance disclosure = execution.getProcessEngineServices().getRuntimeService()
        .startProcessInstanceByKey(DISCLOSURE, businessKey, Variables.createVariables()
            .putValue("disclosureType", TYPE)
            .putValue("caseNumber", businessKey)
            .putValue("decisionNumber", businessKey)
            .putValue("decidedOn", execution.getVariable("handlingPublishedOn"))
            .putValue("partyName", lead == null ? "永兴县城市管理和综合执法局" : lead.toString())
            .putValue("partyType", "LEGAL_PERSON")
            .putValue("disclosureSummary", text.toString()));
    execution.setVariable("opinionDisclosureId", disclosure.getId());
  }
}
