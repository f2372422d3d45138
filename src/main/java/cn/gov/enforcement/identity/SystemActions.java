package cn.gov.enforcement.identity;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls that the system makes by rule, not the caller by permission: evaluating
 * {@code retention-class}, starting a warning or disposal procedure, reading a whole case's history
 * for its case file once the reader's right to it was checked. An officer who uploads needs no
 * right to start a section head's warning task; the rule does it. The caller's authentication is
 * restored afterwards.
 */
@Component
public class SystemActions {

  private final IdentityService identityService;

  public SystemActions(IdentityService identityService) {
    this.identityService = identityService;
  }

  public <T> T run(Supplier<T> action) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return action.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }

  public void perform(Runnable action) {
    run(() -> {
      action.run();
      return null;
    });
  }
}
