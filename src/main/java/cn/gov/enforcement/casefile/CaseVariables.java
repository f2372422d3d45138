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
      java.util.Map.entry("notifyParty", "是否告知当事人录音录像"));

  private CaseVariables() {}
}
