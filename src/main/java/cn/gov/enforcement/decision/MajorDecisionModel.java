package cn.gov.enforcement.decision;

import cn.gov.enforcement.platform.ProcessVariable;
import java.util.Date;

/**
 * 重大行政决策 ({@code processes/major-decision.bpmn}): the element ids and process variables that Java code and
 * tests use, declared once (architecture.md "Engine conventions"). {@code ProcessModelDeclarationsTest}
 * checks every id against the BPMN and every variable against the model's forms, so a renamed
 * element or form field fails the build, not a case at run time.
 */
public final class MajorDecisionModel {

  public static final String PROCESS_KEY = "major-decision";

  // ---- element ids ----------------------------------------------------------------------

  /** 合法性审查未通过，不提交审议 */
  public static final String EVENT_BLOCKED_BY_LEGAL_REVIEW = "Event_BlockedByLegalReview";
  /** 征求意见期满 */
  public static final String EVENT_CONSULTATION_CLOSED = "Event_ConsultationClosed";
  /** 决策不予通过 */
  public static final String EVENT_DECISION_REJECTED = "Event_DecisionRejected";
  /** 暂缓满 3 个月 */
  public static final String EVENT_DEFERRAL_EXPIRED = "Event_DeferralExpired";
  /** 督办完毕 */
  public static final String EVENT_ESCALATION_HANDLED = "Event_EscalationHandled";
  /** 退出重大决策程序 */
  public static final String EVENT_EXITED_PROCEDURE = "Event_ExitedProcedure";
  /** 上级未批准 */
  public static final String EVENT_HIGHER_APPROVAL_REFUSED = "Event_HigherApprovalRefused";
  /** 停止执行 */
  public static final String EVENT_IMPLEMENTATION_STOPPED = "Event_ImplementationStopped";
  /** 本期执行情况报告期届满 */
  public static final String EVENT_NEXT_REPORT_PERIOD = "Event_NextReportPeriod";
  /** 不予立项（记录理由） */
  public static final String EVENT_PROPOSAL_REJECTED = "Event_ProposalRejected";
  /** 逾期未公布 */
  public static final String EVENT_PUBLICATION_OVERDUE = "Event_PublicationOverdue";
  /** 结束跟踪监督 */
  public static final String EVENT_SUPERVISION_ENDED = "Event_SupervisionEnded";
  /** 审查决策建议并决定是否立项 */
  public static final String TASK_ADMIT_PROPOSAL = "Task_AdmitProposal";
  /** 指定听证主持人 */
  public static final String TASK_APPOINT_HEARING_CHAIR = "Task_AppointHearingChair";
  /** 确定听证参加人并安排送达 */
  public static final String TASK_CONFIRM_PARTICIPANTS = "Task_ConfirmParticipants";
  /** 决定继续、停止、暂缓执行或修订 */
  public static final String TASK_DECIDE_IMPLEMENTATION = "Task_DecideImplementation";
  /** 局长办公会集体讨论决定 */
  public static final String TASK_DELIBERATE = "Task_Deliberate";
  /** 判定是否听证 */
  public static final String TASK_DETERMINE_HEARING = "Task_DetermineHearing";
  /** 督办决策结果公布 */
  public static final String TASK_ESCALATE_PUBLICATION = "Task_EscalatePublication";
  /** 专家出具书面论证意见 */
  public static final String TASK_EXPERT_OPINION = "Task_ExpertOpinion";
  /** 归纳整理专家意见 */
  public static final String TASK_HANDLE_EXPERT_OPINION = "Task_HandleExpertOpinion";
  /** 公众意见分类处理并公布 */
  public static final String TASK_HANDLE_PUBLIC_OPINIONS = "Task_HandlePublicOpinions";
  /** 举行听证会 */
  public static final String TASK_HOLD_HEARING = "Task_HoldHearing";
  /** 合法性审查（法制审核） */
  public static final String TASK_LEGAL_REVIEW = "Task_LegalReview";
  /** 暂缓执行事项处理 */
  public static final String TASK_LIFT_SUSPENSION = "Task_LiftSuspension";
  /** 定期报告决策执行情况并评估 */
  public static final String TASK_MONITOR_IMPLEMENTATION = "Task_MonitorImplementation";
  /** 拟定听证方案 */
  public static final String TASK_PLAN_HEARING = "Task_PlanHearing";
  /** 准备局长办公会材料 */
  public static final String TASK_PREPARE_MEETING = "Task_PrepareMeeting";
  /** 公布决策草案征求意见 */
  public static final String TASK_PUBLISH_DRAFT = "Task_PublishDraft";
  /** 发布听证公告 */
  public static final String TASK_PUBLISH_HEARING_NOTICE = "Task_PublishHearingNotice";
  /** 公布意见采纳情况及理由（行政执法公示） */
  public static final String TASK_PUBLISH_OPINION_HANDLING = "Task_PublishOpinionHandling";
  /** 公布决策结果 */
  public static final String TASK_PUBLISH_RESULT = "Task_PublishResult";
  /** 报请上级批准并登记批复 */
  public static final String TASK_RECORD_HIGHER_APPROVAL = "Task_RecordHigherApproval";
  /** 登记征集意见 */
  public static final String TASK_REGISTER_OPINIONS = "Task_RegisterOpinions";
  /** 重新确定听证日期 */
  public static final String TASK_RESCHEDULE_HEARING = "Task_RescheduleHearing";
  /** 调查研究并起草决策方案 */
  public static final String TASK_RESEARCH_DRAFT = "Task_ResearchDraft";
  /** 暂缓事项重新提交审议 */
  public static final String TASK_RESUME_DEFERRED = "Task_ResumeDeferred";
  /** 分管副局长审核决策草案 */
  public static final String TASK_REVIEW_DRAFT = "Task_ReviewDraft";
  /** 修改完善决策草案 */
  public static final String TASK_REVISE_DRAFT = "Task_ReviseDraft";
  /** 遴选论证专家 */
  public static final String TASK_SELECT_EXPERTS = "Task_SelectExperts";
  /** 送达听证材料（文书送达） */
  public static final String TASK_SERVE_HEARING_MATERIALS = "Task_ServeHearingMaterials";

