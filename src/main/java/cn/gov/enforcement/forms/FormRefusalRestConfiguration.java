package cn.gov.enforcement.forms;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How engine-rest ({@code /engine-rest}) answers a refused form submission: 400 with
 * <pre>{@code {"type": "FormValidationException", "error": "FORM_INVALID",
 *   "message": "字段 category（类别）的值 … / field category has the value …",
 *   "field": "category", "violations": [{"field", "reason", "message"}]}}</pre>
 * {@code error}/{@code message} is the application's error body; {@code type}/{@code message} keep
 * clients of Camunda's error body working. Without this, engine-rest already answers 400 for task
 * complete/submit-form and start submit-form, but 500 for {@code process-definition/…/start},
 * which turns every engine exception into a server error.
 *
 * <p>The webapps' API used by Tasklist ({@code /camunda/api/engine}) is a separate JAX-RS
 * application; it answers refused submit-form calls with 400 in Camunda's shape
 * ({@code type: "RestException", message: "Cannot submit task form …: <the same message>"}).
 */
@Configuration
public class FormRefusalRestConfiguration {

  @Bean
  ResourceConfigCustomizer formRefusalExceptionMappers() {
    return config -> {
      config.register(RestRefusalMapper.class);
      config.register(EngineRefusalMapper.class);
    };
  }

  static Response badRequest(FormValidationException refusal) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", FormValidationException.class.getSimpleName());
    body.put("error", FormValidationException.ERROR_CODE);
    body.put("message", refusal.getMessage());
    body.put("field", refusal.field());
    List<Map<String, String>> violations = refusal.violations().stream()
        .map(v -> Map.of("field", v.field(), "reason", v.reason(), "message", v.chinese() + " / " + v.english()))
        .toList();
    body.put("violations", violations);
    return Response.status(Response.Status.BAD_REQUEST)
        .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
        .entity(body)
        .build();
  }

  /** engine-rest wraps the engine's exception into a RestException (500 for start, 400 for the others). */
  @Priority(1)
  public static class RestRefusalMapper implements ExtendedExceptionMapper<RestException> {
    @Override
    public boolean isMappable(RestException exception) {
      return FormRefusalUnwrapper.refusal(exception) instanceof FormValidationException;
    }

    @Override
    public Response toResponse(RestException exception) {
      return badRequest((FormValidationException) FormRefusalUnwrapper.refusal(exception));
    }
  }

  /** The refusal itself, for resources that do not wrap engine exceptions. */
  @Priority(1)
  public static class EngineRefusalMapper implements ExceptionMapper<FormValidationException> {
    @Override
    public Response toResponse(FormValidationException exception) {
      return badRequest(exception);
    }
  }
}
