package cn.gov.enforcement.casefile;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;

/**
 * Reads the whole history of a case once the caller's right to the case file was checked: the
 * engine's authorization checks would otherwise hide steps done in other groups. The caller's
 * authentication is put back afterwards.
 */
final class AsSystem {

  private AsSystem() {}

  static <T> T run(IdentityService identityService, Supplier<T> action) {
    var caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return action.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }
}
