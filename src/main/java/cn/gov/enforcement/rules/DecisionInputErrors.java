package cn.gov.enforcement.rules;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the engine's REST API answers when a table refuses an input: the shipped tables check every
 * input in its input expression and fail the evaluation with {@value DecisionContract#INVALID_INPUT_MARKER}
 * when it is missing or outside the contract's values. The engine wraps that FEEL error (evaluate:
 * {@code 500 RestException "Cannot evaluate decision …: Exception while evaluating decision with key …"},
 * without the reason). These mappers answer instead with {@code 400}
 * {@code {"type": "InvalidDecisionInputException", "message": "决策输入无效 / invalid decision input: INVALID_DECISION_INPUT activity: …", "code": 22002}}
 * — for a direct evaluation and for a process whose business rule task gets such an input
 * (start, task completion). Every other error keeps the engine's own answer.
 */
@Configuration
public class DecisionInputErrors {

  public static final String TYPE = "InvalidDecisionInputException";
  public static final int CODE = 22002;

  @Bean
  ResourceConfigCustomizer decisionInputErrorMappers() {
    return config -> config.register(RestExceptionMapper.class)
        .register(ProcessEngineExceptionMapper.class)
        .register(FeelExceptionMapper.class);
  }

  /** The input error in the cause chain, or null. */
  static String invalidInput(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof FeelException && t.getMessage() != null && t.getMessage().contains(DecisionContract.INVALID_INPUT_MARKER)) {
        return CaseRunner.shortMessage(t);
      }
    }
    return null;
  }

  static Response respond(Throwable exception) {
    String invalid = invalidInput(exception);
    if (invalid == null) {
      return ExceptionHandlerHelper.getInstance().getResponse(exception);
    }
    ExceptionDto dto = new ExceptionDto();
    dto.setType(TYPE);
    dto.setMessage("决策输入无效 / invalid decision input: " + invalid);
    dto.setCode(CODE);
    return Response.status(Response.Status.BAD_REQUEST).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** Ahead of the engine's own mappers (priority 1), but only for an invalid decision input. */
  @Provider
  @Priority(1)
  public static class RestExceptionMapper implements ExtendedExceptionMapper<RestException> {
    @Override
    public boolean isMappable(RestException exception) {
      return invalidInput(exception) != null;
    }

    @Override
    public Response toResponse(RestException exception) {
      return respond(exception);
    }
  }

  @Provider
  @Priority(1)
  public static class ProcessEngineExceptionMapper implements ExtendedExceptionMapper<ProcessEngineException> {
    @Override
    public boolean isMappable(ProcessEngineException exception) {
      return invalidInput(exception) != null;
    }

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return respond(exception);
    }
  }

  @Provider
  @Priority(1)
  public static class FeelExceptionMapper implements ExtendedExceptionMapper<FeelException> {
    @Override
    public boolean isMappable(FeelException exception) {
      return invalidInput(exception) != null;
    }

    @Override
    public Response toResponse(FeelException exception) {
      return respond(exception);
    }
  }
}
