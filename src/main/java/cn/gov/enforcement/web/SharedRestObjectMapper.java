package cn.gov.enforcement.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One {@link ObjectMapper} for engine-rest ({@code /engine-rest}), configured as Camunda's
 * {@link JacksonConfigurator} configures one. Camunda's resolver builds a new mapper for every
 * lookup, and Jersey's JSON provider looks one up for every body it reads or writes (the resources
 * again for each variable they convert): each request paid for a mapper, its Java-time module and,
 * above all, serializers and deserializers introspected anew because a new mapper's caches are empty
 * (issue #17, docs/benchmarks.md "What each change bought"). A configured mapper is thread-safe;
 * the date format it holds is cloned by Jackson for each use. Registered ahead of Camunda's
 * ({@link Priority} 1), so Jersey's resolver chain answers with this one.
 */
@Configuration
public class SharedRestObjectMapper {

  @Bean
  ResourceConfigCustomizer sharedObjectMapperResolver() {
    return config -> config.register(Resolver.class);
  }

  @Produces(MediaType.APPLICATION_JSON)
  @Priority(1)
  public static class Resolver implements ContextResolver<ObjectMapper> {

    static final ObjectMapper MAPPER = JacksonConfigurator.configureObjectMapper(new ObjectMapper());

    @Override
    public ObjectMapper getContext(Class<?> type) {
      return MAPPER;
    }
  }
}
