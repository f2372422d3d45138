package cn.gov.enforcement.casefile;

/** The few variables of {@code enforcement-case} the case file reads (read only, by name). */
final class CaseVariables {

  static final String PROCESS = "enforcement-case";
  static final String CASE_NUMBER = "caseNumber";
  static final String CAUSE = "cause";
  static final String PARTY_NAME = "partyName";
  /** The archive step (REC-13) whose completion produces the package. */
  static final String ARCHIVE_TASK = "Task_ArchiveCase";

  private CaseVariables() {}
}
