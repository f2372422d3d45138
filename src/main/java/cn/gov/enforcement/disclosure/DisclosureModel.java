package cn.gov.enforcement.disclosure;

import cn.gov.enforcement.platform.ProcessVariable;

/**
 * 行政执法公示 ({@code processes/disclosure.bpmn}): the element ids and process variables that Java code and
 * tests use, declared once (architecture.md "Engine conventions"). {@code ProcessModelDeclarationsTest}
 * checks every id against the BPMN and every variable against the model's forms, so a renamed
 * element or form field fails the build, not a case at run time.
 */
public final class DisclosureModel {

  public static final String PROCESS_KEY = "disclosure";
  /** The case tells its disclosure that the decision was revoked (PUB-05), correlated on the case number. */
  public static final String MESSAGE_DECISION_REVOKED = "DecisionRevoked";

  // ---- element ids ----------------------------------------------------------------------

  /** 已撤下并说明 */
  public static final String EVENT_REVOKED_WITHDRAWN = "Event_RevokedWithdrawn";
  /** 公示期满 */
  public static final String EVENT_WITHDRAWAL_DUE = "Event_WithdrawalDue";
  /** 已撤下 */
  public static final String EVENT_WITHDRAWN = "Event_Withdrawn";
  /** 依法不予公开 */
  public static final String EVENT_WITHHELD = "Event_Withheld";
  /** 审核通过? */
  public static final String GATEWAY_CONTENT_APPROVED = "Gateway_ContentApproved";
  /** 批准撤下公示 */
  public static final String TASK_APPROVE_WITHDRAWAL = "Task_ApproveWithdrawal";
  /** 拟定公示内容 */
  public static final String TASK_PREPARE_DISCLOSURE = "Task_PrepareDisclosure";
  /** 发布公示 */
  public static final String TASK_PUBLISH_RESULT = "Task_PublishResult";
  /** 登记公示事项 */
  public static final String TASK_REGISTER_DISCLOSURE = "Task_RegisterDisclosure";
  /** 登记撤销通知 */
  public static final String TASK_REGISTER_REVOCATION = "Task_RegisterRevocation";
  /** 法制审核公示内容 */
  public static final String TASK_REVIEW_DISCLOSURE = "Task_ReviewDisclosure";
  /** 撤下公示 */
  public static final String TASK_WITHDRAW_PUBLICATION = "Task_WithdrawPublication";
  /** 撤下公示并说明理由 */
  public static final String TASK_WITHDRAW_REVOKED = "Task_WithdrawRevoked";

  // ---- process variables ----------------------------------------------------------------

  public static final ProcessVariable<String> CASE_NUMBER = ProcessVariable.string("caseNumber");
  public static final ProcessVariable<Boolean> CONTENT_APPROVED = ProcessVariable.bool("contentApproved");
  public static final ProcessVariable<Boolean> CONTENT_EXCLUDED = ProcessVariable.bool("contentExcluded");
  public static final ProcessVariable<String> DECIDED_ON = ProcessVariable.string("decidedOn");
  public static final ProcessVariable<String> DECISION_NUMBER = ProcessVariable.string("decisionNumber");
  @ProcessVariable.OutsideModel
  public static final ProcessVariable<String> DISCLOSURE_REVIEWER = ProcessVariable.string("disclosureReviewer");
  public static final ProcessVariable<String> DISCLOSURE_SUMMARY = ProcessVariable.string("disclosureSummary");
  public static final ProcessVariable<String> DISCLOSURE_TYPE = ProcessVariable.string("disclosureType");
  public static final ProcessVariable<String> EXCLUSION_GROUND = ProcessVariable.string("exclusionGround");
  public static final ProcessVariable<String> EXCLUSION_REASON = ProcessVariable.string("exclusionReason");
  public static final ProcessVariable<Boolean> EXCLUSION_REASON_APPROVED = ProcessVariable.bool("exclusionReasonApproved");
  public static final ProcessVariable<String> PARTY_NAME = ProcessVariable.string("partyName");
  public static final ProcessVariable<String> PARTY_TYPE = ProcessVariable.string("partyType");
  public static final ProcessVariable<Number> PUBLICATION_MONTHS = ProcessVariable.number("publicationMonths");
  public static final ProcessVariable<String> RESULT_BASIS = ProcessVariable.string("resultBasis");
  public static final ProcessVariable<String> RESULT_FACTS = ProcessVariable.string("resultFacts");
  public static final ProcessVariable<String> RESULT_OUTCOME = ProcessVariable.string("resultOutcome");
  public static final ProcessVariable<String> REVOCATION_EXPLANATION = ProcessVariable.string("revocationExplanation");
  public static final ProcessVariable<String> REVOCATION_RECEIVED_ON = ProcessVariable.string("revocationReceivedOn");
  public static final ProcessVariable<String> REVOCATION_TYPE = ProcessVariable.string("revocationType");
  @ProcessVariable.OutsideModel // passed in with the message DecisionRevoked
  public static final ProcessVariable<String> REVOKED_ON = ProcessVariable.string("revokedOn");

  private DisclosureModel() {}
}
