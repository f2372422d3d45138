package cn.gov.enforcement.portal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public portal (issue #18): {@code GET} only, no login, no session, Chinese whatever the
 * browser's language. Pages: {@code /public} (事前公开, PUB-06), {@code /public/results} (search,
 * PUB-07), {@code /public/results/{id}} (one result, PUB-02), {@code /public/staff} (officers and
 * auxiliary staff, PUB-06, AUX-05), {@code /public/decisions} (catalogue and published major
 * decisions, DEC-18, DEC-15). The same content as JSON under {@code /public/api/…}. Everything
 * shown comes from {@link PortalStore} (what is readable) and {@link PublicStaff}; every text is
 * escaped ({@link PortalPages}). Unknown addresses and ids answer 404 without saying why.
 */
@RestController
public class PortalController {

  static final Pattern PUBLIC_ID = Pattern.compile("^[0-9a-f]{24}$");
  static final int MAX_QUERY = 60;
  static final int PAGE_SIZE = 50;
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of("Asia/Shanghai"));

  private final PortalStore store;
  private final PublicStaff staff;

  public PortalController(PortalStore store, PublicStaff staff) {
    this.store = store;
    this.staff = staff;
  }

  // ---- HTML ---------------------------------------------------------------------------------

  @GetMapping(value = {"/public", "/public/"})
  public ResponseEntity<String> home() {
    return html(HttpStatus.OK, PortalPages.home(store.advance(), store.results(null, 5)));
  }

  @GetMapping(value = "/public/results")
  public ResponseEntity<String> results(@RequestParam(name = "q", required = false) String q) {
    String query = query(q);
    if (query == null) {
      return html(HttpStatus.BAD_REQUEST, PortalPages.message("查询条件过长", "查询条件最多 " + MAX_QUERY
          + " 个字 / the search text is limited to " + MAX_QUERY + " characters"));
    }
    return html(HttpStatus.OK, PortalPages.results(query, store.results(query, PAGE_SIZE)));
  }

  @GetMapping(value = "/public/results/{id}")
  public ResponseEntity<String> result(@PathVariable String id) {
    return visible(id).map(r -> html(HttpStatus.OK, PortalPages.result(r))).orElseGet(PortalController::notFoundPage);
  }

  @GetMapping(value = "/public/staff")
  public ResponseEntity<String> staffPage(@RequestParam(name = "q", required = false) String q) {
    String query = query(q);
    if (query == null) {
      return html(HttpStatus.BAD_REQUEST, PortalPages.message("查询条件过长", "查询条件最多 " + MAX_QUERY
          + " 个字 / the search text is limited to " + MAX_QUERY + " characters"));
    }
    return html(HttpStatus.OK, PortalPages.staff(query, staff.officers(query), staff.auxiliaries(query)));
  }

  @GetMapping(value = "/public/decisions")
  public ResponseEntity<String> decisions() {
    return html(HttpStatus.OK, PortalPages.decisions(store.catalogues(), store.decisions()));
  }

  /** Anything else below /public: the portal's own 404 page, never another part of the application. */
  @GetMapping(value = "/public/**")
  public ResponseEntity<String> unknownPage() {
    return notFoundPage();
  }

  // ---- JSON ---------------------------------------------------------------------------------

  @GetMapping(value = "/public/api/advance")
  public ResponseEntity<Object> advanceJson() {
    return json(HttpStatus.OK, Map.of("sections", store.advance().stream().map(a -> Map.of("id", a.publicId(),
        "section", a.section(), "sectionName", PortalPages.SECTIONS.getOrDefault(a.section(), a.section()),
        "title", a.title(), "body", a.body(), "publishedOn", DAY.format(a.publishedAt()))).toList()));
  }

  @GetMapping(value = "/public/api/results")
  public ResponseEntity<Object> resultsJson(@RequestParam(name = "q", required = false) String q) {
    String query = query(q);
    if (query == null) {
      return json(HttpStatus.BAD_REQUEST, error("QUERY_TOO_LONG", "查询条件最多 " + MAX_QUERY + " 个字 / the search text is limited to "
          + MAX_QUERY + " characters"));
    }
    return json(HttpStatus.OK, Map.of("query", query, "results", store.results(query, PAGE_SIZE).stream()
        .map(PortalController::resultJson).toList()));
  }

  @GetMapping(value = "/public/api/results/{id}")
  public ResponseEntity<Object> resultJson(@PathVariable String id) {
    return visible(id).<ResponseEntity<Object>>map(r -> json(HttpStatus.OK, resultJson(r))).orElseGet(PortalController::notFoundJson);
  }

  @GetMapping(value = "/public/api/officers")
  public ResponseEntity<Object> officersJson(@RequestParam(name = "q", required = false) String q) {
    String query = query(q);
    if (query == null) {
      return json(HttpStatus.BAD_REQUEST, error("QUERY_TOO_LONG", "查询条件过长 / the search text is too long"));
    }
    return json(HttpStatus.OK, Map.of("officers", staff.officers(query).stream()
        .map(o -> Map.of("name", o.name(), "certificateNumber", o.certificateNumber())).toList()));
  }

  @GetMapping(value = "/public/api/auxiliary-staff")
  public ResponseEntity<Object> auxiliaryJson(@RequestParam(name = "q", required = false) String q) {
    String query = query(q);
    if (query == null) {
      return json(HttpStatus.BAD_REQUEST, error("QUERY_TOO_LONG", "查询条件过长 / the search text is too long"));
    }
    return json(HttpStatus.OK, Map.of("auxiliaryStaff", staff.auxiliaries(query).stream()
        .map(a -> Map.of("name", a.name(), "post", a.post(), "workCardNumber", a.workCardNumber(), "assists", a.assists()))
        .toList()));
  }

  @GetMapping(value = "/public/api/decisions")
  public ResponseEntity<Object> decisionsJson() {
    return json(HttpStatus.OK, Map.of(
        "catalogues", store.catalogues().stream().map(c -> Map.of("year", c.year(), "publishedOn", DAY.format(c.publishedAt()),
            "items", c.items().stream().map(i -> Map.of("itemNo", i.itemNo(), "title", i.title(),
                "category", PortalPages.CATEGORIES.getOrDefault(i.category(), i.category()))).toList())).toList(),
        "decisions", store.decisions().stream().map(d -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("id", d.publicId());
          m.put("title", d.title());
          m.put("category", PortalPages.CATEGORIES.getOrDefault(d.category(), d.category()));
          m.put("leadUnit", d.leadUnit());
          m.put("catalogueItem", d.catalogueItem());
          m.put("decidedOn", d.decidedOn());
          m.put("outcome", d.outcome());
          m.put("publishedOn", DAY.format(d.publishedAt()));
          return m;
        }).toList()));
  }

  @GetMapping(value = "/public/api/**")
  public ResponseEntity<Object> unknownJson() {
    return notFoundJson();
  }

  // ---- helpers ------------------------------------------------------------------------------

  private java.util.Optional<PortalStore.Result> visible(String id) {
    return id != null && PUBLIC_ID.matcher(id).matches() ? store.result(id) : java.util.Optional.empty();
  }

  /** The trimmed search text, "" for none, null when too long (a 400). */
  private static String query(String q) {
    if (q == null) {
      return "";
    }
    String trimmed = q.strip();
    return trimmed.length() > MAX_QUERY ? null : trimmed;
  }

  static Map<String, Object> resultJson(PortalStore.Result r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.publicId());
    m.put("type", r.type());
    m.put("typeName", PortalPages.TYPES.getOrDefault(r.type(), r.type()));
    m.put("decisionNumber", r.decisionNumber());
    m.put("party", r.party());
    m.put("decidedOn", r.decidedOn());
    m.put("items", r.items());
    m.put("publishedOn", DAY.format(r.publishedAt()));
    return m;
  }

  private static Map<String, String> error(String code, String message) {
    return Map.of("code", code, "message", message);
  }

  static ResponseEntity<String> html(HttpStatus status, String body) {
    return ResponseEntity.status(status).cacheControl(CacheControl.noCache().cachePublic())
        .contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
        .header("Content-Language", "zh-CN").body(body);
  }

  static ResponseEntity<Object> json(HttpStatus status, Object body) {
    return ResponseEntity.status(status).cacheControl(CacheControl.noCache().cachePublic())
        .contentType(MediaType.APPLICATION_JSON).header("Content-Language", "zh-CN").body(body);
  }

  private static ResponseEntity<String> notFoundPage() {
    return html(HttpStatus.NOT_FOUND, PortalPages.message("未找到", "没有这项公示内容，或该内容已依法撤下 / not found"));
  }

  private static ResponseEntity<Object> notFoundJson() {
    return json(HttpStatus.NOT_FOUND, error("NOT_FOUND", "没有这项公示内容，或该内容已依法撤下 / not found"));
  }

}
