package cn.gov.enforcement.recording;

import cn.gov.enforcement.identity.BureauGroup;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who calls the evidence API, as the HTTP Basic filter told the engine. */
public record Caller(String userId, List<String> groups) {

  /** Who may see confidential recordings (ACC-06) besides their uploader and officers. */
  static final Set<String> CONFIDENTIAL_READERS = Set.of(BureauGroup.DIRECTOR.id(), BureauGroup.DEPUTY_DIRECTOR.id(),
      BureauGroup.SECTION_HEAD.id(), BureauGroup.LEGAL_AFFAIRS.id(), BureauGroup.SUPERVISOR.id());

  public static Caller current(IdentityService identityService) {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw Refusals.forbidden("未登录", "not authenticated");
    }
    return new Caller(authentication.getUserId(),
        authentication.getGroupIds() == null ? List.of() : List.copyOf(authentication.getGroupIds()));
  }

  /**
   * Who the engine says is acting in a delegate: the user who completed the task that led here, or
   * {@code nobody} when the step runs without one (a timer, the job executor).
   */
  static String actor(IdentityService identityService, String nobody) {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null || authentication.getUserId() == null ? nobody : authentication.getUserId();
  }

  public boolean in(BureauGroup group) {
    return groups.contains(group.id());
  }

  public boolean inAny(Set<String> groupIds) {
    return groups.stream().anyMatch(groupIds::contains);
  }

  /** ACC-06: a confidential recording is visible to leaders, the legal unit, supervision and those who made it. */
  public boolean maySee(Recording recording) {
    return !recording.confidential() || inAny(CONFIDENTIAL_READERS) || userId.equals(recording.uploadedBy())
        || recording.officers().contains(userId);
  }
}
