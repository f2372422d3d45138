package cn.gov.enforcement.inspection;

import java.time.Instant;

/**
 * A pre-duty check of a device (JL 第八条): no fault, battery and storage sufficient, clock set to the
 * current time. {@code checkedAt} and {@code checkedBy} are the server's: the engine clock and the caller.
 */
public record DeviceCheck(long seq, String deviceNumber, Instant checkedAt, String checkedBy, boolean noFault,
    boolean batterySufficient, boolean storageSufficient, boolean clockSet, String note) {

  /** Fit for duty: every point of the check holds. */
  public boolean passed() {
    return noFault && batterySufficient && storageSufficient && clockSet;
  }
}
