package cn.gov.enforcement.platform;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Suspends the engine's authorization checks of the running command for one look-up, for code
 * outside this package ({@code identity.StaffMembership}): the command context that holds the
 * switch is an internal class of the engine.
 */
public final class AuthorizationChecks {

  private AuthorizationChecks() {}

  /**
   * Runs {@code lookup} without the authorization checks of the current command (if there is one
   * and it checks), and switches them back on afterwards; only for reading.
   */
  public static <T> T suspended(Supplier<T> lookup) {
    CommandContext context = Context.getCommandContext();
    boolean checking = context != null && context.isAuthorizationCheckEnabled();
    if (checking) {
      context.disableAuthorizationCheck();
    }
    try {
      return lookup.get();
    } finally {
      if (checking) {
        context.enableAuthorizationCheck();
      }
    }
  }
}
