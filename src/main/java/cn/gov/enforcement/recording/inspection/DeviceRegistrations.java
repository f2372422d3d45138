package cn.gov.enforcement.recording.inspection;

import cn.gov.enforcement.audit.AuditAction;
import cn.gov.enforcement.audit.AuditLog;
import cn.gov.enforcement.identity.BureauGroup;
import cn.gov.enforcement.identity.StaffMembership;
import cn.gov.enforcement.recording.Caller;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * REC-15, JL 第八条: registering a recording device and recording its pre-duty check, with who may do
 * either. Registering (or re-registering: a new responsible person) is the section head's or the
 * records office's — they answer for the unit's equipment; the responsible person is an enforcement
 * officer. The check is recorded by the device's responsible officer only, stamped with the caller and
 * the engine clock. {@link DeviceRegister} keeps the rows; {@link DeviceCheckRule} reads them at upload.
 */
@Service
public class DeviceRegistrations {

  static final Set<String> REGISTRARS = Set.of(BureauGroup.SECTION_HEAD.id(), BureauGroup.RECORDS_OFFICE.id());
  /** Letters, digits, '-', '_', '.': a device number is also a path segment. */
  static final Pattern NUMBER = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,63}");
  static final Map<String, String> TYPES = Map.of("BODY_CAMERA", "执法记录仪", "CAMERA", "照相机",
      "VIDEO_CAMERA", "摄像机", "AUDIO_RECORDER", "录音设备", "OTHER", "其他音像记录设备");
  /** The points of the pre-duty check, all required. */
  static final List<String> CHECK_POINTS = List.of("noFault", "batterySufficient", "storageSufficient", "clockSet");

  /** A register entry as asked for; any field may be missing (null), which is refused here. */
  public record Entry(String deviceNumber, String deviceType, String responsible, String unit) {}

  /** A pre-duty check as reported: the points given (true or false) and an optional note. */
  public record Report(Map<String, Boolean> points, String note) {}

  /** A device in the register: its current row, whether it passed a check today (Beijing), its last check. */
  public record Standing(Device device, boolean checkedToday, DeviceCheck lastCheck) {}

  /** A device's file: its current row, its register history (oldest first) and its recent checks. */
  public record Dossier(Device device, List<Device> history, List<DeviceCheck> checks) {}

  private final DeviceRegister register;
  private final StaffMembership staff;
  private final AuditLog auditLog;

  public DeviceRegistrations(DeviceRegister register, StaffMembership staff, AuditLog auditLog) {
    this.register = register;
    this.staff = staff;
    this.auditLog = auditLog;
  }

  public List<Standing> devices() {
    LocalDate today = DeviceRegister.now().atZone(DeviceRegister.BEIJING).toLocalDate();
    return register.devices().stream().map(d -> new Standing(d,
        register.checksOn(d.deviceNumber(), today).stream().anyMatch(DeviceCheck::passed),
        register.recentChecks(d.deviceNumber(), 1).stream().findFirst().orElse(null)))
        .toList();
  }

  public Dossier device(String deviceNumber) {
    Device device = current(deviceNumber);
    return new Dossier(device, register.history(deviceNumber), register.recentChecks(deviceNumber, 60));
  }

  /** Registers a device, or re-registers it: a new row, the old one stays. The entry is read once the caller may register. */
  public Device register(Caller caller, Supplier<Entry> asked) {
    if (!caller.inAny(REGISTRARS)) {
      throw InspectionRefusals.forbidden("只有科室负责人或办公室（档案）可以登记执法记录设备",
          "only a section head or the records office may register recording devices");
    }
    Entry entry = asked.get();
    String number = required("deviceNumber", entry.deviceNumber());
    if (!NUMBER.matcher(number).matches()) {
      throw InspectionRefusals.invalid("deviceNumber", "只能含字母、数字、“-”“_”“.”，最长 64 个字符",
          "letters, digits, '-', '_', '.' only, at most 64 characters");
    }
    String type = required("deviceType", entry.deviceType());
    if (!TYPES.containsKey(type)) {
      throw InspectionRefusals.invalid("deviceType", "须为 " + String.join("、", TYPES.keySet()),
          "must be one of " + String.join(", ", TYPES.keySet()));
    }
    String responsible = required("responsible", entry.responsible());
    if (!staff.isMember(responsible, BureauGroup.ENFORCEMENT_OFFICER)) {
      throw InspectionRefusals.invalid("responsible", "责任人须为在册的执法人员", "the responsible person must be an enforcement officer");
    }
    String unit = entry.unit();
    if (unit != null && unit.length() > 128) {
      throw InspectionRefusals.invalid("unit", "最长 128 个字符", "at most 128 characters");
    }
    return register.register(caller.userId(), number, type, responsible, unit);
  }

  /**
   * Records the device's pre-duty check. Someone other than its responsible person is refused (and
   * audited) before the report is read.
   */
  public DeviceCheck check(Caller caller, String deviceNumber, Supplier<Report> reported) {
    Device device = current(deviceNumber);
    if (!device.responsible().equals(caller.userId())) {
      auditLog.append(caller.userId(), AuditAction.ACCESS_REFUSED, deviceNumber,
          "device check by someone other than the responsible person " + device.responsible());
      throw InspectionRefusals.forbidden("只有该设备的责任人（" + device.responsible() + "）可以登记执勤前检查",
          "only the device's responsible person may record its pre-duty check");
    }
    Report report = reported.get();
    for (String point : CHECK_POINTS) {
      if (!report.points().containsKey(point)) {
        throw InspectionRefusals.missing(point);
      }
    }
    Map<String, Boolean> p = report.points();
    return register.recordCheck(caller.userId(), deviceNumber, p.get("noFault"), p.get("batterySufficient"),
        p.get("storageSufficient"), p.get("clockSet"), report.note());
  }

  private Device current(String deviceNumber) {
    return register.current(deviceNumber).orElseThrow(() -> InspectionRefusals.unknownDevice(deviceNumber));
  }

  private static String required(String field, String value) {
    if (value == null) {
      throw InspectionRefusals.missing(field);
    }
    return value;
  }
}
