package cn.gov.enforcement.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A logged-in webapp session as Tasklist holds it: session cookie plus CSRF token. */
public final class WebappSession {

  private final TestRestTemplate rest;
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private String csrfToken;

  private WebappSession(TestRestTemplate rest) {
    this.rest = rest;
  }

  public static WebappSession login(TestRestTemplate rest, String user, String password) {
    return login(rest, user, password, "tasklist");
  }

  /** Logs in to one webapp ({@code tasklist}, {@code cockpit}, {@code admin}), as its login page does. */
  public static WebappSession login(TestRestTemplate rest, String user, String password, String webapp) {
    WebappSession session = new WebappSession(rest);
    session.remember(rest.exchange("/camunda/api/engine/engine", HttpMethod.GET, new HttpEntity<>(session.headers()), String.class));
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", password);
    HttpHeaders headers = session.headers();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    ResponseEntity<String> login = rest.exchange("/camunda/api/admin/auth/user/default/login/" + webapp, HttpMethod.POST,
        new HttpEntity<>(form, headers), String.class);
    assertThat(login.getStatusCode().is2xxSuccessful()).as("webapp login: %s", login).isTrue();
    session.remember(login);
    // the login starts a new session: fetch its CSRF token as Tasklist does
    session.remember(rest.exchange("/camunda/api/engine/engine", HttpMethod.GET, new HttpEntity<>(session.headers()), String.class));
    return session;
  }

  @SuppressWarnings("rawtypes")
  public ResponseEntity<Map> post(String path, Object body) {
    HttpHeaders headers = headers();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<Map> response = rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
    remember(response);
    return response;
  }

  /** Any method, a JSON body as text (or none), the answer as text. */
  public ResponseEntity<String> send(HttpMethod method, String path, String body) {
    HttpHeaders headers = headers();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> response = rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    remember(response);
    return response;
  }

  /** The session's cookie and CSRF header, for a request built by the caller. */
  public HttpHeaders headers() {
    HttpHeaders headers = headersWithoutCsrf();
    if (csrfToken != null) {
      headers.add("X-XSRF-TOKEN", csrfToken);
    }
    return headers;
  }

  /** The session's cookie alone: what a page of another site could make the browser send. */
  public HttpHeaders headersWithoutCsrf() {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    if (!cookies.isEmpty()) {
      headers.add(HttpHeaders.COOKIE, String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
    }
    return headers;
  }

  private void remember(ResponseEntity<?> response) {
    List<String> setCookies = response.getHeaders().get(HttpHeaders.SET_COOKIE);
    if (setCookies != null) {
      for (String setCookie : setCookies) {
        String pair = setCookie.split(";", 2)[0];
        int equals = pair.indexOf('=');
        if (equals > 0) {
          cookies.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
      }
    }
    String token = response.getHeaders().getFirst("X-XSRF-TOKEN");
    if (token != null && !token.isBlank() && !"Required".equals(token)) {
      csrfToken = token;
    } else if (cookies.containsKey("XSRF-TOKEN")) {
      csrfToken = cookies.get("XSRF-TOKEN");
    }
  }
}
