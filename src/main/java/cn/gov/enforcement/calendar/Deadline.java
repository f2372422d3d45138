package cn.gov.enforcement.calendar;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;

/**
 * A computed period: its last day, the instant it ends (24:00 Beijing time of the last day, PER-04)
 * and whether it depends on a day of the provisional calendar (PER-05), i.e. may still move when
 * a year's notice is entered.
 */
public record Deadline(LocalDate lastDay, ZonedDateTime endsAt, boolean provisional) {

  public Date endsAtDate() {
    return Date.from(endsAt.toInstant());
  }
}
