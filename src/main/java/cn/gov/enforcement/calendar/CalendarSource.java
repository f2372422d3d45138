package cn.gov.enforcement.calendar;

/** Where the calendar takes a year's holidays and make-up working days from (PER-05, GET /api/calendar/years). */
public enum CalendarSource {
  /** the bundled tyme4j release carries the year's State Council notice */
  LIBRARY,
  /** an administrator entered the year's notice at run time (PUT /api/calendar/years/{year}); overrides the library */
  NOTICE,
  /** no notice known: the holidays fixed by law plus weekends, with uncertain days around each festival */
  PROVISIONAL
}
