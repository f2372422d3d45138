package cn.gov.enforcement.audit;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * Flyway migrates as the owner role ({@code database.owner.user}/{@code password}, from
 * DB_OWNER_USER/DB_OWNER_PASSWORD) while the application connects as {@code spring.datasource.username}
 * (docs/operations.md "Database roles"). Applied to PostgreSQL URLs only: an H2 database has one user
 * (the zero-setup trial and tests that switch to an in-memory H2), so owner credentials that happen
 * to be in the environment must not become the H2 database's first user. Flyway's customizers run
 * after Spring Boot set the data source, so this replaces it for the migration only.
 */
@Component
public class OwnerMigrations implements FlywayConfigurationCustomizer {

  private final String url;
  private final String owner;
  private final String password;

  public OwnerMigrations(@Value("${spring.datasource.url:}") String url, @Value("${database.owner.user:}") String owner,
      @Value("${database.owner.password:}") String password) {
    this.url = url;
    this.owner = owner;
    this.password = password;
  }

  @Override
  public void customize(FluentConfiguration configuration) {
    if (!owner.isBlank() && url.startsWith("jdbc:postgresql:")) {
      configuration.dataSource(url, owner, password);
    }
  }
}
