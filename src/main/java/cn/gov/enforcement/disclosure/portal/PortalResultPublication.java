package cn.gov.enforcement.disclosure.portal;

import cn.gov.enforcement.calendar.BeijingTime;
import cn.gov.enforcement.disclosure.DisclosureModel;
import cn.gov.enforcement.disclosure.DisclosureRules;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import cn.gov.enforcement.platform.EngineClock;
import org.springframework.stereotype.Component;

/**
 * {@code disclosure} Task_PublishResult, on complete (PUB-02): the records office publishes, after
 * the legal unit approved the content (PUB-01), so the result appears on the portal now with the
 * structured items of its kind; the party is masked when a natural person (PUB-07) and any typed
 * identity number is removed. It stays visible until the PUB-04 period ends
 * ({@link DisclosureRules#withdrawalDue}, the same moment as the withdrawal timer).
 */
@Component("portalResultPublication")
public class PortalResultPublication implements TaskListener {

  /** The items of PUB-02 per kind of disclosure, as variable → label on the portal. */
  static final Map<String, List<String[]>> ITEMS = Map.of(
      "PENALTY", List.of(new String[] {"resultFacts", "违法事实"}, new String[] {"resultBasis", "处罚依据"},
          new String[] {"resultOutcome", "处罚结果"}),
      "LICENSING", List.of(new String[] {"resultFacts", "许可事项"}, new String[] {"resultBasis", "许可依据"},
          new String[] {"resultOutcome", "许可结果"}),
      "COERCION", List.of(new String[] {"coercionMeasure", "强制措施"}, new String[] {"coercionManner", "实施方式"},
          new String[] {"resultOutcome", "强制结果"}),
      "INSPECTION", List.of(new String[] {"inspectionObject", "检查对象"}, new String[] {"resultBasis", "检查依据"},
          new String[] {"inspectionManner", "检查方式"}, new String[] {"inspectionTime", "检查时间"},
          new String[] {"inspectionItems", "检查事项"}, new String[] {"inspectionProblems", "发现的问题"},
          new String[] {"inspectionRectification", "整改情况"}),
      "DECISION_CONSULTATION", List.<String[]>of(new String[] {"disclosureContent", "公示内容"}));

  private final PortalStore store;
  private final DisclosureRules rules;

  public PortalResultPublication(PortalStore store, DisclosureRules rules) {
    this.store = store;
    this.rules = rules;
  }

  @Override
  public void notify(DelegateTask task) {
    String type = String.valueOf(DisclosureModel.DISCLOSURE_TYPE.get(task));
    String partyName = string(DisclosureModel.PARTY_NAME.get(task));
    String partyType = string(DisclosureModel.PARTY_TYPE.get(task));
    Map<String, String> items = new LinkedHashMap<>();
    for (String[] item : ITEMS.getOrDefault(type, List.of())) {
      Object value = task.getVariable(item[0]);
      if (value == null && "disclosureContent".equals(item[0])) {
        value = DisclosureModel.DISCLOSURE_SUMMARY.get(task); // the opinion-handling text of DEC-06
      }
      if (value != null && !value.toString().isBlank()) {
        items.put(item[1], PortalMasking.text(value.toString(), partyName, partyType));
      }
    }
    String today = BeijingTime.dayOf(EngineClock.now()).toString();
    store.publishResult(task.getProcessInstanceId(), task.getExecution().getProcessBusinessKey(), type,
        PortalMasking.text(string(DisclosureModel.DECISION_NUMBER.get(task)), partyName, partyType),
        PortalMasking.party(partyName, partyType), partyType, day(DisclosureModel.DECIDED_ON.get(task)), items,
        rules.withdrawalDue(today, partyType).toInstant());
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
