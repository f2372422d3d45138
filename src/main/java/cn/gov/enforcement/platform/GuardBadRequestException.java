package cn.gov.enforcement.platform;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A request the engine guards refuse as malformed or not allowed in itself (an expression in a
 * query, a tenant that does not exist, resolving a task that was never delegated). A
 * {@link BadUserRequestException}, so that Camunda's own REST APIs (engine-rest and the webapps'
 * API) answer 400 where they do not wrap the exception.
 */
public class GuardBadRequestException extends BadUserRequestException implements EngineGuardRefusal {

  private static final long serialVersionUID = 1L;

  private final String code;

  public GuardBadRequestException(String code, String chinese, String english) {
    super(chinese + " / " + english);
    this.code = code;
  }

  @Override
  public int status() {
    return 400;
  }

  @Override
  public String code() {
    return code;
  }
}
