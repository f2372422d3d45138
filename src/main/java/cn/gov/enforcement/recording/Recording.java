package cn.gov.enforcement.recording;

import java.time.Instant;
import java.util.List;

/** A stored original as its (never updated) row holds it. */
public record Recording(String id, String storagePath, String mediaType, long sizeBytes, String sha256, String sm3,
    String activity, String caseNumber, String deviceNumber, List<String> officers, String partyName,
    Instant startedAt, Instant endedAt, Instant uploadedAt, String uploadedBy, Instant uploadDeadline, boolean late,
    boolean confidential, String confidentialityReason, String metadataStatus, Double durationSeconds,
    Instant recordedAt, String deviceMake, String deviceModel, String clientFileName, String segmentsJson,
    List<String> warnings, String evidenceDescription, String recordingRequirement, String unit, String cause) {}
