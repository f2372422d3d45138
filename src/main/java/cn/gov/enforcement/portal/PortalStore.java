package cn.gov.enforcement.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portal's tables (migration {@code V20261202_18_1}). Writing is for the procedures' listeners;
 * reading is for the portal, and every read of a result goes through {@link #VISIBLE_RESULT}: the
 * one predicate that admits a row only while it is published, not withdrawn (PUB-05, or after the
 * director's approval, PUB-04), not past its 2 or 5 years (PUB-04: it leaves the portal at that
 * moment, before anyone approves the withdrawal) and not confidential (PUB-03). "Now" is the
 * engine clock, the same clock as the withdrawal timer.
 */
@Component
public class PortalStore {

  /** A published result (PUB-02): its public token, the masked party and the items in order. */
  public record Result(String publicId, String type, String decisionNumber, String party, String decidedOn,
      Map<String, String> items, Instant publishedAt) {}

  public record Advance(String publicId, String section, String title, String body, Instant publishedAt) {}

  public record Decision(String publicId, String title, String category, String leadUnit, String catalogueItem,
      String decidedOn, String outcome, String channel, Instant publishedAt) {}

  public record CatalogueItem(String itemNo, String title, String category) {}

  public record Catalogue(int year, Instant publishedAt, List<CatalogueItem> items) {}

  static final String VISIBLE_RESULT =
      "withdrawn_at IS NULL AND confidential = FALSE AND published_at <= :now AND visible_until > :now";

  private static final String RESULT_COLUMNS =
      "public_id, disclosure_type, decision_number, party_name, decided_on, items, published_at";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcClient jdbc;

  public PortalStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A random public token: URLs carry neither engine ids nor sequence numbers to count through. */
  static String newPublicId() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static Timestamp now() {
    return Timestamp.from(ClockUtil.getCurrentTime().toInstant());
  }

  // ---- written by the procedures ------------------------------------------------------------

  /** Publishes a result; publishing the same instance again (a retried listener) changes nothing. */
  @Transactional
  public void publishResult(String processInstanceId, String businessKey, String type, String decisionNumber,
      String maskedParty, String partyType, String decidedOn, Map<String, String> items, Instant visibleUntil) {
    if (jdbc.sql("SELECT COUNT(*) FROM portal_result WHERE process_instance = ?").param(processInstanceId)
        .query(Long.class).single() > 0) {
      return;
    }
    jdbc.sql("INSERT INTO portal_result (public_id, process_instance, business_key, disclosure_type, decision_number, "
            + "party_name, party_type, decided_on, items, confidential, published_at, visible_until) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?)")
        .params(newPublicId(), processInstanceId, businessKey, type, decisionNumber, maskedParty, partyType, decidedOn,
            json(items), now(), Timestamp.from(visibleUntil))
        .update();
  }

  /** Takes a result off the portal at once (PUB-04, PUB-05); a second call keeps the first moment. */
  public void withdrawResult(String processInstanceId, String kind) {
    jdbc.sql("UPDATE portal_result SET withdrawn_at = ?, withdrawal_kind = ? WHERE process_instance = ? AND withdrawn_at IS NULL")
        .params(now(), kind, processInstanceId).update();
  }

  /** Publishes approved advance-disclosure content; it replaces the earlier text of the same section and title. */
  @Transactional
  public void publishAdvance(String processInstanceId, String section, String title, String body, String reviewedBy) {
    jdbc.sql("UPDATE portal_advance SET superseded_at = ? WHERE section = ? AND title = ? AND superseded_at IS NULL")
        .params(now(), section, title).update();
    jdbc.sql("INSERT INTO portal_advance (public_id, process_instance, section, title, body, reviewed_by, published_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(newPublicId(), processInstanceId, section, title, body, reviewedBy, now()).update();
  }

  /** Takes advance-disclosure content of a section and title off the portal (a withdrawal approved by the legal unit). */
  public void withdrawAdvance(String section, String title) {
    jdbc.sql("UPDATE portal_advance SET superseded_at = ? WHERE section = ? AND title = ? AND superseded_at IS NULL")
        .params(now(), section, title).update();
  }

  public void publishDecision(String processInstanceId, String title, String category, String leadUnit, String catalogueItem,
      String decidedOn, String outcome, String channel, boolean confidential) {
    if (jdbc.sql("SELECT COUNT(*) FROM portal_decision WHERE process_instance = ?").param(processInstanceId)
        .query(Long.class).single() > 0) {
      return;
    }
    jdbc.sql("INSERT INTO portal_decision (public_id, process_instance, title, category, lead_unit, catalogue_item, "
            + "decided_on, outcome, channel, confidential, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(newPublicId(), processInstanceId, title, category, leadUnit, catalogueItem, decidedOn, outcome, channel,
            confidential, now()).update();
  }

  // ---- read by the portal -------------------------------------------------------------------

  /** Visible results, newest first; {@code query} matches a decision number or the (published, masked) party. */
  public List<Result> results(String query, int limit) {
    String sql = "SELECT " + RESULT_COLUMNS + " FROM portal_result WHERE " + VISIBLE_RESULT;
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("now", now());
    if (query != null && !query.isBlank()) {
      sql += " AND (decision_number LIKE :q ESCAPE '!' OR party_name LIKE :q ESCAPE '!')";
      params.put("q", "%" + query.trim().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
    }
    sql += " ORDER BY published_at DESC, public_id";
    return jdbc.sql(sql).params(params).query((rs, n) -> result(rs, n)).list().stream().limit(limit).toList();
  }

  public Optional<Result> result(String publicId) {
    return jdbc.sql("SELECT " + RESULT_COLUMNS + " FROM portal_result WHERE public_id = :id AND " + VISIBLE_RESULT)
        .param("id", publicId).param("now", now()).query((rs, n) -> result(rs, n)).optional();
  }

  public List<Advance> advance() {
    return jdbc.sql("SELECT public_id, section, title, body, published_at FROM portal_advance "
            + "WHERE superseded_at IS NULL AND published_at <= ? ORDER BY section, published_at")
        .param(now())
        .query((rs, n) -> new Advance(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getTimestamp(5).toInstant()))
        .list();
  }

  public List<Decision> decisions() {
    return jdbc.sql("SELECT public_id, title, category, lead_unit, catalogue_item, decided_on, outcome, channel, published_at "
            + "FROM portal_decision WHERE confidential = FALSE AND published_at <= ? ORDER BY published_at DESC")
        .param(now())
        .query((rs, n) -> new Decision(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant()))
        .list();
  }

  /** The adopted and published yearly catalogues of major decisions (DEC-18), newest year first. */
  public List<Catalogue> catalogues() {
    return jdbc.sql("SELECT catalogue_year, published_at FROM decision_catalogue WHERE published_at IS NOT NULL "
            + "AND published_at <= ? ORDER BY catalogue_year DESC")
        .param(now())
        .query((rs, n) -> new Catalogue(rs.getInt(1), rs.getTimestamp(2).toInstant(), List.of()))
        .list().stream()
        .map(c -> new Catalogue(c.year(), c.publishedAt(), jdbc.sql(
                "SELECT item_no, title, category FROM decision_catalogue_item WHERE catalogue_year = ? ORDER BY item_no")
            .param(c.year()).query((rs, n) -> new CatalogueItem(rs.getString(1), rs.getString(2), rs.getString(3))).list()))
        .toList();
  }

  private Result result(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Result(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        items(rs.getString(6)), rs.getTimestamp(7).toInstant());
  }

  private static String json(Map<String, String> items) {
    try {
      return JSON.writeValueAsString(items);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> items(String json) {
    try {
      return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
