package cn.gov.enforcement.decision;

import cn.gov.enforcement.identity.BureauGroup;
import cn.gov.enforcement.platform.EngineClock;
import cn.gov.enforcement.web.ApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * DEC-18, the yearly catalogue of major decisions (年度重大行政决策目录).
 * {@code PUT /api/decision-catalogue/{year}} body {@code {items: [{title, category}, …]}}: the
 * director adopts the catalogue of a year, which publishes it; the items are numbered
 * {@code <year>-01, …} in the order given; the adopter and the moment are the server's (the
 * authenticated director, the engine clock). Anybody else: 403. {@code GET …/{year}}: the adopted
 * catalogue (any signed-in user; the public portal, issue #18, reads the same table).
 */
@RestController
public class DecisionCatalogueController {

  private final DecisionCatalogue catalogue;
  private final IdentityService identityService;

  public DecisionCatalogueController(DecisionCatalogue catalogue, IdentityService identityService) {
    this.catalogue = catalogue;
    this.identityService = identityService;
  }

  @PutMapping("/api/decision-catalogue/{year}")
  public Map<String, Object> adopt(@PathVariable String year, @RequestBody(required = false) Map<String, Object> body) {
    String director = requireDirector();
    int number = year(year);
    Object raw = body == null ? null : body.get("items");
    if (!(raw instanceof List<?> list) || list.isEmpty()) {
      throw invalid("目录须列出至少一个决策事项（items） / items: the catalogue lists at least one matter");
    }
    List<DecisionCatalogue.Item> items = new ArrayList<>();
    Set<String> titles = new LinkedHashSet<>();
    for (Object element : list) {
      Map<?, ?> entry = element instanceof Map<?, ?> m ? m : Map.of();
      Object title = entry.get("title");
      Object category = entry.get("category");
      if (title == null || title.toString().isBlank() || title.toString().length() > 500) {
        throw invalid("第 " + (items.size() + 1) + " 项缺少决策事项名称（items.title） / items.title is required (item " + (items.size() + 1) + ")");
      }
      if (category == null || !ProposalRegistration.CATEGORIES.contains(category.toString())) {
        throw invalid("第 " + (items.size() + 1) + " 项的类别（items.category）须为 " + ProposalRegistration.CATEGORIES
            + " / items.category must be one of " + ProposalRegistration.CATEGORIES);
      }
      if (!titles.add(title.toString().trim())) {
        throw invalid("决策事项重复（items.title）：" + title + " / items.title repeated: " + title);
      }
      items.add(new DecisionCatalogue.Item(String.format("%d-%02d", number, items.size() + 1), title.toString().trim(),
          category.toString()));
    }
    catalogue.adopt(number, items, director, EngineClock.now().toInstant());
    return read(year);
  }

  @GetMapping("/api/decision-catalogue/{year}")
  public Map<String, Object> read(@PathVariable String year) {
    int number = year(year);
    DecisionCatalogue.Catalogue found = catalogue.find(number).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND",
        number + " 年度重大行政决策目录尚未经局长通过 / no adopted catalogue for " + number));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("year", found.year());
    answer.put("adoptedBy", found.adoptedBy());
    answer.put("adoptedAt", found.adoptedAt().toString());
    answer.put("published", found.publishedAt() != null);
    answer.put("publishedAt", found.publishedAt() == null ? null : found.publishedAt().toString());
    answer.put("items", found.items().stream().map(item -> Map.of("itemNo", item.itemNo(), "title", item.title(),
        "category", item.category())).toList());
    return answer;
  }

  private String requireDirector() {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "未登录 / not authenticated");
    }
    List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    if (!groups.contains(BureauGroup.DIRECTOR.id())) {
      throw new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN",
          "年度重大行政决策目录由局长通过并公布 / only the director adopts the yearly catalogue (DEC-18)");
    }
    return authentication.getUserId();
  }

  private static int year(String year) {
    try {
      int number = Integer.parseInt(year);
      if (number >= 2000 && number <= 2100) {
        return number;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw invalid("年份（year）须为 2000–2100 的整数 / year must be a number 2000-2100");
  }

  private static ApiException invalid(String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, "DECISION_CATALOGUE_INVALID", message + "（DEC-18）");
  }
}
