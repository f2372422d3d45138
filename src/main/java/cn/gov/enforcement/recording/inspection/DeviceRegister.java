package cn.gov.enforcement.recording.inspection;

import cn.gov.enforcement.audit.AuditAction;
import cn.gov.enforcement.audit.AuditLog;
import cn.gov.enforcement.platform.EngineClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The device register and its pre-duty checks (REC-15, JL 第八条). Insert only: the tables refuse
 * UPDATE and DELETE (triggers), so a change of responsible person is a new register row and the
 * history of who answered for a device stays. Every write is audited in the hash chain (ACC-07).
 * The columns are the records' components, so rows map by name; the {@code TIMESTAMP WITH TIME ZONE}
 * columns read back as instants. Instants are bound as UTC {@link OffsetDateTime}s, as in the evidence
 * repository, so H2 and PostgreSQL store the same instant whatever the JVM's default zone; a Beijing day
 * is turned into its two instants here ({@link #checksOn}), never by the database.
 */
@Component
public class DeviceRegister {

  /** Days are Beijing days: "checked that day" means the calendar day in Asia/Shanghai. */
  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  private final JdbcClient jdbc;
  private final AuditLog auditLog;

  public DeviceRegister(JdbcClient jdbc, AuditLog auditLog) {
    this.jdbc = jdbc;
    this.auditLog = auditLog;
  }

  static Instant now() {
    return EngineClock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  @Transactional
  public Device register(String actor, String number, String type, String responsible, String unit) {
    Instant now = now();
    jdbc.sql("INSERT INTO recording_device (device_number, device_type, responsible, unit, registered_at, registered_by)"
        + " VALUES (?, ?, ?, ?, ?, ?)").params(number, type, responsible, unit, utc(now), actor).update();
    Device device = current(number).orElseThrow();
    auditLog.append(actor, AuditAction.DEVICE_REGISTERED, number,
        "type=" + type + " responsible=" + responsible + " unit=" + unit + " row=" + device.seq());
    return device;
  }

  public Optional<Device> current(String number) {
    return jdbc.sql("SELECT * FROM recording_device WHERE device_number = ? ORDER BY seq DESC").param(number)
        .query(Device.class).list().stream().findFirst();
  }

  /** Every device's current entry, by number. */
  public List<Device> devices() {
    return jdbc.sql("SELECT d.* FROM recording_device d WHERE d.seq = (SELECT MAX(x.seq) FROM recording_device x"
        + " WHERE x.device_number = d.device_number) ORDER BY d.device_number").query(Device.class).list();
  }

  /** The register's rows of one device, oldest first: who answered for it when. */
  public List<Device> history(String number) {
    return jdbc.sql("SELECT * FROM recording_device WHERE device_number = ? ORDER BY seq").param(number)
        .query(Device.class).list();
  }

  @Transactional
  public DeviceCheck recordCheck(String actor, String number, boolean noFault, boolean battery, boolean storage,
      boolean clockSet, String note) {
    Instant now = now();
    jdbc.sql("INSERT INTO recording_device_check (device_number, checked_at, checked_by, no_fault, battery_sufficient,"
        + " storage_sufficient, clock_set, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(number, utc(now), actor, noFault, battery, storage, clockSet, note).update();
    DeviceCheck check = jdbc.sql("SELECT * FROM recording_device_check WHERE device_number = ? ORDER BY seq DESC")
        .param(number).query(DeviceCheck.class).list().get(0);
    auditLog.append(actor, AuditAction.DEVICE_CHECKED, number, "noFault=" + noFault + " battery=" + battery
        + " storage=" + storage + " clockSet=" + clockSet + " passed=" + check.passed() + " row=" + check.seq());
    return check;
  }

  /** The checks of the device on one Beijing day, in time order. */
  public List<DeviceCheck> checksOn(String number, LocalDate day) {
    Instant from = day.atStartOfDay(BEIJING).toInstant();
    Instant to = day.plusDays(1).atStartOfDay(BEIJING).toInstant();
    return jdbc.sql("SELECT * FROM recording_device_check WHERE device_number = ? AND checked_at >= ? AND checked_at < ?"
        + " ORDER BY checked_at, seq").params(number, utc(from), utc(to)).query(DeviceCheck.class).list();
  }

  /** The device's checks, newest first, at most {@code limit}. */
  public List<DeviceCheck> recentChecks(String number, int limit) {
    return jdbc.sql("SELECT * FROM recording_device_check WHERE device_number = ? ORDER BY checked_at DESC, seq DESC")
        .param(number).query(DeviceCheck.class).list().stream().limit(limit).toList();
  }
}
