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
        YearRanges.format(calendar.libraryYears()), YearRanges.format(calendar.noticeYears()));
    int thisYear = LocalDate.now(BeijingTime.ZONE).getYear();
    for (int year = thisYear; year <= thisYear + 1; year++) {
      if (calendar.source(year) == CalendarSource.PROVISIONAL) {
        LOG.warn("{} 年的国务院放假安排尚未录入，涉及该年的期限按法定节日暂定计算（暂定）；请管理员录入通知 / the State "
            + "Council notice for {} is not entered: deadlines reaching that year are provisional", year, year);
      }
    }
    return calendar;
  }

  @Bean
  PeriodCalculator periodCalculator(WorkingDayCalendar calendar) {
    return new PeriodCalculator(calendar);
  }
}
