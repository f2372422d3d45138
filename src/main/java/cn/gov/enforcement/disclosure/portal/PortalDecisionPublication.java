package cn.gov.enforcement.disclosure.portal;

import cn.gov.enforcement.calendar.BeijingTime;
import cn.gov.enforcement.decision.MajorDecisionModel;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code major-decision} Task_PublishResult, on complete (DEC-15): the decided matter appears in the
 * portal's list of published major decisions, with its catalogue item (DEC-18) when it has one. A
 * confidential matter never reaches this task ({@code Gateway_PublishResult}); the flag is stored
 * anyway so the portal's query refuses it as a second wall.
 */
@Component("portalDecisionPublication")
public class PortalDecisionPublication implements TaskListener {

  static final Map<String, String> OUTCOMES = Map.of("APPROVE", "通过", "REJECT", "不通过", "MODIFY", "修改后通过",
      "DEFER", "暂缓");

  private final PortalStore store;

  public PortalDecisionPublication(PortalStore store) {
    this.store = store;
  }

  @Override
  public void notify(DelegateTask task) {
    Object outcome = MajorDecisionModel.DELIBERATION_OUTCOME.get(task);
    store.publishDecision(task.getProcessInstanceId(), string(MajorDecisionModel.TITLE.get(task)), string(MajorDecisionModel.CATEGORY.get(task)),
        string(MajorDecisionModel.LEAD_UNIT.get(task)), string(MajorDecisionModel.CATALOGUE_ITEM_NO.get(task)), day(MajorDecisionModel.DECISION_DATE.get(task)),
        outcome == null ? "" : OUTCOMES.getOrDefault(outcome.toString(), ""), string(MajorDecisionModel.RESULT_PUBLICATION_CHANNEL.get(task)),
        Boolean.TRUE.equals(MajorDecisionModel.CONFIDENTIAL.get(task)));
  }

  private static String day(Object value) {
    if (value instanceof Date date) {
      return BeijingTime.dayOf(date).toString();
    }
    String text = string(value);
    return text.length() >= 10 ? text.substring(0, 10) : text;
  }

  private static String string(Object value) {
    return value == null ? "" : value.toString();
  }
}
