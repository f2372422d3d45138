package db.migration.postgresql;

import cn.gov.enforcement.audit.EngineSchemaMigration;

/** The engine's tables, created by Flyway as the owner (see {@link EngineSchemaMigration}). */
public class V20261201_11__engine_schema extends EngineSchemaMigration {

  public V20261201_11__engine_schema() {
    super("postgres");
  }
}
