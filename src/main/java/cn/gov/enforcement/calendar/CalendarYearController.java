package cn.gov.enforcement.calendar;

import cn.gov.enforcement.audit.AuditAction;
import cn.gov.enforcement.audit.AuditLog;
import cn.gov.enforcement.calendar.DeadlineRecomputation.Change;
import cn.gov.enforcement.platform.EngineClock;
import cn.gov.enforcement.web.ApiErrors;
import cn.gov.enforcement.web.ApiException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/calendar/years}: the years the calendar knows and where each comes from;
 * {@code PUT /api/calendar/years/{year}}: an administrator (camunda-admin) enters the State
 * Council's notice for a year (PER-05). The entry is checked ({@link NoticeValidation}), stored in
 * the database (so every node sees it within seconds, without a restart), audited, and every open
 * deadline that depends on the year is computed again ({@link DeadlineRecomputation}).
 */
@RestController
public class CalendarYearController {

  private final WorkingDayCalendar calendar;
  private final DatabaseNotices notices;
  private final AuditLog audit;
  private final IdentityService identityService;
  private final ObjectProvider<DeadlineRecomputation> recomputation;
  private final TransactionTemplate transaction;

  public CalendarYearController(WorkingDayCalendar calendar, DatabaseNotices notices, AuditLog audit,
      IdentityService identityService, ObjectProvider<DeadlineRecomputation> recomputation,
      PlatformTransactionManager transactionManager) {
    this.transaction = new TransactionTemplate(transactionManager);
    this.calendar = calendar;
    this.notices = notices;
    this.audit = audit;
    this.identityService = identityService;
    this.recomputation = recomputation;
  }

  @GetMapping("/api/calendar/years")
  public List<Map<String, Object>> years() {
    SortedSet<Integer> years = new TreeSet<>(calendar.knownYears());
    int thisYear = LocalDate.now(BeijingTime.ZONE).getYear();
    for (int year = thisYear - 1; year <= thisYear + 2; year++) {
      years.add(year);
    }
    List<Map<String, Object>> answer = new ArrayList<>();
    for (int year : years) {
      answer.add(describe(year));
    }
    return answer;
  }

  @PutMapping("/api/calendar/years/{year}")
  public Map<String, Object> enter(@PathVariable String year, @RequestBody(required = false) Map<String, Object> body) {
    String actor = requireAdmin();
    int number = parseYear(year);
    Map<String, Object> request = body == null ? Map.of() : body;
    NoticeValidation.Checked checked = NoticeValidation.check(number, new NoticeValidation.Request(
        list(request.get("holidays"), "holidays"), list(request.get("makeUpWorkingDays"), "makeUpWorkingDays"),
        request.get("notice")));
    if (!checked.problems().isEmpty()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "CALENDAR_NOTICE_INVALID", number + " 年放假安排有误："
          + checked.problems().stream().map(NoticeValidation.Problem::chinese).collect(Collectors.joining("；"))
          + " / the notice for " + number + " is refused: "
          + checked.problems().stream().map(NoticeValidation.Problem::english).collect(Collectors.joining("; ")));
    }
    // stored, audited and recomputed in one transaction: a notice is only in force with its consequences
    return transaction.execute(status -> store(number, checked, actor));
  }

  private Map<String, Object> store(int number, NoticeValidation.Checked checked, String actor) {
    CalendarSource before = calendar.source(number);
    notices.store(new NoticeYear(number, checked.notice(), checked.holidays(), checked.makeUpWorkingDays(), actor,
        EngineClock.now().toInstant()));
    audit.append(actor, AuditAction.CALENDAR_NOTICE, "calendar:" + number, "录入 " + number + " 年放假安排 "
        + checked.notice() + "（此前：" + before + "）：放假 " + join(checked.holidays()) + "；调休上班 "
        + join(checked.makeUpWorkingDays()) + " / notice for " + number + " entered (was " + before + ")");
    DeadlineRecomputation recompute = recomputation.getIfAvailable();
    List<Change> changes = recompute == null ? List.of() : recompute.recompute(number, actor, checked.notice());
    Map<String, Object> answer = describe(number);
    answer.put("recomputed", changes.stream().map(CalendarYearController::change).toList());
    return answer;
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.badRequest().body(ApiErrors.body("CALENDAR_NOTICE_INVALID",
        "请求内容不是有效的 JSON：{holidays: [...], makeUpWorkingDays: [...], notice: \"...\"} / the body is not valid JSON "
            + "{holidays: [...], makeUpWorkingDays: [...], notice: \"...\"}"));
  }

  private Map<String, Object> describe(int year) {
    Map<String, Object> entry = new LinkedHashMap<>();
    CalendarSource source = calendar.source(year);
    entry.put("year", year);
    entry.put("source", source.name());
    switch (source) {
      case NOTICE -> notices.find(year).ifPresent(notice -> {
        entry.put("notice", notice.notice());
        entry.put("enteredBy", notice.enteredBy());
        entry.put("enteredAt", notice.enteredAt() == null ? null
            : notice.enteredAt().atZone(BeijingTime.ZONE).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        entry.put("holidays", strings(notice.holidays()));
        entry.put("makeUpWorkingDays", strings(notice.makeUpWorkingDays()));
      });
      case PROVISIONAL -> entry.put("holidays", strings(StatutoryFestivals.days(year)));
      case LIBRARY -> { }
    }
    return entry;
  }

  private static Map<String, Object> change(Change change) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("kind", change.kind());
    entry.put("id", change.id());
    entry.put("activityId", change.activityId());
    entry.put("processInstanceId", change.processInstanceId());
    entry.put("before", format(change.before()));
    entry.put("after", format(change.after()));
    entry.put("provisional", change.provisional());
    return entry;
  }

  private static String format(java.util.Date date) {
    return date == null ? null
        : date.toInstant().atZone(BeijingTime.ZONE).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  private String requireAdmin() {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "未登录 / not authenticated");
    }
    List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    if (!groups.contains(Groups.CAMUNDA_ADMIN)) {
      throw new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN",
          "只有系统管理员（camunda-admin）可以录入放假安排 / only camunda-admin may enter a holiday notice");
    }
    return authentication.getUserId();
  }

  private static int parseYear(String text) {
    if (text == null || !text.trim().matches("\\d{4}")) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_FIELD", "年份应为四位数字 / the year must have four digits");
    }
    return Integer.parseInt(text.trim());
  }

  private static List<?> list(Object value, String field) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> values) {
      return values;
    }
    throw new ApiException(HttpStatus.BAD_REQUEST, "CALENDAR_NOTICE_INVALID",
        field + " 应为日期列表 [\"yyyy-MM-dd\", …] / " + field + " must be a list of dates [\"yyyy-MM-dd\", …]");
  }

  private static List<String> strings(SortedSet<LocalDate> days) {
    return days.stream().map(LocalDate::toString).toList();
  }

  private static String join(SortedSet<LocalDate> days) {
    return days.isEmpty() ? "无" : days.stream().map(LocalDate::toString).collect(Collectors.joining(","));
  }

}
