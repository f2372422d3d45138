package cn.gov.enforcement.inspection;

import cn.gov.enforcement.recording.DeviceCheckWarning;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * REC-15: a recording is flagged for the reviewer unless its device is registered and, on the Beijing
 * day the recording began, a passed pre-duty check (clock set) was recorded at or before its start.
 * A check later that day does not help: the clock was not set when the recording was made, which is
 * exactly what weakens REC-05's time match. An unregistered device is flagged too (nobody answers for
 * its clock). A flag, never a refusal: the recording is still evidence (as REC-08's late upload).
 */
@Component
public class DeviceCheckRule implements DeviceCheckWarning {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private final DeviceRegister register;

  public DeviceCheckRule(DeviceRegister register) {
    this.register = register;
  }

  @Override
  public Optional<String> warning(String deviceNumber, Instant startedAt) {
    if (register.current(deviceNumber).isEmpty()) {
      return Optional.of("REC-15 DEVICE_UNREGISTERED: 执法记录设备 " + deviceNumber + " 未在设备登记簿中登记，无责任人，"
          + "设备时间未经核对 / recording device " + deviceNumber + " is not registered: no responsible person, its clock unverified");
    }
    LocalDate day = startedAt.atZone(DeviceRegister.BEIJING).toLocalDate();
    List<DeviceCheck> before = register.checksOn(deviceNumber, day).stream()
        .filter(c -> !c.checkedAt().isAfter(startedAt)).toList();
    if (before.isEmpty()) {
      return Optional.of("REC-15 DEVICE_NOT_CHECKED: 执法记录设备 " + deviceNumber + " 在 " + DAY.format(day)
          + " 录制开始前未做执勤前检查（含校准时间），文书时间与音像时间的核对（REC-05）不可靠 / device " + deviceNumber
          + " had no pre-duty check (clock set) on " + day + " before the recording began; the time match is weakened");
    }
    DeviceCheck last = before.get(before.size() - 1);
    if (!last.passed()) {
      return Optional.of("REC-15 DEVICE_CHECK_FAILED: 执法记录设备 " + deviceNumber + " 当日执勤前检查未通过（"
          + failures(last) + "） / the device's pre-duty check that day did not pass");
    }
    return Optional.empty();
  }

  static String failures(DeviceCheck c) {
    StringBuilder s = new StringBuilder();
    if (!c.noFault()) s.append("设备有故障；");
    if (!c.batterySufficient()) s.append("电量不足；");
    if (!c.storageSufficient()) s.append("存储空间不足；");
    if (!c.clockSet()) s.append("未校准时间；");
    return s.length() == 0 ? "" : s.substring(0, s.length() - 1);
  }
}
