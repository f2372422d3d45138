package cn.gov.enforcement.identity;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Brings groups, their authorizations and the Tasklist filters to the state {@link AccessPolicy}
 * describes, in every profile, on every start. Idempotent: what exists is left as it is, so an
 * administrator's additions in the Admin webapp survive a restart.
 *
 * <p>Also makes sure {@code camunda-admin} has the configured admin as a direct member: with no
 * direct member the webapps' setup endpoint would let anyone create an administrator
 * (CVE-2026-77226, not fixed in 7.24.0 CE); the endpoint is refused as well (AdminSetupGuard).
 */
@Component
public class BureauAccessSetup {

  private static final Logger LOG = LoggerFactory.getLogger(BureauAccessSetup.class);

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final CertifiedOfficers certifiedOfficers;
  private final CertificateProperties certificates;
  private final String adminUserId;

  public BureauAccessSetup(IdentityService identityService, AuthorizationService authorizationService,
      FilterService filterService, TaskService taskService, CertifiedOfficers certifiedOfficers,
      CertificateProperties certificates, @Value("${camunda.bpm.admin-user.id}") String adminUserId) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
    this.certifiedOfficers = certifiedOfficers;
    this.certificates = certificates;
    this.adminUserId = adminUserId;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(0)
  public void apply() {
    createGroups();
    AccessPolicy.grants().forEach(this::grant);
    createFilters();
    ensureAdminMember();
    registerCertificates();
  }

  private void registerCertificates() {
    certificates.certificates().forEach((userId, number) -> {
      if (identityService.createUserQuery().userId(userId).count() == 0) {
        LOG.warn("certificate {} is configured for the unknown user {}", number, userId);
      } else if (!number.equals(certifiedOfficers.certificateNumber(userId).orElse(null))) {
        certifiedOfficers.certify(userId, number);
      }
    });
  }

  private void createGroups() {
    for (BureauGroup bureauGroup : BureauGroup.values()) {
      if (identityService.createGroupQuery().groupId(bureauGroup.id()).count() == 0) {
        Group group = identityService.newGroup(bureauGroup.id());
        group.setName(bureauGroup.chineseName());
        group.setType(bureauGroup.isStaff() ? "WORKFLOW" : "SYSTEM");
        identityService.saveGroup(group);
      }
    }
  }

  private void grant(AccessPolicy.Grant grant) {
    Authorization existing = authorizationService.createAuthorizationQuery()
        .groupIdIn(grant.group().id()).resourceType(grant.resource()).resourceId(grant.resourceId()).singleResult();
    Authorization authorization = existing != null ? existing
        : authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    if (existing == null) {
      authorization.setGroupId(grant.group().id());
      authorization.setResource(grant.resource());
      authorization.setResourceId(grant.resourceId());
    }
    boolean missing = grant.permissions().stream().anyMatch(p -> !authorization.isPermissionGranted(p));
    if (missing) {
      grant.permissions().forEach(authorization::addPermission);
      authorizationService.saveAuthorization(authorization);
    }
  }

  private void createFilters() {
    for (TasklistFilters.FilterDefinition definition : TasklistFilters.definitions(taskService)) {
      Filter filter = filterService.createFilterQuery().filterName(definition.name()).singleResult();
      if (filter == null) {
        filter = filterService.newTaskFilter(definition.name())
            .setProperties(definition.properties())
            .setQuery(definition.query());
        filterService.saveFilter(filter);
      }
      for (BureauGroup group : BureauGroup.values()) {
        if (group.isStaff()) {
          grant(new AccessPolicy.Grant(group, Resources.FILTER, filter.getId(),
              java.util.Set.of(org.camunda.bpm.engine.authorization.Permissions.READ)));
        }
      }
    }
  }

  private void ensureAdminMember() {
    if (identityService.createUserQuery().userId(adminUserId).count() == 0) {
      throw new IllegalStateException("the configured admin user " + adminUserId + " does not exist");
    }
    if (identityService.createUserQuery().userId(adminUserId).memberOfGroup(BureauGroup.CAMUNDA_ADMIN.id()).count() == 0) {
      identityService.createMembership(adminUserId, BureauGroup.CAMUNDA_ADMIN.id());
      LOG.info("added {} to camunda-admin so that the group always has a direct member", adminUserId);
    }
  }

}
