package cn.gov.enforcement.casefile;

/** The few variables of {@code enforcement-case} the case file reads (read only, by name). */
final class CaseVariables {

  static final String PROCESS = "enforcement-case";
  static final String CASE_NUMBER = "caseNumber";
  static final String CAUSE = "cause";
  static final String PARTY_NAME = "partyName";
  /** The archive step (REC-13) whose completion produces the package. */
  static final String ARCHIVE_TASK = "Task_ArchiveCase";

  /**
   * Chinese labels of the values the engine's own steps record (no form names them). Pick lists the
   * listeners prepare for a form (names ending in {@code Options}) are not records and are left out.
   */
  static final java.util.Map<String, String> SYSTEM_LABELS = java.util.Map.ofEntries(
      java.util.Map.entry("intakeBy", "登记人"), java.util.Map.entry("filingDate", "立案审批日期（服务器记录）"),
      java.util.Map.entry("filedOn", "立案日期（服务器记录）"), java.util.Map.entry("closedOn", "结案日期（服务器记录）"),
      java.util.Map.entry("decisionDate", "决定日期（服务器记录）"),
      java.util.Map.entry("recordingRequirement", "音像记录要求（规则表 recording-requirement）"),
      java.util.Map.entry("legalReviewRequired", "是否须法制审核（规则表）"),
      java.util.Map.entry("notifyParty", "是否告知当事人录音录像"),
      java.util.Map.entry("writtenRecordRequired", "是否须书面工作记录（规则表）"),
      java.util.Map.entry("legalReviewGround", "须法制审核的理由"),
      java.util.Map.entry("reviewOutcome", "法制审核结论"),
      // who did a step, stamped by the server from the logged-in user (contract.md "who did what")
      java.util.Map.entry("filingProposedBy", "立案申请人（服务器记录）"),
      java.util.Map.entry("filingApprovedBy", "立案批准人（服务器记录）"),
      java.util.Map.entry("draftedBy", "拟稿人（服务器记录）"), java.util.Map.entry("draftedAt", "拟稿时间（服务器记录）"),
      java.util.Map.entry("approvedBy", "批准人（服务器记录）"), java.util.Map.entry("approvedAt", "批准时间（服务器记录）"),
      java.util.Map.entry("hearingWaiverRecordedBy", "放弃听证声明登记人（服务器记录）"),
      java.util.Map.entry("appointedHearingOfficer", "指定的听证主持人"),
      java.util.Map.entry("legalReviewer", "法制审核人（服务器记录）"),
      java.util.Map.entry("legalReviewedAt", "法制审核时间（服务器记录）"),
      java.util.Map.entry("assistedBy", "协助的辅助人员（服务器记录）"),
      java.util.Map.entry("archivedOn", "归档日期（服务器记录）"));

  /** Chinese texts of the codes the engine's own steps record (rule-table outputs, review outcomes). */
  static final java.util.Map<String, java.util.Map<String, String>> SYSTEM_VALUES = java.util.Map.of(
      "recordingRequirement", java.util.Map.of("FULL_PROCESS_AV", "全过程音像记录", "AV", "音像记录", "AUDIO", "录音",
          "PHOTO_OR_AV", "照片或音像记录", "SURVEILLANCE", "监控录像", "NONE", "无需音像记录", "EXEMPT", "免于音像记录"),
      "legalReviewGround", java.util.Map.of("LAW", "法律规定须法制审核", "PUBLIC_INTEREST", "涉及重大公共利益",
          "RIGHTS_AFTER_HEARING", "经听证程序", "COMPLEX", "案情复杂", "NONE", "无"),
      "reviewOutcome", java.util.Map.of("PASS", "通过", "SUPPLEMENT", "退回补充调查", "AMEND", "提出修改意见", "FAIL", "不通过",
          "NONE", "无需法制审核"));

  /**
   * Working values of the engine's steps that are not part of the record: what the evidence panel
   * and the upload check carry between steps (the recordings themselves are listed in section 二).
   */
  static final java.util.Set<String> NOT_RECORDS = java.util.Set.of("recordingCaseNumber", "recordingActivity",
      "recordingDecision", "checkedActivity", "checkedActivityEndedAt", "checkedRecordingIds", "recordingsAtActivityEnd",
      "recordingWarnings", "recordingWarningCount", "noticeRule", "lateEntries");

  private CaseVariables() {}
}
