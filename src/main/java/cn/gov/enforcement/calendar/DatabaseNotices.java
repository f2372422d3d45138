package cn.gov.enforcement.calendar;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The entered notices, from table {@code calendar_year} (PER-05). The calendar asks about single
 * days many times per period, so the table is held in memory and read again when the copy is
 * older than {@link #MAX_AGE_NANOS} (another node's entry is seen within that time) or at once
 * when this node stores an entry ({@link #invalidate()}).
 */
public class DatabaseNotices implements EnteredNotices {

  /** How long another node's entry may stay unseen. */
  static final long MAX_AGE_NANOS = 5_000_000_000L;

  private final JdbcClient jdbc;
  private final long maxAgeNanos;
  private volatile Snapshot snapshot;

  public DatabaseNotices(JdbcClient jdbc) {
    this(jdbc, MAX_AGE_NANOS);
  }

  /** With another maximum age of the in-memory copy (tests of a second node). */
  DatabaseNotices(JdbcClient jdbc, long maxAgeNanos) {
    this.jdbc = jdbc;
    this.maxAgeNanos = maxAgeNanos;
  }

  private record Snapshot(long loadedAt, SortedMap<Integer, NoticeYear> years, Map<LocalDate, Boolean> days) {}

  @Override
  public SortedSet<Integer> years() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(current().years().keySet()));
  }

  @Override
  public Boolean listedAsWorking(LocalDate day) {
    return current().days().get(day);
  }

  public Optional<NoticeYear> find(int year) {
    return Optional.ofNullable(current().years().get(year));
  }

  public SortedMap<Integer, NoticeYear> all() {
    return Collections.unmodifiableSortedMap(current().years());
  }

  /** Inserts or replaces the year's notice; the caller validated it. */
  public void store(NoticeYear year) {
    int updated = jdbc.sql("UPDATE calendar_year SET notice = ?, holidays = ?, make_up_working_days = ?, entered_by = ?, "
            + "entered_at = ? WHERE notice_year = ?")
        .params(year.notice(), join(year.holidays()), join(year.makeUpWorkingDays()), year.enteredBy(),
            OffsetDateTime.ofInstant(year.enteredAt(), ZoneOffset.UTC), year.year())
        .update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO calendar_year (notice_year, notice, holidays, make_up_working_days, entered_by, entered_at) "
              + "VALUES (?, ?, ?, ?, ?, ?)")
          .params(year.year(), year.notice(), join(year.holidays()), join(year.makeUpWorkingDays()), year.enteredBy(),
              OffsetDateTime.ofInstant(year.enteredAt(), ZoneOffset.UTC))
          .update();
    }
    invalidate();
    // read again once the transaction is over: committed, every reader sees it; rolled back, nobody does
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          invalidate();
        }
      });
    }
  }

  /** For tests that put a year back as it was. */
  void delete(int year) {
    jdbc.sql("DELETE FROM calendar_year WHERE notice_year = ?").param(year).update();
    invalidate();
  }

  public void invalidate() {
    snapshot = null;
  }

  private Snapshot current() {
    Snapshot current = snapshot;
    if (current == null || System.nanoTime() - current.loadedAt() > maxAgeNanos) {
      current = load();
      snapshot = current;
    }
    return current;
  }

  private Snapshot load() {
    SortedMap<Integer, NoticeYear> years = new TreeMap<>();
    jdbc.sql("SELECT notice_year, notice, holidays, make_up_working_days, entered_by, entered_at FROM calendar_year")
        .query((rs, i) -> new NoticeYear(rs.getInt(1), rs.getString(2), split(rs.getString(3)), split(rs.getString(4)),
            rs.getString(5), instant(rs.getObject(6))))
        .list()
        .forEach(year -> years.put(year.year(), year));
    Map<LocalDate, Boolean> days = new HashMap<>();
    for (NoticeYear year : years.values()) {
      year.holidays().forEach(day -> days.put(day, false));
      year.makeUpWorkingDays().forEach(day -> days.put(day, true));
    }
    return new Snapshot(System.nanoTime(), years, Map.copyOf(days));
  }

  private static Instant instant(Object value) {
    if (value instanceof OffsetDateTime time) {
      return time.toInstant();
    }
    if (value instanceof Timestamp time) {
      return time.toInstant();
    }
    if (value instanceof java.time.ZonedDateTime time) {
      return time.toInstant();
    }
    return value == null ? null : OffsetDateTime.parse(value.toString()).toInstant();
  }

  private static String join(SortedSet<LocalDate> days) {
    return days.stream().map(LocalDate::toString).collect(Collectors.joining(","));
  }

  private static SortedSet<LocalDate> split(String text) {
    SortedSet<LocalDate> days = new TreeSet<>();
    if (text != null && !text.isBlank()) {
      Arrays.stream(text.split(",")).map(String::trim).map(LocalDate::parse).forEach(days::add);
    }
    return days;
  }
}
