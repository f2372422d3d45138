package cn.gov.enforcement.recording;

import java.time.Instant;
import java.util.List;

/**
 * A stored original as its (never updated) row holds it: one component per column of {@code recording},
 * so the row, the audit digest ({@code RowDigest.RECORDING}) and every reader see the same flat shape.
 * Built by name with {@link #builder()} — positional construction of 31 values is how a swapped
 * {@code startedAt}/{@code endedAt} slips through review; grouping the components into nested records
 * instead would have changed every reader outside this package for no gain in the row.
 */
public record Recording(String id, String storagePath, String mediaType, long sizeBytes, String sha256, String sm3,
    String activity, String caseNumber, String deviceNumber, List<String> officers, String partyName,
    Instant startedAt, Instant endedAt, Instant uploadedAt, String uploadedBy, Instant uploadDeadline, boolean late,
    boolean confidential, String confidentialityReason, String metadataStatus, Double durationSeconds,
    Instant recordedAt, String deviceMake, String deviceModel, String clientFileName, String segmentsJson,
    List<String> warnings, String evidenceDescription, String recordingRequirement, String unit, String cause) {

  public Recording {
    officers = List.copyOf(officers);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Named setters for the row, plus setters that take the value records ingest already has. */
  public static final class Builder {
    private String id;
    private String storagePath;
    private String mediaType;
    private long sizeBytes;
    private String sha256;
    private String sm3;
    private String activity;
    private String caseNumber;
    private String deviceNumber;
    private List<String> officers = List.of();
    private String partyName;
    private Instant startedAt;
    private Instant endedAt;
    private Instant uploadedAt;
    private String uploadedBy;
    private Instant uploadDeadline;
    private boolean late;
    private boolean confidential;
    private String confidentialityReason;
    private String metadataStatus;
    private Double durationSeconds;
    private Instant recordedAt;
    private String deviceMake;
    private String deviceModel;
    private String clientFileName;
    private String segmentsJson;
    private List<String> warnings = List.of();
    private String evidenceDescription;
    private String recordingRequirement;
    private String unit;
    private String cause;

    private Builder() {}

    /** Size and both digests of the stored bytes. */
    Builder digests(DigestingCopier.Digests digests) {
      return sizeBytes(digests.size()).sha256(digests.sha256()).sm3(digests.sm3());
    }

    /** What the uploader declared (the validated form fields). */
    Builder declared(UploadRequest upload) {
      return activity(upload.activity()).caseNumber(upload.caseNumber()).deviceNumber(upload.deviceNumber())
          .officers(upload.officers()).partyName(upload.partyName()).startedAt(upload.startedAt())
          .endedAt(upload.endedAt()).confidential(upload.confidential())
          .confidentialityReason(upload.confidentialityReason()).evidenceDescription(upload.evidenceDescription())
          .unit(upload.unit()).cause(upload.cause());
    }

    /** What the content says about itself (Tika). */
    Builder media(MediaMetadata media) {
      return metadataStatus(media.status()).durationSeconds(media.durationSeconds()).recordedAt(media.createdAt())
          .deviceMake(media.deviceMake()).deviceModel(media.deviceModel());
    }

    public Builder id(String value) { id = value; return this; }
    public Builder storagePath(String value) { storagePath = value; return this; }
    public Builder mediaType(String value) { mediaType = value; return this; }
    public Builder sizeBytes(long value) { sizeBytes = value; return this; }
    public Builder sha256(String value) { sha256 = value; return this; }
    public Builder sm3(String value) { sm3 = value; return this; }
    public Builder activity(String value) { activity = value; return this; }
    public Builder caseNumber(String value) { caseNumber = value; return this; }
    public Builder deviceNumber(String value) { deviceNumber = value; return this; }
    public Builder officers(List<String> value) { officers = value; return this; }
    public Builder partyName(String value) { partyName = value; return this; }
    public Builder startedAt(Instant value) { startedAt = value; return this; }
    public Builder endedAt(Instant value) { endedAt = value; return this; }
    public Builder uploadedAt(Instant value) { uploadedAt = value; return this; }
    public Builder uploadedBy(String value) { uploadedBy = value; return this; }
    public Builder uploadDeadline(Instant value) { uploadDeadline = value; return this; }
    public Builder late(boolean value) { late = value; return this; }
    public Builder confidential(boolean value) { confidential = value; return this; }
    public Builder confidentialityReason(String value) { confidentialityReason = value; return this; }
    public Builder metadataStatus(String value) { metadataStatus = value; return this; }
    public Builder durationSeconds(Double value) { durationSeconds = value; return this; }
    public Builder recordedAt(Instant value) { recordedAt = value; return this; }
    public Builder deviceMake(String value) { deviceMake = value; return this; }
    public Builder deviceModel(String value) { deviceModel = value; return this; }
    public Builder clientFileName(String value) { clientFileName = value; return this; }
    public Builder segmentsJson(String value) { segmentsJson = value; return this; }
    public Builder warnings(List<String> value) { warnings = value; return this; }
    public Builder evidenceDescription(String value) { evidenceDescription = value; return this; }
    public Builder recordingRequirement(String value) { recordingRequirement = value; return this; }
    public Builder unit(String value) { unit = value; return this; }
    public Builder cause(String value) { cause = value; return this; }

    public Recording build() {
      return new Recording(id, storagePath, mediaType, sizeBytes, sha256, sm3, activity, caseNumber, deviceNumber,
          officers, partyName, startedAt, endedAt, uploadedAt, uploadedBy, uploadDeadline, late, confidential,
          confidentialityReason, metadataStatus, durationSeconds, recordedAt, deviceMake, deviceModel, clientFileName,
          segmentsJson, warnings, evidenceDescription, recordingRequirement, unit, cause);
    }
  }
}
