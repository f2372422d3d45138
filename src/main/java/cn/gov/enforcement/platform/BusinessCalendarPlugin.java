package cn.gov.enforcement.platform;

import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Installs {@link BeijingDueDateBusinessCalendar} as the engine's "dueDate" calendar; the
 * "duration" and "cycle" calendars stay the engine's own (the same set the engine would build).
 */
@Component
public class BusinessCalendarPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
    calendars.addBusinessCalendar(DurationBusinessCalendar.NAME, new DurationBusinessCalendar());
    calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME, new BeijingDueDateBusinessCalendar());
    calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
    configuration.setBusinessCalendarManager(calendars);
  }
}
