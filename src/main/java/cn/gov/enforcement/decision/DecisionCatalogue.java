package cn.gov.enforcement.decision;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * DEC-18: the adopted yearly catalogues (tables {@code decision_catalogue},
 * {@code decision_catalogue_item}). An item is numbered {@code <year>-<nn>}; a proposal names the
 * item it belongs to ({@code catalogueItemNo}) and is checked against the catalogue of its year
 * when it is registered ({@link ProposalRegistration}).
 */
@Component
public class DecisionCatalogue {

  public record Item(String itemNo, String title, String category) {}

  public record Catalogue(int year, String adoptedBy, Instant adoptedAt, Instant publishedAt, List<Item> items) {}

  private final JdbcClient jdbc;

  public DecisionCatalogue(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Adopts (and publishes) the catalogue of a year, replacing an earlier adoption of the same year. */
  @Transactional
  public void adopt(int year, List<Item> items, String director, Instant at) {
    jdbc.sql("DELETE FROM decision_catalogue_item WHERE catalogue_year = ?").param(year).update();
    jdbc.sql("DELETE FROM decision_catalogue WHERE catalogue_year = ?").param(year).update();
    jdbc.sql("INSERT INTO decision_catalogue (catalogue_year, adopted_by, adopted_at, published_at) VALUES (?, ?, ?, ?)")
        .param(year).param(director).param(Timestamp.from(at)).param(Timestamp.from(at)).update();
    for (Item item : items) {
      jdbc.sql("INSERT INTO decision_catalogue_item (catalogue_year, item_no, title, category) VALUES (?, ?, ?, ?)")
          .param(year).param(item.itemNo()).param(item.title()).param(item.category()).update();
    }
  }

  public Optional<Catalogue> find(int year) {
    return jdbc.sql("SELECT adopted_by, adopted_at, published_at FROM decision_catalogue WHERE catalogue_year = ?")
        .param(year)
        .query((rs, n) -> new Catalogue(year, rs.getString(1), rs.getTimestamp(2).toInstant(),
            rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(), items(year)))
        .optional();
  }

  /** The item of an adopted catalogue, if the number is one. */
  public Optional<Item> item(String itemNo) {
    return jdbc.sql("SELECT i.item_no, i.title, i.category FROM decision_catalogue_item i "
            + "JOIN decision_catalogue c ON c.catalogue_year = i.catalogue_year WHERE i.item_no = ?")
        .param(itemNo)
        .query((rs, n) -> new Item(rs.getString(1), rs.getString(2), rs.getString(3)))
        .optional();
  }

  private List<Item> items(int year) {
    return jdbc.sql("SELECT item_no, title, category FROM decision_catalogue_item WHERE catalogue_year = ? ORDER BY item_no")
        .param(year)
        .query((rs, n) -> new Item(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }
}
