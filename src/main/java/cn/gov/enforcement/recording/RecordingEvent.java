package cn.gov.enforcement.recording;

import java.time.Instant;

/** Something that happened to a stored original: a fixity mismatch, its disposal. */
public record RecordingEvent(long seq, String recordingId, String kind, Instant occurredAt, String actor, String sha256,
    String sm3, String detail) {

  public static final String FIXITY_MISMATCH = "FIXITY_MISMATCH";
  public static final String DISPOSED = "DISPOSED";
}
