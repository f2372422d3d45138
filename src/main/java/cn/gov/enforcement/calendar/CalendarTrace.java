package cn.gov.enforcement.calendar;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Records which days a computation looked up in the calendar, so that code which only sees the
 * resulting {@link java.util.Date} (a task's {@code dueDate} expression, a timer's {@code timeDate})
 * can still learn whether it depended on a provisional day and on which years' data (PER-05).
 *
 * <pre>
 * CalendarTrace.Traced&lt;Object&gt; due = CalendarTrace.trace(() -&gt; dueDateExpression.getValue(task));
 * if (due.provisional()) task.setVariableLocal("dueProvisional", true);
 * </pre>
 *
 * Traces nest (an outer trace sees what inner ones saw) and are per thread.
 */
public final class CalendarTrace {

  private static final ThreadLocal<Deque<Accumulator>> ACTIVE = ThreadLocal.withInitial(ArrayDeque::new);

  private CalendarTrace() {}

  /** The value a computation produced, whether it used a provisional day, and the years whose data it used. */
  public record Traced<T>(T value, boolean provisional, SortedSet<Integer> years) {}

  public static <T> Traced<T> trace(Supplier<T> computation) {
    Accumulator accumulator = new Accumulator();
    Deque<Accumulator> stack = ACTIVE.get();
    stack.push(accumulator);
    try {
      T value = computation.get();
      return new Traced<>(value, accumulator.provisional, Collections.unmodifiableSortedSet(accumulator.years));
    } finally {
      stack.remove(accumulator);
      if (stack.isEmpty()) {
        ACTIVE.remove();
      }
    }
  }

  /** Called by the calendar for every day it answers. */
  static void consulted(Set<Integer> years, boolean provisional) {
    Deque<Accumulator> stack = ACTIVE.get();
    if (stack.isEmpty()) {
      ACTIVE.remove();
      return;
    }
    for (Accumulator accumulator : stack) {
      accumulator.years.addAll(years);
      accumulator.provisional |= provisional;
    }
  }

  private static final class Accumulator {
    private final SortedSet<Integer> years = new TreeSet<>();
    private boolean provisional;
  }
}
