package cn.gov.enforcement.calendar;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/** Writes a set of years compactly ({@code 2002–2026, 2028}) for messages and the startup log. */
final class YearRanges {

  private YearRanges() {}

  static String format(SortedSet<Integer> years) {
    if (years.isEmpty()) {
      return "无 none";
    }
    List<String> ranges = new ArrayList<>();
    Integer first = null;
    Integer last = null;
    for (int year : years) {
      if (last != null && year == last + 1) {
        last = year;
        continue;
      }
      if (first != null) {
        ranges.add(range(first, last));
      }
      first = year;
      last = year;
    }
    ranges.add(range(first, last));
    return String.join(", ", ranges);
  }

  private static String range(int first, int last) {
    return first == last ? String.valueOf(first) : first + "–" + last;
  }
}
