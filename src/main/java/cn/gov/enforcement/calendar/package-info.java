/**
 * Statutory periods and deadlines (PER-01..PER-05), in Asia/Shanghai.
 *
 * <ul>
 *   <li>{@link cn.gov.enforcement.calendar.WorkingDayCalendar}: working day or rest day, from
 *       an entered notice over tyme4j over the weekday; a year neither source knows is provisional
 *       (the festivals fixed by law, {@link cn.gov.enforcement.calendar.StatutoryFestivals}, and
 *       uncertain days counted by {@link cn.gov.enforcement.calendar.PeriodSide}); it never refuses.</li>
 *   <li>{@link cn.gov.enforcement.calendar.PeriodCalculator}: the counting rules on
 *       {@link java.time.LocalDate}s, for Java callers.</li>
 *   <li>{@link cn.gov.enforcement.calendar.Periods}: the {@code periods} bean for BPMN
 *       {@code timeDate} / {@code dueDate} expressions; returns {@link java.util.Date}s.</li>
 *   <li>{@link cn.gov.enforcement.calendar.PeriodController}: {@code GET /api/periods}.</li>
 *   <li>{@link cn.gov.enforcement.platform.BusinessCalendarPlugin}: the engine's "dueDate" calendar
 *       reads date texts without offset in Beijing time.</li>
 * </ul>
 *
 * <p>One convention for every deadline instant, timers and task due dates alike: the end of the
 * last day, 24:00 Beijing time, stored as 00:00 Asia/Shanghai of the following day
 * ({@link cn.gov.enforcement.calendar.BeijingTime#endOfDay}). Which kind of days a period counts
 * (calendar or working) is the caller's choice by law ({@link cn.gov.enforcement.calendar.PeriodKind}).
 */
package cn.gov.enforcement.calendar;
