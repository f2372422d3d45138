package cn.gov.enforcement.recording;

import java.time.Instant;

/** Something that happened to a stored original: a fixity mismatch, its disposal. */
public record RecordingEvent(long seq, String recordingId, String kind, Instant occurredAt, String actor, String sha256,
    String sm3, String detail) {

  /** Digests are {@code CHAR(64)} columns: a database that pads them must not change what is compared. */
  public RecordingEvent {
    sha256 = sha256 == null ? null : sha256.trim();
    sm3 = sm3 == null ? null : sm3.trim();
  }

  public static final String FIXITY_MISMATCH = "FIXITY_MISMATCH";
  public static final String DISPOSED = "DISPOSED";
}
