package cn.gov.enforcement.audit;

/**
 * The outcome of re-computing the hash chain. {@code lastSeq}/{@code lastHash} are the end of the
 * chain as verified; {@code chainId} and {@code anchorSeq} say which anchor outside the database it
 * was checked against. {@code subject} names the altered or uncovered recording or grant
 * ({@code recording:<id>}, {@code recording_access_grant:<id>}) when that is what broke.
 */
public record AuditVerification(boolean valid, long rows, long lastSeq, String lastHash, Long firstBrokenSeq,
    String problem, String subject, String chainId, Long anchorSeq) {}
