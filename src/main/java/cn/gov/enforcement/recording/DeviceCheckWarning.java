package cn.gov.enforcement.recording;

import java.time.Instant;
import java.util.Optional;

/**
 * REC-15: the warning an upload carries when its device is not registered or was not checked (clock
 * set) on the recording's day before it began. Implemented by the device register
 * ({@code cn.gov.enforcement.inspection}); an interface here so that the evidence store does not depend
 * on the register's package, and the warning is stored with the others at ingest (the row is
 * write-once: what the reviewer sees is what held when the recording came in).
 */
public interface DeviceCheckWarning {

  Optional<String> warning(String deviceNumber, Instant startedAt);
}
