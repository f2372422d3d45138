package cn.gov.enforcement.inspection;

import java.time.Instant;

/** One register row of a recording device (REC-15); the device's current entry is its latest row. */
public record Device(long seq, String deviceNumber, String deviceType, String responsible, String unit,
    Instant registeredAt, String registeredBy) {}
