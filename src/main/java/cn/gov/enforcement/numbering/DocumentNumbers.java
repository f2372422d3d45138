package cn.gov.enforcement.numbering;

import cn.gov.enforcement.calendar.BeijingTime;
import cn.gov.enforcement.platform.EngineClock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Running numbers for what people refer to (contract.md "Business keys"): {@code 前缀〔年〕N号},
 * counted per prefix and Beijing year. The number is taken in the caller's transaction (the
 * engine's, when a delegate asks), with the row locked by the update: two nodes or two threads
 * never get the same number, and a start that rolls back does not use one up.
 */
@Component
public class DocumentNumbers {

  private final JdbcClient jdbc;
  private final TransactionTemplate separately;

  public DocumentNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.separately = new TransactionTemplate(transactions);
    this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The next number of {@code prefix} in the current year, e.g. {@code 重大决策〔2026〕1号}. */
  public String next(String prefix) {
    int year = BeijingTime.dayOf(EngineClock.now()).getYear();
    return prefix + "〔" + year + "〕" + take(prefix, year) + "号";
  }

  private int take(String prefix, int year) {
    if (move(prefix, year) == 0) {
      // the year's first number: open its row in a transaction of its own, so that losing the race
      // to another node (a duplicate key) does not abort the caller's transaction (PostgreSQL)
      try {
        separately.executeWithoutResult(status -> jdbc.sql(
            "INSERT INTO document_number (prefix, number_year, last_number) VALUES (?, ?, 0)").params(prefix, year).update());
      } catch (DuplicateKeyException e) {
        // another transaction opened the year first
      }
      if (move(prefix, year) == 0) {
        throw new IllegalStateException("无法取得文号 / could not take a number for " + prefix + " " + year);
      }
    }
    return jdbc.sql("SELECT last_number FROM document_number WHERE prefix = ? AND number_year = ?")
        .params(prefix, year).query(Integer.class).single();
  }

  /** Moves the counter forward; the row stays locked until the caller's transaction ends. */
  private int move(String prefix, int year) {
    return jdbc.sql("UPDATE document_number SET last_number = last_number + 1 WHERE prefix = ? AND number_year = ?")
        .params(prefix, year).update();
  }
}
