package cn.gov.enforcement.inspection;

import java.time.Instant;

/** One finding of the inspection ledger (检查台账, REC-14): a sampled recording played back and judged. */
public record LedgerEntry(long seq, String recordingId, String processInstanceId, Instant periodStart,
    Instant periodEnd, String unit, String result, String problem, String checkedBy, Instant checkedAt) {

  public static final String PASS = "PASS";
  public static final String PROBLEM = "PROBLEM";

  public String resultName() {
    return PROBLEM.equals(result) ? "存在问题" : "合格";
  }
}
