package cn.gov.enforcement.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine's {@code selectAuthorizedGroupIds}, answered by the index walk on PostgreSQL
 * ({@link AuthorizedGroupIdsLookup}): the same set of values as the engine's own
 * {@code SELECT distinct(GROUP_ID_)}, whatever the table holds, and read anew by every command.
 * PostgreSQL only: H2 runs the engine's statement unchanged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // the shared test context
@EnabledIfSystemProperty(named = "test.db.product", matches = "PostgreSQL")
class AuthorizedGroupIdsLookupTest {

  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;
  @Autowired AuthorizedGroupIdsLookup lookup;

  @Test
  @DisplayName("AUX-01 issue #17 on PostgreSQL the authorized group ids are the engine's DISTINCT set (NULL, odd collations, added and removed groups included), read by the index walk")
  void sameSetAsTheEnginesStatement() {
    AuthorizationService authorizations = engine.getAuthorizationService();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    // ids that sort differently by byte, case and collation, next to the demo groups
    List<String> groups = List.of("Zz-" + suffix, "aa " + suffix, "Ä-" + suffix, "组-" + suffix, "enforcement-officer-" + suffix);
    assertSame();
    List<String> added = new java.util.ArrayList<>();
    try {
      for (String group : groups) {
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(Resources.FILTER);
        grant.setResourceId("filter-" + suffix);
        grant.addPermission(Permissions.READ);
        added.add(authorizations.saveAuthorization(grant).getId());
        assertSame();
      }
      assertThat(engineLookup()).containsAll(groups);
    } finally {
      added.forEach(authorizations::deleteAuthorization);
    }
    assertSame();
    assertThat(engineLookup()).doesNotContainAnyElementsOf(groups);
  }

  @Test
  @DisplayName("AUX-01 issue #17 a grant to a group, and its removal, apply to the very next command (the lookup caches nothing)")
  void nextCommandSeesNewGrant() {
    IdentityService identity = engine.getIdentityService();
    AuthorizationService authorizations = engine.getAuthorizationService();
    FilterService filters = engine.getFilterService();
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String group = "lookup-" + suffix;
    Filter filter = filters.saveFilter(filters.newTaskFilter("lookup-" + suffix).setQuery(engine.getTaskService().createTaskQuery()));
    String grantId = null;
    try {
      identity.setAuthentication("lookup-user-" + suffix, List.of(group));
      assertThat(filters.createFilterQuery().filterId(filter.getId()).count()).isZero();
      identity.clearAuthentication();

      Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setGroupId(group);
      grant.setResource(Resources.FILTER);
      grant.setResourceId(filter.getId());
      grant.addPermission(Permissions.READ);
      grantId = authorizations.saveAuthorization(grant).getId();

      identity.setAuthentication("lookup-user-" + suffix, List.of(group));
      assertThat(filters.createFilterQuery().filterId(filter.getId()).count()).isEqualTo(1);
      identity.clearAuthentication();

      authorizations.deleteAuthorization(grantId);
      grantId = null;
      identity.setAuthentication("lookup-user-" + suffix, List.of(group));
      assertThat(filters.createFilterQuery().filterId(filter.getId()).count()).isZero();
    } finally {
      identity.clearAuthentication();
      if (grantId != null) {
        authorizations.deleteAuthorization(grantId);
      }
      filters.deleteFilter(filter.getId());
    }
  }

  private void assertSame() {
    long before = lookup.answered();
    Set<String> walked = engineLookup();
    assertThat(lookup.answered()).as("the engine's statement went through the index walk").isEqualTo(before + 1);
    Set<String> distinct = new HashSet<>(new JdbcTemplate(dataSource)
        .queryForList("SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A", String.class));
    assertThat(walked).isEqualTo(distinct);
    assertThat(walked).contains((String) null); // the user grants (admin's, the demo users')
  }

  /** The engine's own call, as AuthorizationManager makes it (through its DbEntityManager). */
  private Set<String> engineLookup() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    @SuppressWarnings("unchecked")
    List<String> ids = configuration.getCommandExecutorTxRequired()
        .execute(context -> (List<String>) context.getDbEntityManager().selectList("selectAuthorizedGroupIds"));
    Set<String> set = new HashSet<>(ids);
    assertThat(set).hasSameSizeAs(ids); // no value twice
    return set;
  }
}
