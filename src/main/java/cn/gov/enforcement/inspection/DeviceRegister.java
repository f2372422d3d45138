package cn.gov.enforcement.inspection;

import cn.gov.enforcement.audit.AuditAction;
import cn.gov.enforcement.audit.AuditLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The device register and its pre-duty checks (REC-15, JL 第八条). Insert only: the tables refuse
 * UPDATE and DELETE (triggers), so a change of responsible person is a new register row and the
 * history of who answered for a device stays. Every write is audited in the hash chain (ACC-07).
 */
@Component
public class DeviceRegister {

  /** Days are Beijing days: "checked that day" means the calendar day in Asia/Shanghai. */
  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  private final JdbcTemplate jdbc;
  private final AuditLog auditLog;

  public DeviceRegister(JdbcTemplate jdbc, AuditLog auditLog) {
    this.jdbc = jdbc;
    this.auditLog = auditLog;
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant().truncatedTo(ChronoUnit.MILLIS);
  }

  @Transactional
  public Device register(String actor, String number, String type, String responsible, String unit) {
    Instant now = now();
    jdbc.update("INSERT INTO recording_device (device_number, device_type, responsible, unit, registered_at, registered_by)"
        + " VALUES (?, ?, ?, ?, ?, ?)", number, type, responsible, unit, Timestamp.from(now), actor);
    Device device = current(number).orElseThrow();
    auditLog.append(actor, AuditAction.DEVICE_REGISTERED, number,
        "type=" + type + " responsible=" + responsible + " unit=" + unit + " row=" + device.seq());
    return device;
  }

  public Optional<Device> current(String number) {
    return jdbc.query("SELECT * FROM recording_device WHERE device_number = ? ORDER BY seq DESC", DeviceRegister::device,
        number).stream().findFirst();
  }

  /** Every device's current entry, by number. */
  public List<Device> devices() {
    return jdbc.query("SELECT d.* FROM recording_device d WHERE d.seq = (SELECT MAX(x.seq) FROM recording_device x"
        + " WHERE x.device_number = d.device_number) ORDER BY d.device_number", DeviceRegister::device);
  }

  /** The register's rows of one device, oldest first: who answered for it when. */
  public List<Device> history(String number) {
    return jdbc.query("SELECT * FROM recording_device WHERE device_number = ? ORDER BY seq", DeviceRegister::device, number);
  }

  @Transactional
  public DeviceCheck recordCheck(String actor, String number, boolean noFault, boolean battery, boolean storage,
      boolean clockSet, String note) {
    Instant now = now();
    jdbc.update("INSERT INTO recording_device_check (device_number, checked_at, checked_by, no_fault, battery_sufficient,"
        + " storage_sufficient, clock_set, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", number, Timestamp.from(now), actor,
        noFault, battery, storage, clockSet, note);
    DeviceCheck check = jdbc.query("SELECT * FROM recording_device_check WHERE device_number = ? ORDER BY seq DESC",
        DeviceRegister::check, number).get(0);
    auditLog.append(actor, AuditAction.DEVICE_CHECKED, number, "noFault=" + noFault + " battery=" + battery
        + " storage=" + storage + " clockSet=" + clockSet + " passed=" + check.passed() + " row=" + check.seq());
    return check;
  }

  /** The checks of the device on one Beijing day, in time order. */
  public List<DeviceCheck> checksOn(String number, LocalDate day) {
    Instant from = day.atStartOfDay(BEIJING).toInstant();
    Instant to = day.plusDays(1).atStartOfDay(BEIJING).toInstant();
    return jdbc.query("SELECT * FROM recording_device_check WHERE device_number = ? AND checked_at >= ? AND checked_at < ?"
        + " ORDER BY checked_at, seq", DeviceRegister::check, number, Timestamp.from(from), Timestamp.from(to));
  }

  /** The device's checks, newest first, at most {@code limit}. */
  public List<DeviceCheck> recentChecks(String number, int limit) {
    return jdbc.query("SELECT * FROM recording_device_check WHERE device_number = ? ORDER BY checked_at DESC, seq DESC",
        DeviceRegister::check, number).stream().limit(limit).toList();
  }

  private static Device device(ResultSet rs, int row) throws SQLException {
    return new Device(rs.getLong("seq"), rs.getString("device_number"), rs.getString("device_type"),
        rs.getString("responsible"), rs.getString("unit"), rs.getTimestamp("registered_at").toInstant(),
        rs.getString("registered_by"));
  }

  private static DeviceCheck check(ResultSet rs, int row) throws SQLException {
    return new DeviceCheck(rs.getLong("seq"), rs.getString("device_number"), rs.getTimestamp("checked_at").toInstant(),
        rs.getString("checked_by"), rs.getBoolean("no_fault"), rs.getBoolean("battery_sufficient"),
        rs.getBoolean("storage_sufficient"), rs.getBoolean("clock_set"), rs.getString("note"));
  }
}
