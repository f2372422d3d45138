package cn.gov.enforcement.platform;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * An operation the caller may not do whatever their authorizations say (start part-way, modify,
 * restart or migrate instances without being in camunda-admin; remove the last administrator;
 * approve one's own request). An {@link AuthorizationException}, so that Camunda's REST APIs
 * (engine-rest and the webapps' API) answer 403 and never wrap it into a 500.
 */
public class GuardForbiddenException extends AuthorizationException implements EngineGuardRefusal {

  private static final long serialVersionUID = 1L;

  private final String code;

  public GuardForbiddenException(String code, String chinese, String english) {
    super(chinese + " / " + english);
    this.code = code;
  }

  @Override
  public int status() {
    return 403;
  }

  @Override
  public String code() {
    return code;
  }
}
