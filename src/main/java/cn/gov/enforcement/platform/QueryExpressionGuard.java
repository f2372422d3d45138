package cn.gov.enforcement.platform;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.HistoricTaskInstanceQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.query.Query;

/**
 * No query carries code to the server (CVE-2026-109432, issue 11 item 1): a task query's
 * {@code …Expression} criteria are JUEL evaluated on the server, and the engine's
 * {@code enable-expressions-in-adhoc-queries=false} does not look into {@code orQueries}.
 *
 * <ul>
 *   <li>An ad-hoc query (any {@link AbstractQuery} executed as a command, and the query a filter
 *       execution extends its filter with) carries no expression at all, at any nesting level
 *       (its {@code expressions} map and those of every or-query).</li>
 *   <li>A stored filter (created, updated, or executed) may carry only the expressions the
 *       Tasklist's own filters use, exactly: {@code ${currentUser()}}, {@code ${currentUserGroups()}},
 *       {@code ${now()}} and {@code ${dateTime().plusDays(3).toDate()}}-style date arithmetic.
 *       They call no method that a client chooses. This holds for every caller, the application's
 *       start-up ({@code identity.TasklistFilters}) included, so there is no "trusted caller" to
 *       impersonate.</li>
 * </ul>
 */
final class QueryExpressionGuard {

  private QueryExpressionGuard() {}

  static final Pattern ALLOWED_IN_FILTERS = Pattern.compile(
      "\\$\\{\\s*(currentUser\\(\\)|currentUserGroups\\(\\)|now\\(\\)"
          + "|dateTime\\(\\)(\\.(plus|minus)(Seconds|Minutes|Hours|Days|Weeks|Months|Years)\\(\\d{1,6}\\))*\\.toDate\\(\\))\\s*}");

  /** Refuses an ad-hoc query that carries any expression. */
  static void checkAdHoc(Query<?, ?> query) {
    for (AbstractQuery<?, ?> part : parts(query)) {
      Map<String, String> expressions = part.getExpressions();
      if (expressions != null && !expressions.isEmpty()) {
        String field = expressions.keySet().iterator().next();
        throw refusal(field);
      }
    }
  }

  /** Refuses a stored filter's query with an expression other than the allowed ones. */
  static void checkStored(Filter filter) {
    if (filter == null) {
      return;
    }
    Query<?, ?> query = filter.getQuery();
    for (AbstractQuery<?, ?> part : parts(query)) {
      Map<String, String> expressions = part.getExpressions();
      if (expressions == null) {
        continue;
      }
      for (Map.Entry<String, String> expression : expressions.entrySet()) {
        if (expression.getValue() == null || !ALLOWED_IN_FILTERS.matcher(expression.getValue()).matches()) {
          throw refusal(expression.getKey());
        }
      }
    }
  }

  /** The query and its or-queries, each once. */
  static Set<AbstractQuery<?, ?>> parts(Query<?, ?> query) {
    Set<AbstractQuery<?, ?>> parts = Collections.newSetFromMap(new IdentityHashMap<>());
    collect(query, parts);
    return parts;
  }

  private static void collect(Object query, Set<AbstractQuery<?, ?>> parts) {
    if (!(query instanceof AbstractQuery<?, ?> abstractQuery) || !parts.add(abstractQuery)) {
      return;
    }
    List<?> nested = null;
    if (query instanceof TaskQueryImpl task) {
      nested = task.getQueries();
    } else if (query instanceof HistoricTaskInstanceQueryImpl historic) {
      nested = historic.getQueries();
    }
    if (nested != null) {
      for (Object part : nested) {
        collect(part, parts);
      }
    }
  }

  static GuardBadRequestException refusal(String field) {
    return new GuardBadRequestException("EXPRESSION_REFUSED",
        "查询中不允许使用表达式（条件 " + field + "）",
        "expressions are not allowed in queries (criterion " + field + ")");
  }
}
