package cn.gov.enforcement.casework;

import cn.gov.enforcement.platform.ProcessVariable;

/**
 * 行政执法案件 ({@code processes/enforcement-case.bpmn}): the element ids and process variables that Java code and
 * tests use, declared once (architecture.md "Engine conventions"). {@code ProcessModelDeclarationsTest}
 * checks every id against the BPMN and every variable against the model's forms, so a renamed
 * element or form field fails the build, not a case at run time.
 */
public final class EnforcementCaseModel {

  public static final String PROCESS_KEY = "enforcement-case";
  /** The revocation of an ended case reaches the running case (PUB-05). */
  public static final String MESSAGE_CASE_DECISION_REVOKED = "CaseDecisionRevoked";

  // ---- element ids ----------------------------------------------------------------------

  /** 法制审核 */
  public static final String CALL_ACTIVITY_LEGAL_REVIEW = "CallActivity_LegalReview";
  /** 送达处理决定书 */
  public static final String CALL_ACTIVITY_SERVE_DECISION = "CallActivity_ServeDecision";
  /** 已归档 */
  public static final String EVENT_CASE_ARCHIVED = "Event_CaseArchived";
  /** 立案满75日 */
  public static final String EVENT_DECISION_WARNING_DUE = "Event_DecisionWarningDue";
  /** 公示已另行启动 */
  public static final String EVENT_DISCLOSURE_STARTED = "Event_DisclosureStarted";
  /** 申请期满 */
  public static final String EVENT_HEARING_REQUEST_PERIOD_OVER = "Event_HearingRequestPeriodOver";
  /** 不予立案 */
  public static final String EVENT_NOT_FILED = "Event_NotFiled";
  /** 已上传 */
  public static final String EVENT_RECORDING_ON_TIME = "Event_RecordingOnTime";
  /** 已通知 */
  public static final String EVENT_REVOCATION_HANDLED = "Event_RevocationHandled";
  /** 上传期限届满 */
  public static final String EVENT_UPLOAD_DEADLINE = "Event_UploadDeadline";
  /** 催告后履行? */
  public static final String GATEWAY_COMPLIED_AFTER_REMINDER = "Gateway_CompliedAfterReminder";
  /** 强制执行方式? */
  public static final String GATEWAY_ENFORCEMENT_ROUTE = "Gateway_EnforcementRoute";
  /** 音像资料上传核查 */
  public static final String SUB_PROCESS_UPLOAD_CHECK = "SubProcess_UploadCheck";
  /** 申请人民法院强制执行 */
  public static final String TASK_APPLY_TO_COURT = "Task_ApplyToCourt";
  /** 负责人审批决定 */
  public static final String TASK_APPROVE_DECISION = "Task_ApproveDecision";
  /** 立案审批 */
  public static final String TASK_APPROVE_FILING = "Task_ApproveFiling";
  /** 立卷归档 */
  public static final String TASK_ARCHIVE_CASE = "Task_ArchiveCase";
  /** 指派调查人员 */
  public static final String TASK_ASSIGN_INVESTIGATORS = "Task_AssignInvestigators";
  /** 督促履行 */
  public static final String TASK_CHECK_COMPLIANCE = "Task_CheckCompliance";
  /** 结案 */
  public static final String TASK_CLOSE_CASE = "Task_CloseCase";
  /** 集体讨论 */
  public static final String TASK_COLLECTIVE_DISCUSSION = "Task_CollectiveDiscussion";
  /** 确定音像记录要求 */
  public static final String TASK_DECIDE_ACTIVITY_RECORDING = "Task_DecideActivityRecording";
  /** 作出强制执行决定 */
  public static final String TASK_DECIDE_COMPULSORY_EXECUTION = "Task_DecideCompulsoryExecution";
  /** 确定热线录音要求 */
  public static final String TASK_DECIDE_HOTLINE_RECORDING = "Task_DecideHotlineRecording";
  /** 判断是否须法制审核 */
  public static final String TASK_DECIDE_LEGAL_REVIEW = "Task_DecideLegalReview";
  /** 先行登记保存处理决定 */
  public static final String TASK_DECIDE_PRESERVED_EVIDENCE = "Task_DecidePreservedEvidence";
  /** 拟定处理决定 */
  public static final String TASK_DRAFT_DECISION = "Task_DraftDecision";
  /** 举行听证 */
  public static final String TASK_HOLD_HEARING = "Task_HoldHearing";
  /** 催告 */
  public static final String TASK_ISSUE_REMINDER = "Task_IssueReminder";
  /** 通知公示撤下 */
  public static final String TASK_NOTIFY_DISCLOSURE = "Task_NotifyDisclosure";
  /** 送达听证通知 */
  public static final String TASK_NOTIFY_HEARING = "Task_NotifyHearing";
  /** 行政处罚事先告知 */
  public static final String TASK_NOTIFY_RIGHTS = "Task_NotifyRights";
  /** 立案登记 */
  public static final String TASK_OPEN_CASE = "Task_OpenCase";
  /** 确定调查取证活动 */
  public static final String TASK_PLAN_ACTIVITY = "Task_PlanActivity";
  /** 立案审查 */
  public static final String TASK_PROPOSE_FILING = "Task_ProposeFiling";
  /** 记录调查取证活动 */
  public static final String TASK_RECORD_ACTIVITY = "Task_RecordActivity";
  /** 登记陈述申辩与听证申请 */
  public static final String TASK_RECORD_PARTY_RESPONSE = "Task_RecordPartyResponse";
  /** 登记催告后履行情况 */
  public static final String TASK_RECORD_REMINDER_RESULT = "Task_RecordReminderResult";
  /** 登记撤销情况 */
  public static final String TASK_RECORD_REVOCATION = "Task_RecordRevocation";
  /** 审阅免录像工作记录 */
  public static final String TASK_REVIEW_EXEMPTION_RECORD = "Task_ReviewExemptionRecord";
  /** 安排听证 */
  public static final String TASK_SCHEDULE_HEARING = "Task_ScheduleHearing";
  /** 启动行政执法公示 */
  public static final String TASK_START_DISCLOSURE = "Task_StartDisclosure";
  /** 办案期限预警 */
  public static final String TASK_WARN_DECISION_DEADLINE = "Task_WarnDecisionDeadline";
  /** 音像资料未按时上传预警 */
  public static final String TASK_WARN_MISSING_RECORDING = "Task_WarnMissingRecording";

