package cn.gov.enforcement.recording.inspection;

import cn.gov.enforcement.recording.Caller;
import cn.gov.enforcement.web.ApiErrors;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
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
 * Who may do what is {@link DeviceRegistrations}'; here the bodies are read: who checked and when are
 * the server's, so a body naming {@code checkedBy} or {@code checkedAt} is refused.
 */
@RestController
@RequestMapping("/api/devices")
public class DeviceController {

  private static final Set<String> ENTRY_FIELDS = Set.of("deviceNumber", "deviceType", "responsible", "unit");

  private final DeviceRegistrations registrations;
  private final IdentityService identityService;

  public DeviceController(DeviceRegistrations registrations, IdentityService identityService) {
    this.registrations = registrations;
    this.identityService = identityService;
  }

  /** The register: every device's current entry and whether it was checked today (Beijing). */
  @GetMapping
  public List<RegisterEntry> list() {
    Caller.current(identityService);
    return registrations.devices().stream()
        .map(s -> new RegisterEntry(view(s.device()), s.checkedToday(), s.lastCheck() == null ? null : view(s.lastCheck())))
        .toList();
  }

  @GetMapping("/{deviceNumber}")
  public DeviceDetail device(@PathVariable String deviceNumber) {
    Caller.current(identityService);
    DeviceRegistrations.Dossier dossier = registrations.device(deviceNumber);
    return new DeviceDetail(view(dossier.device()), dossier.history().stream().map(DeviceController::view).toList(),
        dossier.checks().stream().map(DeviceController::view).toList());
  }

  /** Registers a device, or re-registers it (type, responsible person, unit): a new row, the old one stays. */
  @PostMapping
  public ResponseEntity<DeviceView> register(@RequestBody(required = false) JsonNode body) {
    Device device = registrations.register(Caller.current(identityService), () -> {
      Map<String, String> fields = textFields(body, ENTRY_FIELDS);
      return new DeviceRegistrations.Entry(fields.get("deviceNumber"), fields.get("deviceType"),
          fields.get("responsible"), fields.get("unit"));
    });
    return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.LOCATION, "/api/devices/" + device.deviceNumber())
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
    DeviceCheck check = registrations.check(Caller.current(identityService), deviceNumber, () -> report(body));
    return ResponseEntity.status(HttpStatus.CREATED).body(view(check));
  }

  private static DeviceRegistrations.Report report(JsonNode body) {
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
      } else if (DeviceRegistrations.CHECK_POINTS.contains(name)) {
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
    return new DeviceRegistrations.Report(points, note);
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
    return new DeviceView(d.deviceNumber(), d.deviceType(), DeviceRegistrations.TYPES.getOrDefault(d.deviceType(), d.deviceType()),
        d.responsible(), d.unit(), d.registeredAt().toString(), d.registeredBy());
  }

  static CheckView view(DeviceCheck c) {
    return new CheckView(c.deviceNumber(), c.checkedAt().toString(), c.checkedBy(), c.noFault(), c.batterySufficient(),
        c.storageSufficient(), c.clockSet(), c.passed(), c.note());
  }

}
