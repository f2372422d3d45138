package cn.gov.enforcement.review;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/** The {@code investigators} variable: user ids, comma or whitespace separated (a form's text field) or a list. */
final class Investigators {

  private Investigators() {}

  static Set<String> of(Object value) {
    if (value == null) {
      return Set.of();
    }
    if (value instanceof Collection<?> list) {
      return list.stream().map(String::valueOf).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }
    return Arrays.stream(value.toString().split("[,，;；\\s]+")).map(String::trim).filter(s -> !s.isEmpty())
        .collect(Collectors.toSet());
  }
}