  // ---- process variables ----------------------------------------------------------------

  public static final ProcessVariable<Boolean> ADMITTED = ProcessVariable.bool("admitted");
  public static final ProcessVariable<String> CATALOGUE_ITEM_NO = ProcessVariable.string("catalogueItemNo");
  public static final ProcessVariable<String> CATALOGUE_ITEM_TITLE = ProcessVariable.string("catalogueItemTitle");
  public static final ProcessVariable<String> CATEGORY = ProcessVariable.string("category");
  public static final ProcessVariable<Boolean> CONFIDENTIAL = ProcessVariable.bool("confidential");
  public static final ProcessVariable<String> CONFIDENTIALITY_BASIS = ProcessVariable.string("confidentialityBasis");
  public static final ProcessVariable<String> DECISION_DATE = ProcessVariable.string("decisionDate");
  public static final ProcessVariable<String> DELIBERATION_DATE = ProcessVariable.string("deliberationDate");
  public static final ProcessVariable<String> DELIBERATION_OUTCOME = ProcessVariable.string("deliberationOutcome");
  public static final ProcessVariable<String> DIRECTOR_REASON = ProcessVariable.string("directorReason");
  public static final ProcessVariable<String> DISSENT = ProcessVariable.string("dissent");
  public static final ProcessVariable<Boolean> EXPERT_ADOPTED = ProcessVariable.bool("expertAdopted");
  @ProcessVariable.OutsideModel
  public static final ProcessVariable<String> EXPERT_INTERESTS = ProcessVariable.string("expertInterests");
  public static final ProcessVariable<String> EXPERT_NOT_ADOPTED_REASON = ProcessVariable.string("expertNotAdoptedReason");
  public static final ProcessVariable<String> EXPERT_OPINION = ProcessVariable.string("expertOpinion");
  public static final ProcessVariable<String> EXPERT_OPINION_CLASS = ProcessVariable.string("expertOpinionClass");
  public static final ProcessVariable<Object> EXPERT_OPTIONS = ProcessVariable.any("expertOptions");
  public static final ProcessVariable<Object> EXPERTS = ProcessVariable.any("experts");
  @ProcessVariable.OutsideModel
  public static final ProcessVariable<String> HANDLING_PUBLISHED_ON = ProcessVariable.string("handlingPublishedOn");
  public static final ProcessVariable<String> HEARING_DATE = ProcessVariable.string("hearingDate");
  @ProcessVariable.OutsideModel
  public static final ProcessVariable<Number> HEARING_PARTICIPANTS = ProcessVariable.number("hearingParticipants");
  public static final ProcessVariable<String> HIGHER_APPROVAL_DATE = ProcessVariable.string("higherApprovalDate");
  public static final ProcessVariable<Boolean> HIGHER_APPROVAL_REQUIRED = ProcessVariable.bool("higherApprovalRequired");
  public static final ProcessVariable<Boolean> HIGHER_APPROVED = ProcessVariable.bool("higherApproved");
  public static final ProcessVariable<Boolean> IN_CATALOGUE = ProcessVariable.bool("inCatalogue");
  public static final ProcessVariable<Object> INTERESTED_EXPERTS = ProcessVariable.any("interestedExperts");
  public static final ProcessVariable<Object> INVESTIGATORS = ProcessVariable.any("investigators");
  public static final ProcessVariable<String> LEAD_UNIT = ProcessVariable.string("leadUnit");
  @ProcessVariable.OutsideModel
  public static final ProcessVariable<String> OPINION_DISCLOSURE_ID = ProcessVariable.string("opinionDisclosureId");
  @ProcessVariable.OutsideModel
  public static final ProcessVariable<Number> OPINIONS_ADOPTED = ProcessVariable.number("opinionsAdopted");
  public static final ProcessVariable<Number> OPINIONS_RECEIVED = ProcessVariable.number("opinionsReceived");
  @ProcessVariable.OutsideModel
  public static final ProcessVariable<String> OUTSIDE_CATALOGUE_APPROVED_BY = ProcessVariable.string("outsideCatalogueApprovedBy");
  public static final ProcessVariable<String> OUTSIDE_CATALOGUE_REASON = ProcessVariable.string("outsideCatalogueReason");
  @ProcessVariable.OutsideModel
  public static final ProcessVariable<Date> REGISTERED_AT = ProcessVariable.of("registeredAt", Date.class);
  public static final ProcessVariable<String> REJECTION_REASON = ProcessVariable.string("rejectionReason");
  public static final ProcessVariable<String> RESULT_PUBLICATION_CHANNEL = ProcessVariable.string("resultPublicationChannel");
  @ProcessVariable.OutsideModel
  public static final ProcessVariable<String> RESULT_PUBLISHED_ON = ProcessVariable.string("resultPublishedOn");
  public static final ProcessVariable<Boolean> RESUMED = ProcessVariable.bool("resumed");
  public static final ProcessVariable<Object> SHOWN_OPINION = ProcessVariable.any("shownOpinion");
  public static final ProcessVariable<String> SHOWN_SIGNED_AT = ProcessVariable.string("shownSignedAt");
  public static final ProcessVariable<Object> SHOWN_SIGNED_BY = ProcessVariable.any("shownSignedBy");
  @ProcessVariable.OutsideModel
  public static final ProcessVariable<String> SIGNATURE_NAME = ProcessVariable.string("signatureName");
  public static final ProcessVariable<String> TITLE = ProcessVariable.string("title");

  private MajorDecisionModel() {}
}
