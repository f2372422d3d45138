package cn.gov.enforcement.web;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API reference (issue 15 item 6): the checked-in OpenAPI description of {@code /api}
 * ({@code src/main/resources/api/openapi.json}, Chinese descriptions), served at
 * {@code /api/openapi.json}. Like every {@code /api} path it needs a login: the API is internal to the
 * bureau. {@code ApiReferenceTest} keeps the file and the application's real endpoints in step.
 */
@RestController
class ApiReferenceController {

  @GetMapping(value = "/api/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<byte[]> openApi() throws IOException {
    try (InputStream in = new ClassPathResource("api/openapi.json").getInputStream()) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(in.readAllBytes());
    }
  }
}
