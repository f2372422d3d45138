package cn.gov.enforcement.platform;

import cn.gov.enforcement.audit.AuditAction;
import cn.gov.enforcement.audit.AuditLog;
import cn.gov.enforcement.calendar.BeijingTime;
import cn.gov.enforcement.calendar.DeadlineRecomputation;
import cn.gov.enforcement.calendar.WorkingDayCalendar;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Runs {@link RecomputeDeadlinesCmd} in the engine and audits every moved deadline old → new (PER-05). */
@Component
public class EngineDeadlineRecomputation implements DeadlineRecomputation {

  private final ObjectProvider<ProcessEngineConfigurationImpl> engine;
  private final WorkingDayCalendar calendar;
  private final AuditLog audit;
  private final ObjectProvider<DeadlineRecomputation.Listener> listeners;

  public EngineDeadlineRecomputation(ObjectProvider<ProcessEngineConfigurationImpl> engine, WorkingDayCalendar calendar,
      AuditLog audit, ObjectProvider<DeadlineRecomputation.Listener> listeners) {
    this.engine = engine;
    this.calendar = calendar;
    this.audit = audit;
    this.listeners = listeners;
  }

  @Override
  public List<Change> recompute(int year, String actor, String notice) {
    return engine.getObject().getCommandExecutorTxRequired().execute(new RecomputeDeadlinesCmd(year, calendar,
        change -> moved(change, year, actor, notice)));
  }

  private void moved(Change change, int year, String actor, String notice) {
    audit.append(actor, AuditAction.DEADLINE_RECOMPUTED, target(change),
        change.activityId() + " 期限 " + format(change.before()) + " → " + format(change.after())
            + (change.provisional() ? "（仍为暂定）" : "") + "，依据 " + year + " 年放假安排 " + notice
            + " / deadline " + format(change.before()) + " → " + format(change.after()) + " after the "
            + year + " notice (process instance " + change.processInstanceId() + ")");
    listeners.orderedStream().forEach(listener -> listener.moved(change));
  }

  private static String target(Change change) {
    return switch (change.kind()) {
      case "TIMER" -> "job:" + change.id();
      case "VARIABLE" -> "variable:" + change.id();
      default -> "task:" + change.id();
    };
  }

  private static String format(Date date) {
    return date == null ? "无" : date.toInstant().atZone(BeijingTime.ZONE).toOffsetDateTime()
        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
