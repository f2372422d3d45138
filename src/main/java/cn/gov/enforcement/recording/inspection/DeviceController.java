package cn.gov.enforcement.recording.inspection;

import cn.gov.enforcement.audit.AuditAction;
import cn.gov.enforcement.audit.AuditLog;
import cn.gov.enforcement.identity.BureauGroup;
import cn.gov.enforcement.identity.StaffMembership;
import cn.gov.enforcement.web.ApiErrors;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * REC-15, JL 第八条: the register of recording devices ({@code /api/devices}) and the daily pre-duty
 * check of each ({@code /api/devices/{deviceNumber}/checks}).
 * <ul>
 *   <li>Registering (or re-registering: a new responsible person) is the section head's or the records
 *       office's — they answer for the unit's equipment; the responsible person is an enforcement officer.
 *   <li>The check is recorded by the device's responsible officer only; who and when are stamped by the
 *       server (the caller, the engine clock): a body naming {@code checkedBy} or {@code checkedAt} is refused.
 * </ul>
 */
@RestController
@RequestMapping("/api/devices")
public class DeviceController {

  static final Set<String> REGISTRARS = Set.of(BureauGroup.SECTION_HEAD.id(), BureauGroup.RECORDS_OFFICE.id());
  /** Letters, digits, '-', '_', '.': a device number is also a path segment. */
  static final Pattern NUMBER = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,63}");
  static final Map<String, String> TYPES = Map.of("BODY_CAMERA", "执法记录仪", "CAMERA", "照相机",
      "VIDEO_CAMERA", "摄像机", "AUDIO_RECORDER", "录音设备", "OTHER", "其他音像记录设备");
  private static final Set<String> CHECK_POINTS = Set.of("noFault", "batterySufficient", "storageSufficient", "clockSet");

  private final DeviceRegister register;
  private final IdentityService identityService;
  private final StaffMembership staff;
  private final AuditLog auditLog;

  public DeviceController(DeviceRegister register, IdentityService identityService, StaffMembership staff,
      AuditLog auditLog) {
    this.register = register;
    this.identityService = identityService;
    this.staff = staff;
    this.auditLog = auditLog;
  }

  record Caller(String userId, List<String> groups) {
    boolean inAny(Set<String> ids) {
      return groups.stream().anyMatch(ids::contains);
    }
  }

  static Caller caller(IdentityService identityService) {
    Authentication a = identityService.getCurrentAuthentication();
    if (a == null || a.getUserId() == null) {
      throw InspectionRefusals.forbidden("未登录", "not authenticated");
    }
    return new Caller(a.getUserId(), a.getGroupIds() == null ? List.of() : List.copyOf(a.getGroupIds()));
  }

  /** The register: every device's current entry and whether it was checked today (Beijing). */
  @GetMapping
  public List<RegisterEntry> list() {
    caller(identityService);
    LocalDate today = DeviceRegister.now().atZone(DeviceRegister.BEIJING).toLocalDate();
    return register.devices().stream().map(d -> new RegisterEntry(view(d),
        register.checksOn(d.deviceNumber(), today).stream().anyMatch(DeviceCheck::passed),
        register.recentChecks(d.deviceNumber(), 1).stream().findFirst().map(DeviceController::view).orElse(null)))
        .toList();
  }

  @GetMapping("/{deviceNumber}")
  public DeviceDetail device(@PathVariable String deviceNumber) {
    caller(identityService);
    Device device = register.current(deviceNumber).orElseThrow(() -> InspectionRefusals.unknownDevice(deviceNumber));
    return new DeviceDetail(view(device), register.history(deviceNumber).stream().map(DeviceController::view).toList(),
        register.recentChecks(deviceNumber, 60).stream().map(DeviceController::view).toList());
  }

  /** Registers a device, or re-registers it (type, responsible person, unit): a new row, the old one stays. */
  @PostMapping
  public ResponseEntity<DeviceView> register(@RequestBody(required = false) JsonNode body) {
    Caller caller = caller(identityService);
    if (!caller.inAny(REGISTRARS)) {
      throw InspectionRefusals.forbidden("只有科室负责人或办公室（档案）可以登记执法记录设备",
          "only a section head or the records office may register recording devices");
    }
    Map<String, String> fields = textFields(body, Set.of("deviceNumber", "deviceType", "responsible", "unit"));
    String number = required(fields, "deviceNumber");
    if (!NUMBER.matcher(number).matches()) {
      throw InspectionRefusals.invalid("deviceNumber", "只能含字母、数字、“-”“_”“.”，最长 64 个字符",
          "letters, digits, '-', '_', '.' only, at most 64 characters");
    }
    String type = required(fields, "deviceType");
    if (!TYPES.containsKey(type)) {
      throw InspectionRefusals.invalid("deviceType", "须为 " + String.join("、", TYPES.keySet()),
          "must be one of " + String.join(", ", TYPES.keySet()));
    }
    String responsible = required(fields, "responsible");
    if (!staff.isMember(responsible, BureauGroup.ENFORCEMENT_OFFICER)) {
      throw InspectionRefusals.invalid("responsible", "责任人须为在册的执法人员", "the responsible person must be an enforcement officer");
    }
    String unit = fields.get("unit");
    if (unit != null && unit.length() > 128) {
      throw InspectionRefusals.invalid("unit", "最长 128 个字符", "at most 128 characters");
    }
    Device device = register.register(caller.userId(), number, type, responsible, unit);
    return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.LOCATION, "/api/devices/" + number)
        .body(view(device));
  }

  /**
   * JL 第八条: the pre-duty check — {@code noFault}, {@code batterySufficient}, {@code storageSufficient},
   * {@code clockSet} (each true or false, all required) and an optional {@code note}. Only the device's
   * responsible officer records it; the server stamps who and when.
   */
  @PostMapping("/{deviceNumber}/checks")
  public ResponseEntity<CheckView> check(@PathVariable String deviceNumber,
      @RequestBody(required = false) JsonNode body) {
    Caller caller = caller(identityService);
    Device device = register.current(deviceNumber).orElseThrow(() -> InspectionRefusals.unknownDevice(deviceNumber));
    if (!device.responsible().equals(caller.userId())) {
      auditLog.append(caller.userId(), AuditAction.ACCESS_REFUSED, deviceNumber,
          "device check by someone other than the responsible person " + device.responsible());
      throw InspectionRefusals.forbidden("只有该设备的责任人（" + device.responsible() + "）可以登记执勤前检查",
          "only the device's responsible person may record its pre-duty check");
    }
    if (body == null || !body.isObject() || body.isEmpty()) {
      throw InspectionRefusals.missing("clockSet");
    }
    Map<String, Boolean> points = new LinkedHashMap<>();
    String note = null;
    for (var field : (Iterable<Map.Entry<String, JsonNode>>) body::fields) {
      String name = field.getKey();
      JsonNode value = field.getValue();
      if ("note".equals(name)) {
        note = value.isNull() ? null : value.asText();
        if (note != null && note.length() > 1000) {
          throw InspectionRefusals.invalid("note", "最长 1000 个字符", "at most 1000 characters");
        }
      } else if (CHECK_POINTS.contains(name)) {
        if (!value.isBoolean()) {
          throw InspectionRefusals.invalid(name, "须为 true 或 false", "must be true or false");
        }
        points.put(name, value.booleanValue());
      } else if ("checkedAt".equals(name) || "checkedBy".equals(name)) {
        throw InspectionRefusals.invalid(name, "检查人和检查时间由系统记录，不得由客户端提供",
            "who checked and when is recorded by the server, not sent by the client");
      } else {
        throw InspectionRefusals.invalid(name, "不是检查项", "not a point of the check");
      }
    }
    for (String point : List.of("noFault", "batterySufficient", "storageSufficient", "clockSet")) {
      if (!points.containsKey(point)) {
        throw InspectionRefusals.missing(point);
      }
    }
    DeviceCheck check = register.recordCheck(caller.userId(), deviceNumber, points.get("noFault"),
        points.get("batterySufficient"), points.get("storageSufficient"), points.get("clockSet"), note);
    return ResponseEntity.status(HttpStatus.CREATED).body(view(check));
  }

  /** The register and the checks are append-only: nothing is edited or deleted. */
  @RequestMapping(path = {"", "/{deviceNumber}", "/{deviceNumber}/checks"},
      method = {RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE})
  public ResponseEntity<Map<String, String>> writeOnce(HttpServletRequest request) {
    return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, "GET, POST")
        .body(ApiErrors.body("METHOD_NOT_ALLOWED", "设备登记和检查记录只能追加，不能修改或删除（" + request.getMethod()
            + "） / the register and its checks are append-only: " + request.getMethod() + " is not allowed"));
  }

  private static Map<String, String> textFields(JsonNode body, Set<String> known) {
    if (body == null || !body.isObject()) {
      throw InspectionRefusals.missing("deviceNumber");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (var field : (Iterable<Map.Entry<String, JsonNode>>) body::fields) {
      if (!known.contains(field.getKey())) {
        throw InspectionRefusals.invalid(field.getKey(), "未知字段", "unknown field");
      }
      JsonNode value = field.getValue();
      if (value.isNull()) {
        continue;
      }
      if (!value.isTextual()) {
        throw InspectionRefusals.invalid(field.getKey(), "须为文本", "must be text");
      }
      String text = value.asText().strip();
      if (text.chars().anyMatch(Character::isISOControl)) {
        throw InspectionRefusals.invalid(field.getKey(), "不得含控制字符", "must not contain control characters");
      }
      if (!text.isEmpty()) {
        fields.put(field.getKey(), text);
      }
    }
    return fields;
  }

  private static String required(Map<String, String> fields, String name) {
    String value = fields.get(name);
    if (value == null) {
      throw InspectionRefusals.missing(name);
    }
    return value;
  }

  /** A register row as the API shows it. */
  record DeviceView(String deviceNumber, String deviceType, String deviceTypeName, String responsible, String unit,
      String registeredAt, String registeredBy) {}

  /** A pre-duty check as the API shows it. */
  record CheckView(String deviceNumber, String checkedAt, String checkedBy, boolean noFault, boolean batterySufficient,
      boolean storageSufficient, boolean clockSet, boolean passed, String note) {}

  /** {@code GET /api/devices}: a device with whether it passed a check today and its last check. */
  record RegisterEntry(@JsonUnwrapped DeviceView device, boolean checkedToday, CheckView lastCheck) {}

  /** {@code GET /api/devices/{deviceNumber}}: the device with its register history and recent checks. */
  record DeviceDetail(@JsonUnwrapped DeviceView device, List<DeviceView> history, List<CheckView> checks) {}

  static DeviceView view(Device d) {
    return new DeviceView(d.deviceNumber(), d.deviceType(), TYPES.getOrDefault(d.deviceType(), d.deviceType()),
        d.responsible(), d.unit(), d.registeredAt().toString(), d.registeredBy());
  }

  static CheckView view(DeviceCheck c) {
    return new CheckView(c.deviceNumber(), c.checkedAt().toString(), c.checkedBy(), c.noFault(), c.batterySufficient(),
        c.storageSufficient(), c.clockSet(), c.passed(), c.note());
  }

}
