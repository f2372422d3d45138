package cn.gov.enforcement.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Nodes that start at the same time on one PostgreSQL database start one after the other. Each
 * start creates what is missing — the engine's admin user, the bureau's groups, authorizations and
 * Tasklist filters, the demo users — by "look, then insert"; two nodes doing that at once both
 * insert, and one dies on the duplicate key (found by e2e/cluster.sh: {@code act_uniq_auth_group})
 * or, for filters, which have no key, the bureau gets every filter twice. So from the moment the
 * application's data source exists until the application is ready, the node holds a PostgreSQL
 * session advisory lock on one connection; a second node waits there, then finds everything made.
 * The lock goes with the connection: a node that dies while starting releases it. H2 (one process
 * per database file) needs none.
 */
public class StartupLock implements BeanPostProcessor, ApplicationListener<ApplicationEvent>, DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);
  /** Any fixed number: the key of this application's start-up lock among PostgreSQL's advisory locks. */
  static final long KEY = 0x656e666f72636531L;

  private Connection holder;
  private boolean done;

  @Override
  public synchronized Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && holder == null && !done) {
      acquire(dataSource);
    }
    return bean;
  }

  private void acquire(DataSource dataSource) {
    try {
      Connection connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        done = true;
        return;
      }
      connection.setAutoCommit(true);
      try (Statement statement = connection.createStatement()) {
        if (!locked(statement, "SELECT pg_try_advisory_lock(" + KEY + ")")) {
          LOG.info("another node is starting on this database: waiting until it is ready");
          statement.execute("SELECT pg_advisory_lock(" + KEY + ")");
          LOG.info("the other node is ready: starting");
        }
      }
      holder = connection;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot take the start-up lock on the database: " + e.getMessage(), e);
    }
  }

  private static boolean locked(Statement statement, String sql) throws SQLException {
    try (ResultSet result = statement.executeQuery(sql)) {
      return result.next() && result.getBoolean(1);
    }
  }

  @Override
  public void onApplicationEvent(ApplicationEvent event) {
    if (event instanceof ApplicationReadyEvent || event instanceof ApplicationFailedEvent
        || event instanceof ContextClosedEvent) {
      release();
    }
  }

  @Override
  public void destroy() {
    release();
  }

  private synchronized void release() {
    done = true;
    if (holder == null) {
      return;
    }
    try (Connection connection = holder) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("SELECT pg_advisory_unlock(" + KEY + ")");
      }
    } catch (SQLException e) {
      LOG.warn("start-up lock: {}", e.getMessage()); // the closed connection released it anyway
    } finally {
      holder = null;
    }
  }
}
