package cn.gov.enforcement.casework;

import cn.gov.enforcement.platform.ProcessVariable;

/**
 * 撤销已归档案件的处罚决定 ({@code processes/case-revocation.bpmn}): the element ids and process variables that Java code and
 * tests use, declared once (architecture.md "Engine conventions"). {@code ProcessModelDeclarationsTest}
 * checks every id against the BPMN and every variable against the model's forms, so a renamed
 * element or form field fails the build, not a case at run time.
 */
public final class CaseRevocationModel {

  public static final String PROCESS_KEY = "case-revocation";
  /** Revoking the decision of an archived case starts this process (PUB-05). */
  public static final String MESSAGE_CASE_DECISION_REVOKED = "CaseDecisionRevoked";

  // ---- element ids ----------------------------------------------------------------------

  /** 已通知 */
  public static final String EVENT_REVOCATION_HANDLED = "Event_RevocationHandled";
  /** 通知公示撤下 */
  public static final String TASK_NOTIFY_DISCLOSURE = "Task_NotifyDisclosure";
  /** 登记撤销情况 */
  public static final String TASK_RECORD_REVOCATION = "Task_RecordRevocation";

  // ---- process variables ----------------------------------------------------------------

  public static final ProcessVariable<String> CASE_NUMBER = ProcessVariable.string("caseNumber");

  private CaseRevocationModel() {}
}
