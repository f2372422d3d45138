package cn.gov.enforcement.audit;

/**
 * The outcome of re-computing the hash chain. {@code lastSeq}/{@code lastHash} are the anchor a
 * supervisor may publish elsewhere: a chain cut off at its end is only detectable against an
 * anchor taken earlier, every other edit or removal is detected by the chain itself.
 */
public record AuditVerification(boolean valid, long rows, long lastSeq, String lastHash, Long firstBrokenSeq,
    String problem) {}
