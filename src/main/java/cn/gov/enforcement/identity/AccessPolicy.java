package cn.gov.enforcement.identity;

import static cn.gov.enforcement.identity.BureauGroup.*;
import static org.camunda.bpm.engine.authorization.Permissions.*;
import static org.camunda.bpm.engine.authorization.Resources.*;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * Who may do what, in one table, so an auditor reads it in one place. Tasks are not listed:
 * the engine grants a task to its candidate groups when the task is created, so a user completes
 * only the tasks of their own groups (managers also read the others, {@link #UNIT_MANAGERS}), and auxiliary staff only the clerical tasks
 * that models give to {@code auxiliary-staff} (AUX-01, AUX-02).
 */
public final class AccessPolicy {

  private AccessPolicy() {}

  /** A grant of permissions on one resource (or {@code *}) to one group. */
  public record Grant(BureauGroup group, Resource resource, String resourceId, Set<Permission> permissions) {}

  /** Who may start which procedure from Tasklist or REST; the rest are started by other procedures or the system. */
  static final Map<String, List<BureauGroup>> STARTERS = Map.of(
      "major-decision", List.of(DIRECTOR, DEPUTY_DIRECTOR, SECTION_HEAD, RECORDS_OFFICE),
      "legal-review", List.of(LEGAL_AFFAIRS, SECTION_HEAD),
      "document-service", List.of(ENFORCEMENT_OFFICER, SECTION_HEAD, LEGAL_AFFAIRS),
      // auxiliary staff take complaints and hotline calls (AUX-02); filing needs an officer and approval
      "enforcement-case", List.of(ENFORCEMENT_OFFICER, SECTION_HEAD, AUXILIARY_STAFF),
      "recording-access", List.of(ENFORCEMENT_OFFICER, SECTION_HEAD, LEGAL_AFFAIRS, DIRECTOR, DEPUTY_DIRECTOR, SUPERVISOR),
      "disclosure", List.of(LEGAL_AFFAIRS),
      // a revocation reported after the case was archived (issue #16): the legal unit records it
      "case-revocation", List.of(LEGAL_AFFAIRS),
      // 事前公开 content (PUB-06): drafted by the legal unit or the office, reviewed by the legal unit
      "advance-disclosure", List.of(LEGAL_AFFAIRS, RECORDS_OFFICE));

  /**
   * Managers who watch Cockpit: read running and finished procedures, change nothing. Open tasks
   * stay visible only to their candidate groups (and the supervisor), so a manager's task list is
   * their own work, not everybody's.
   */
  static final List<BureauGroup> COCKPIT_READERS = List.of(DIRECTOR, DEPUTY_DIRECTOR, SECTION_HEAD, SUPERVISOR, LEGAL_AFFAIRS);

  /**
   * Who sees the unit's open tasks read-only (issue 16). The bureau is one unit: its sections share
   * the groups of contract.md, so a section head's unit is every task of the bureau as well.
   */
  public static final List<BureauGroup> UNIT_MANAGERS = List.of(DIRECTOR, DEPUTY_DIRECTOR, SECTION_HEAD, SUPERVISOR);

  public static List<Grant> grants() {
    List<Grant> grants = new java.util.ArrayList<>();
    for (BureauGroup group : BureauGroup.values()) {
      if (!group.isStaff()) {
        continue;
      }
      grants.add(new Grant(group, APPLICATION, "tasklist", Set.of(ACCESS)));
      // Tasklist names a task's candidate groups and assignee: with READ on groups and users it shows
      // 科室负责人 and 张 执法员 instead of the ids section-head and officer1 (issue 16)
      grants.add(new Grant(group, GROUP, ANY_ID, Set.of(READ)));
      grants.add(new Grant(group, USER, ANY_ID, Set.of(READ)));
      // start forms are listed for definitions the user may read
      grants.add(new Grant(group, PROCESS_DEFINITION, ANY_ID, Set.of(ProcessDefinitionPermissions.READ)));
    }
    STARTERS.forEach((key, groups) -> groups.forEach(group -> {
      grants.add(new Grant(group, PROCESS_DEFINITION, key,
          Set.of(ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE)));
      grants.add(new Grant(group, PROCESS_INSTANCE, ANY_ID, Set.of(CREATE)));
    }));
    for (BureauGroup group : COCKPIT_READERS) {
      grants.add(new Grant(group, APPLICATION, "cockpit", Set.of(ACCESS)));
      grants.add(new Grant(group, PROCESS_DEFINITION, ANY_ID, Set.of(ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY)));
      grants.add(new Grant(group, PROCESS_INSTANCE, ANY_ID, Set.of(READ)));
      grants.add(new Grant(group, DECISION_DEFINITION, ANY_ID, Set.of(READ, READ_HISTORY)));
      grants.add(new Grant(group, DECISION_REQUIREMENTS_DEFINITION, ANY_ID, Set.of(READ)));
      grants.add(new Grant(group, DEPLOYMENT, ANY_ID, Set.of(READ)));
    }
    // managers and the supervisor (督察) watch every open task of the bureau (the unit), in Tasklist
    // (filters 本单位…) and in Cockpit (人工任务, deadline board), and complete none of them: READ_TASK
    // only, no UPDATE_TASK / TASK_WORK / TASK_ASSIGN — their own tasks come from their candidate groups
    for (BureauGroup group : UNIT_MANAGERS) {
      grants.add(new Grant(group, PROCESS_DEFINITION, ANY_ID, Set.of(ProcessDefinitionPermissions.READ_TASK)));
      // Cockpit's 人工任务 (and its per-group counts) asks for READ on all tasks, not per definition
      grants.add(new Grant(group, TASK, ANY_ID, Set.of(READ)));
    }
    // rule owners keep the DMN tables: they deploy them (the gate admits decisions only) and see
    // how they decided in Cockpit
    grants.add(new Grant(RULE_OWNER, APPLICATION, "cockpit", Set.of(ACCESS)));
    grants.add(new Grant(RULE_OWNER, DEPLOYMENT, ANY_ID, Set.of(READ, CREATE)));
    grants.add(new Grant(RULE_OWNER, DECISION_DEFINITION, ANY_ID, Set.of(READ, READ_HISTORY, CREATE_INSTANCE)));
    grants.add(new Grant(RULE_OWNER, DECISION_REQUIREMENTS_DEFINITION, ANY_ID, Set.of(READ)));
    return grants;
  }

  private static final String ANY_ID = "*";
}
