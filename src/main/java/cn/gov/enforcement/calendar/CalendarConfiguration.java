package cn.gov.enforcement.calendar;

import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wires the calendar from tyme4j and the notices entered at run time (table calendar_year); a
 * year neither knows is provisional (PER-05). Holiday data is no longer configuration: the former
 * {@code periods.years} keys are gone, a notice is entered through PUT /api/calendar/years/{year}.
 */
@Configuration
public class CalendarConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarConfiguration.class);

  @Bean
  DatabaseNotices databaseNotices(JdbcClient jdbc) {
    return new DatabaseNotices(jdbc);
  }

  @Bean
  WorkingDayCalendar workingDayCalendar(DatabaseNotices notices) {
    WorkingDayCalendar calendar = new WorkingDayCalendar(new TymeHolidays(), notices);
    LOG.info("法定节假日数据 / statutory holiday data: tyme4j {}", YearRanges.format(calendar.libraryYears()));
    return calendar;
  }

  @Bean
  PeriodCalculator periodCalculator(WorkingDayCalendar calendar) {
    return new PeriodCalculator(calendar);
  }
}
