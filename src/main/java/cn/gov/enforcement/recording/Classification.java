package cn.gov.enforcement.recording;

import java.time.Instant;
import java.util.Map;

/** One retention decision (RET-05); the latest row of a recording is its current class. */
public record Classification(long seq, String recordingId, Instant decidedAt, String decidedBy, Map<String, Boolean> facts,
    String decidedClass, RetentionClass retentionClass, String minimumRetention, Instant retainUntil,
    boolean longTermMedium, String reason) {}
