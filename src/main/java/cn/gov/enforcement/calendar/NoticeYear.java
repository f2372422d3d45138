package cn.gov.enforcement.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.SortedSet;

/** One year's State Council holiday notice as an administrator entered it (PER-05). */
public record NoticeYear(int year, String notice, SortedSet<LocalDate> holidays, SortedSet<LocalDate> makeUpWorkingDays,
    String enteredBy, Instant enteredAt) {}
