package cn.gov.enforcement.identity;

import cn.gov.enforcement.platform.AuthorizationChecks;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Group membership as seen by task listeners, which run inside the engine command of whoever
 * completes the task. That user usually may not read other users, so an authorized user query
 * would find nobody; the check itself is not a disclosure, hence it runs without authorization
 * checks for its own duration only.
 */
@Component
public class StaffMembership {

  private final IdentityService identityService;

  public StaffMembership(IdentityService identityService) {
    this.identityService = identityService;
  }

  public boolean isMember(String userId, BureauGroup group) {
    if (userId == null || userId.isBlank()) {
      return false;
    }
    return withoutAuthorization(() -> identityService.createUserQuery().userId(userId).memberOfGroup(group.id()).count() > 0);
  }

  /**
   * A look-up the server makes for a check or a pick list (certificates, users), without the
   * authorizations of the user whose command runs it; only for reading.
   */
  public <T> T withoutAuthorization(java.util.function.Supplier<T> lookup) {
    return AuthorizationChecks.suspended(lookup);
  }

  /**
   * The users of a group, for a pick list filled by a listener inside the command of whoever
   * completed the previous step (who may not read other users): read without authorization checks
   * for its own duration only, like {@link #isMember}.
   */
  public List<User> members(BureauGroup group) {
    return AuthorizationChecks.suspended(
        () -> identityService.createUserQuery().memberOfGroup(group.id()).orderByUserId().asc().list());
  }

  /**
   * Who is doing this step: the authenticated user of the request (Tasklist, REST), else the
   * task's assignee (a test or a system call through the Java API).
   */
  public Optional<String> doer(DelegateTask task) {
    var authentication = identityService.getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return Optional.of(authentication.getUserId());
    }
    return Optional.ofNullable(task.getAssignee()).filter(a -> !a.isBlank());
  }
}
