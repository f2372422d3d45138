package cn.gov.enforcement.recording;

import java.time.Instant;

/** An approved, time-limited permission of one user to fetch one recording (ACC-03..ACC-06). */
public record AccessGrant(String id, String recordingId, String grantee, String purpose, String reason,
    String processInstanceId, String approvedBy, Instant grantedAt, Instant expiresAt) {}
