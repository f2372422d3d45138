package cn.gov.enforcement.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** What the attack tests share: raw requests (no re-encoding of the path) and the RCE marker. */
final class Attacks {

  private Attacks() {}

  /** A marker file that only a successful code execution creates; unique per call. */
  static Path newMarker() throws IOException {
    Path dir = Path.of("target", "attack-markers").toAbsolutePath();
    Files.createDirectories(dir);
    return dir.resolve("rce-" + UUID.randomUUID());
  }

  /** JUEL that runs {@code touch marker} and waits for it, so the marker exists once it returns. */
  static String payload(Path marker) {
    return "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null)"
        + ".exec('touch " + marker + "').waitFor() == 0 ? 'a' : 'b'}";
  }

  static String orQueryBody(Path marker) {
    return "{\"orQueries\":[{\"assigneeExpression\":\"" + payload(marker) + "\"}]}";
  }

  /** A request sent with the path exactly as given ({@code ;x=1}, {@code %74}, {@code //}). */
  static ResponseEntity<String> send(TestRestTemplate rest, HttpMethod method, String rawPath, String user, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    if (json != null) {
      headers.setContentType(MediaType.APPLICATION_JSON);
    }
    return rest.exchange(URI.create(rest.getRootUri() + rawPath), method, new HttpEntity<>(json, headers), String.class);
  }

  static void authenticate(IdentityService identityService, String user) {
    identityService.setAuthentication(user,
        identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
  }

  static void assertNoMarker(Path marker) {
    assertThat(marker).as("the marker of a code execution").doesNotExist();
  }
}
