package cn.gov.enforcement.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How engine-rest answers a refusal of the engine guards, whether a resource passes it through or
 * wraps it (RestException, or a ProcessEngineException around a listener's refusal):
 * <pre>{@code {"type": "…Exception", "error": "EXPRESSION_REFUSED", "message": "中文 / English"}}</pre>
 * with the refusal's status (400 or 403). {@code type}/{@code message} keep clients of Camunda's
 * error body working. The webapps' API is a separate JAX-RS application: there the refusals are
 * a BadUserRequestException (400) or an AuthorizationException (403) in Camunda's shape.
 */
@Configuration
public class EngineGuardRestConfiguration {

  @Bean
  ResourceConfigCustomizer engineGuardExceptionMappers() {
    return config -> {
      config.register(BadRequestMapper.class);
      config.register(ForbiddenMapper.class);
      config.register(WrappedInRestExceptionMapper.class);
      config.register(WrappedInEngineExceptionMapper.class);
    };
  }

  static Response response(Throwable exception) {
    RuntimeException found = EngineGuardRefusal.find(exception);
    EngineGuardRefusal refusal = (EngineGuardRefusal) found;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", found.getClass().getSimpleName());
    body.put("error", refusal.code());
    body.put("message", refusal.getMessage());
    return Response.status(refusal.status())
        .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
        .entity(body)
        .build();
  }

  /** The refusal itself, where a resource passes it through (queries, filters, identity). */
  @Priority(1)
  public static class BadRequestMapper implements ExceptionMapper<GuardBadRequestException> {
    @Override
    public Response toResponse(GuardBadRequestException exception) {
      return response(exception);
    }
  }

  @Priority(1)
  public static class ForbiddenMapper implements ExceptionMapper<GuardForbiddenException> {
    @Override
    public Response toResponse(GuardForbiddenException exception) {
      return response(exception);
    }
  }

  /** Resources that wrap engine exceptions (start, task completion) into a RestException. */
  @Priority(1)
  public static class WrappedInRestExceptionMapper implements ExtendedExceptionMapper<RestException> {
    @Override
    public boolean isMappable(RestException exception) {
      return EngineGuardRefusal.find(exception) != null;
    }

    @Override
    public Response toResponse(RestException exception) {
      return response(exception);
    }
  }

  /** A refusal wrapped by the engine (should the interceptor not have unwrapped it). */
  @Priority(1)
  public static class WrappedInEngineExceptionMapper implements ExtendedExceptionMapper<ProcessEngineException> {
    @Override
    public boolean isMappable(ProcessEngineException exception) {
      return EngineGuardRefusal.find(exception) != null;
    }

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return response(exception);
    }
  }
}
