package cn.gov.enforcement.recording;

import cn.gov.enforcement.platform.ProcessVariable;

/**
 * 音像记录查阅 ({@code processes/recording-access.bpmn}): the element ids and process variables that Java code and
 * tests use, declared once (architecture.md "Engine conventions"). {@code ProcessModelDeclarationsTest}
 * checks every id against the BPMN and every variable against the model's forms, so a renamed
 * element or form field fails the build, not a case at run time.
 */
public final class RecordingAccessModel {

  public static final String PROCESS_KEY = "recording-access";

  // ---- element ids ----------------------------------------------------------------------

  /** 已授权 */
  public static final String EVENT_ACCESS_GRANTED = "Event_AccessGranted";
  /** 不予批准 */
  public static final String EVENT_ACCESS_REJECTED = "Event_AccessRejected";
  /** 局长审批调取申请 */
  public static final String TASK_APPROVE_BY_DIRECTOR = "Task_ApproveByDirector";
  /** 科室负责人审批查阅申请 */
  public static final String TASK_APPROVE_BY_SECTION_HEAD = "Task_ApproveBySectionHead";
  /** 授予限期调取权限 */
  public static final String TASK_GRANT_ACCESS = "Task_GrantAccess";
  /** 记录不予批准 */
  public static final String TASK_RECORD_REJECTION = "Task_RecordRejection";
  /** 选择音像资料 */
  public static final String TASK_SELECT_RECORDINGS = "Task_SelectRecordings";
  /** 法规科审核并提供复议诉讼材料 */
  public static final String TASK_SUPPLY_BY_LEGAL_UNIT = "Task_SupplyByLegalUnit";

  // ---- process variables ---------------------------------------------------------------

  public static final ProcessVariable<String> APPROVAL_OPINION = ProcessVariable.string("approvalOpinion");
  public static final ProcessVariable<String> APPROVER_GROUP = ProcessVariable.string("approverGroup");
  public static final ProcessVariable<Object> AVAILABLE_RECORDINGS = ProcessVariable.any("availableRecordings");
  public static final ProcessVariable<String> CASE_NUMBER = ProcessVariable.string("caseNumber");
  @ProcessVariable.OutsideModel
  public static final ProcessVariable<Boolean> CONFIDENTIAL_INCLUDED = ProcessVariable.bool("confidentialIncluded");
  public static final ProcessVariable<Boolean> COPY_KEPT = ProcessVariable.bool("copyKept");
  @ProcessVariable.OutsideModel
  public static final ProcessVariable<String> EXCLUDED_RECORDING_IDS = ProcessVariable.string("excludedRecordingIds");
  @ProcessVariable.OutsideModel
  public static final ProcessVariable<Object> GRANT_EXPIRES_AT = ProcessVariable.any("grantExpiresAt");
  @ProcessVariable.OutsideModel
  public static final ProcessVariable<String> GRANT_RECORDING_IDS = ProcessVariable.string("grantRecordingIds");
  public static final ProcessVariable<String> PURPOSE = ProcessVariable.string("purpose");
  public static final ProcessVariable<String> REASON = ProcessVariable.string("reason");
  public static final ProcessVariable<Object> RECORDING_IDS = ProcessVariable.any("recordingIds");
  public static final ProcessVariable<String> REQUEST_SUMMARY = ProcessVariable.string("requestSummary");
  public static final ProcessVariable<String> REQUESTER = ProcessVariable.string("requester");
  public static final ProcessVariable<String> REQUESTING_PARTY = ProcessVariable.string("requestingParty");

  private RecordingAccessModel() {}
}