  // ---- process variables ----------------------------------------------------------------

  public static final ProcessVariable<Object> ACTIVITY_OFFICERS = ProcessVariable.any("activityOfficers");
  public static final ProcessVariable<Object> ACTIVITY_RECORDING_IDS = ProcessVariable.any("activityRecordingIds");
  public static final ProcessVariable<Object> ASSISTANT_OPTIONS = ProcessVariable.any("assistantOptions");
  public static final ProcessVariable<Object> ASSISTANTS = ProcessVariable.any("assistants");
  public static final ProcessVariable<String> CASE_NUMBER = ProcessVariable.string("caseNumber");
  public static final ProcessVariable<String> CAUSE = ProcessVariable.string("cause");
  public static final ProcessVariable<String> DECISION_DATE = ProcessVariable.string("decisionDate");
  public static final ProcessVariable<String> DECISION_NUMBER = ProcessVariable.string("decisionNumber");
  public static final ProcessVariable<String> DECISION_SUMMARY = ProcessVariable.string("decisionSummary");
  @ProcessVariable.OutsideModel
  public static final ProcessVariable<String> DISCLOSURE_INSTANCE_ID = ProcessVariable.string("disclosureInstanceId");
  @ProcessVariable.OutsideModel
  public static final ProcessVariable<Number> DISCLOSURES_NOTIFIED = ProcessVariable.number("disclosuresNotified");
  public static final ProcessVariable<String> EXEMPTION_BASIS = ProcessVariable.string("exemptionBasis");
  public static final ProcessVariable<String> EXEMPTION_REASON = ProcessVariable.string("exemptionReason");
  public static final ProcessVariable<String> FILED_ON = ProcessVariable.string("filedOn");
  public static final ProcessVariable<String> HEARING_DATE = ProcessVariable.string("hearingDate");
  public static final ProcessVariable<String> HEARING_OFFICER = ProcessVariable.string("hearingOfficer");
  public static final ProcessVariable<Boolean> HEARING_REQUESTED = ProcessVariable.bool("hearingRequested");
  public static final ProcessVariable<Boolean> HEARING_RIGHT_GRANTED = ProcessVariable.bool("hearingRightGranted");
  public static final ProcessVariable<String> HEARING_WAIVER_DOCUMENT = ProcessVariable.string("hearingWaiverDocument");
  public static final ProcessVariable<String> HEARING_WAIVER_RECEIVED_ON = ProcessVariable.string("hearingWaiverReceivedOn");
  @ProcessVariable.OutsideModel
  public static final ProcessVariable<String> HEARING_WAIVER_RECORDED_BY = ProcessVariable.string("hearingWaiverRecordedBy");
  public static final ProcessVariable<Object> INVESTIGATORS = ProcessVariable.any("investigators");
  public static final ProcessVariable<String> LEGAL_BASIS = ProcessVariable.string("legalBasis");
  public static final ProcessVariable<Boolean> MORE_ACTIVITIES = ProcessVariable.bool("moreActivities");
  public static final ProcessVariable<Boolean> NOTIFY_PARTY = ProcessVariable.bool("notifyParty");
  public static final ProcessVariable<Object> OFFICER_OPTIONS = ProcessVariable.any("officerOptions");
  public static final ProcessVariable<String> PARTY_NAME = ProcessVariable.string("partyName");
  public static final ProcessVariable<String> PARTY_TYPE = ProcessVariable.string("partyType");
  public static final ProcessVariable<String> PENALTY_CONTENT = ProcessVariable.string("penaltyContent");
  public static final ProcessVariable<Boolean> RECORDING_NOTICE_GIVEN = ProcessVariable.bool("recordingNoticeGiven");
  public static final ProcessVariable<String> REVOCATION_EXPLANATION = ProcessVariable.string("revocationExplanation");
  public static final ProcessVariable<String> REVOCATION_TYPE = ProcessVariable.string("revocationType");
  public static final ProcessVariable<String> REVOKED_ON = ProcessVariable.string("revokedOn");
  public static final ProcessVariable<String> RIGHTS_NOTICE_SERVED_ON = ProcessVariable.string("rightsNoticeServedOn");
  public static final ProcessVariable<Boolean> WRITTEN_RECORD_REQUIRED = ProcessVariable.bool("writtenRecordRequired");

  private EnforcementCaseModel() {}
}
