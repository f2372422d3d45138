package cn.gov.enforcement.forms;

import cn.gov.enforcement.identity.BureauGroup;
import cn.gov.enforcement.identity.CertifiedOfficers;
import cn.gov.enforcement.identity.StaffMembership;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * {@code assistedOfficerCheck} (AUX-02, issue 14 item 12), on every task that auxiliary staff may
 * do:
 * <ul>
 *   <li>{@code create}: the pick list {@code assistedOfficerOptions} (task-local) — the case's
 *       investigators where the process has them, else every certified officer. Nobody types a
 *       name;</li>
 *   <li>{@code complete}: when the doer is auxiliary staff, {@value #FIELD} is required and must be
 *       one of those officers (400 naming the field otherwise); the server records
 *       {@code assistedBy} (the auxiliary, server-stamped) beside it, and the officer is told by a
 *       task of their own in Tasklist (辅助人员代办告知), assigned to them, which they close once they
 *       have looked at the work. An officer doing the task needs neither.</li>
 * </ul>
 * Why a task and not a note: a variable on the case is seen only by someone who opens the case;
 * the officer answers for the auxiliary's work (YH 办法 第九条) and must learn of it.
 */
@Component("assistedOfficerCheck")
public class AssistedOfficerCheck implements TaskListener {

  public static final String FIELD = "assistedOfficer";
  static final String OPTIONS = "assistedOfficerOptions";
  static final String ASSISTED_BY = "assistedBy";
  /** A local variable marking the notice tasks (value AUX-02), so tests and a Tasklist filter find them. */
  public static final String NOTICE_RULE = "noticeRule";

  private final StaffMembership staff;
  private final CertifiedOfficers certifiedOfficers;
  private final IdentityService identityService;

  public AssistedOfficerCheck(StaffMembership staff, CertifiedOfficers certifiedOfficers, IdentityService identityService) {
    this.staff = staff;
    this.certifiedOfficers = certifiedOfficers;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.setVariableLocal(OPTIONS, SpinValues.jsonValue(Spin.JSON(staff.withoutAuthorization(() -> options(task)))).create());
      // an earlier step's pick must neither answer for this one nor show as this form's preset
      // (the history keeps it, and the officer was told then)
      task.getExecution().removeVariable(FIELD);
      return;
    }
    String doer = staff.doer(task).orElse(null);
    if (doer == null || !staff.isMember(doer, BureauGroup.AUXILIARY_STAFF)) {
      return;
    }
    Object picked = task.getVariable(FIELD);
    Set<String> allowed = new LinkedHashSet<>();
    staff.withoutAuthorization(() -> options(task)).forEach(option -> allowed.add(option.get("value")));
    if (picked == null || !allowed.contains(picked.toString().trim())) {
      throw new FormValidationException(null, List.of(FormViolation.rule("AUX-02", FIELD,
          "辅助人员办理此任务须在字段 " + FIELD + " 选择所协助的本案持证执法人员" + (picked == null ? "" : "（" + picked + " 不在可选范围内）"),
          "auxiliary staff must pick in field " + FIELD + " the certified officer of the case they assist")));
    }
    String officer = picked.toString().trim();
    task.getExecution().setVariable(FIELD, officer);
    task.getExecution().setVariable(ASSISTED_BY, doer);
    notice(task, doer, officer);
  }

  private List<Map<String, String>> options(DelegateTask task) {
    List<Map<String, String>> options = new ArrayList<>();
    Object investigators = task.getVariable("investigators");
    List<String> ids = new ArrayList<>();
    if (investigators != null && !investigators.toString().isBlank()) {
      ids.addAll(Arrays.stream(investigators.toString().replaceAll("[\\[\\]\"]", "").split("[,，;；\\s]+"))
          .filter(s -> !s.isBlank()).toList());
    } else {
      identityService.createUserQuery().orderByUserId().asc().list().forEach(user -> ids.add(user.getId()));
    }
    for (String id : ids) {
      if (certifiedOfficers.isCertified(id)) {
        User user = identityService.createUserQuery().userId(id).singleResult();
        String name = user == null ? "" : ((user.getLastName() == null ? "" : user.getLastName()) + (user.getFirstName() == null ? "" : user.getFirstName())).trim();
        Map<String, String> option = new LinkedHashMap<>();
        option.put("label", (name.isEmpty() ? id : name) + "（" + id + "，执法证 " + certifiedOfficers.certificateNumber(id).orElse("") + "）");
        option.put("value", id);
        options.add(option);
      }
    }
    return options;
  }

  private void notice(DelegateTask task, String auxiliary, String officer) {
    TaskService tasks = task.getProcessEngineServices().getTaskService();
    staff.withoutAuthorization(() -> {
      Task notice = tasks.newTask();
      notice.setName("辅助人员代办告知：" + task.getName());
      notice.setDescription("辅助人员 " + auxiliary + " 协助您办理了「" + task.getName() + "」（业务编号 "
          + task.getExecution().getProcessBusinessKey() + "），请核阅后办结。 / auxiliary " + auxiliary
          + " completed this step under your name (AUX-02); review it, then complete this notice.");
      notice.setAssignee(officer);
      notice.setOwner(auxiliary);
      notice.setTenantId(task.getTenantId());
      tasks.saveTask(notice);
      tasks.setVariableLocal(notice.getId(), "assistedProcessInstanceId", task.getProcessInstanceId());
      tasks.setVariableLocal(notice.getId(), "assistedTaskName", task.getName());
      tasks.setVariableLocal(notice.getId(), NOTICE_RULE, "AUX-02");
      return notice;
    });
  }
}
