package cn.gov.enforcement.calendar;

import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the calendar from tyme4j and {@code periods.*}; a bad schedule fails the startup (PER-05). */
@Configuration
@EnableConfigurationProperties(PeriodsProperties.class)
public class CalendarConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarConfiguration.class);

  @Bean
  WorkingDayCalendar workingDayCalendar(PeriodsProperties properties) {
    WorkingDayCalendar calendar = new WorkingDayCalendar(new TymeHolidays(), ConfiguredHolidays.from(properties));
    LOG.info("法定节假日数据 / statutory holiday data: tyme4j {}, configuration {}",
        YearRanges.format(calendar.libraryYears()), YearRanges.format(calendar.configuredYears()));
    // deadlines that reach an unknown year fail; say so at startup, before a timer does
    int thisYear = LocalDate.now(BeijingTime.ZONE).getYear();
    for (int year = thisYear; year <= thisYear + 1; year++) {
      if (!calendar.knownYears().contains(year)) {
        LOG.warn("缺少 {} 年的法定节假日安排，涉及该年的期限将无法计算；请在 periods.years 中补充 / no holiday "
            + "data for {}: deadlines reaching that year cannot be computed; add it under periods.years", year, year);
      }
    }
    return calendar;
  }

  @Bean
  PeriodCalculator periodCalculator(WorkingDayCalendar calendar) {
    return new PeriodCalculator(calendar);
  }
}
