package cn.gov.enforcement.forms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The small part of FEEL that forms use for {@code conditional.hide} and expression limits:
 * literals ({@code "text"}, numbers, {@code true}, {@code false}, {@code null}), variables and
 * dotted paths, {@code = != < <= > >=}, {@code and}, {@code or}, {@code not(…)} and parentheses,
 * with FEEL's three-valued logic. Anything else (functions, ranges, {@code in}, lists, dates)
 * evaluates to {@link #UNKNOWN}, and so does a comparison whose outcome FEEL engines might
 * decide differently (values of different types, lists, dates): the caller then treats the
 * condition as undecided instead of guessing.
 */
final class Feel {

  /** The result of an expression this class does not understand. */
  static final Object UNKNOWN = new Object() {
    @Override
    public String toString() {
      return "UNKNOWN";
    }
  };

  /** A variable value FEEL would compare in ways this class does not model (lists, contexts, dates). */
  private static final Object OPAQUE = new Object();

  private static final Pattern SIMPLE_PATH = Pattern.compile("^\\s*=?\\s*([A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*)\\s*$");

  private Feel() {}

  /**
   * Evaluates an expression ({@code =…}, the leading {@code =} optional) against the data.
   *
   * @return {@link Boolean}, {@link BigDecimal}, {@link String}, null (FEEL null) or {@link #UNKNOWN}
   */
  static Object evaluate(String expression, Map<String, Object> data) {
    if (expression == null) {
      return UNKNOWN;
    }
    String text = expression.strip();
    if (text.startsWith("=")) {
      text = text.substring(1);
    }
    try {
      Parser parser = new Parser(tokens(text), data);
      Object result = parser.expression();
      if (!parser.atEnd()) {
        return UNKNOWN;
      }
      return result == OPAQUE ? UNKNOWN : result;
    } catch (Unsupported e) {
      return UNKNOWN;
    }
  }

  /** The variable path of an expression that is nothing but a path ({@code =experts}), or null. */
  static List<String> simplePath(String expression) {
    if (expression == null) {
      return null;
    }
    var m = SIMPLE_PATH.matcher(expression);
    if (!m.matches() || List.of("true", "false", "null").contains(m.group(1))) {
      return null;
    }
    return List.copyOf(Arrays.asList(m.group(1).split("\\.")));
  }

  /** The value at a dotted path in nested maps, or null. */
  static Object lookup(Map<String, Object> data, List<String> path) {
    Object current = data;
    for (String segment : path) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(segment);
    }
    return current;
  }

  // ------------------------------------------------------------------ tokens

  private static final class Unsupported extends RuntimeException {
    Unsupported() {
      super(null, null, false, false);
    }
  }

  private record Token(String kind, String text) {}

  private static List<Token> tokens(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"') {
        StringBuilder s = new StringBuilder();
        i++;
        while (i < text.length() && text.charAt(i) != '"') {
          if (text.charAt(i) == '\\' && i + 1 < text.length()) {
            i++;
          }
          s.append(text.charAt(i++));
        }
        if (i >= text.length()) {
          throw new Unsupported();
        }
        i++;
        tokens.add(new Token("string", s.toString()));
      } else if (Character.isDigit(c)) {
        int start = i;
        while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
          i++;
        }
        tokens.add(new Token("number", text.substring(start, i)));
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
            || text.charAt(i) == '.' && i + 1 < text.length() && (Character.isLetter(text.charAt(i + 1)) || text.charAt(i + 1) == '_'))) {
          i++;
        }
        tokens.add(new Token("name", text.substring(start, i)));
      } else if (text.startsWith("!=", i) || text.startsWith("<=", i) || text.startsWith(">=", i)) {
        tokens.add(new Token("op", text.substring(i, i + 2)));
        i += 2;
      } else if ("=<>()-".indexOf(c) >= 0) {
        tokens.add(new Token("op", String.valueOf(c)));
        i++;
      } else {
        throw new Unsupported();
      }
    }
    return tokens;
  }

  // ------------------------------------------------------------------ parser and evaluation

  private static final class Parser {
    private final List<Token> tokens;
    private final Map<String, Object> data;
    private int position;

    Parser(List<Token> tokens, Map<String, Object> data) {
      this.tokens = tokens;
      this.data = data;
    }

    boolean atEnd() {
      return position == tokens.size();
    }

    Object expression() {
      Object left = conjunction();
      while (isName("or")) {
        position++;
        left = or(left, conjunction());
      }
      return left;
    }

    private Object conjunction() {
      Object left = comparison();
      while (isName("and")) {
        position++;
        left = and(left, comparison());
      }
      return left;
    }

    private Object comparison() {
      Object left = unary();
      Token next = peek();
      if (next != null && next.kind().equals("op") && List.of("=", "!=", "<", "<=", ">", ">=").contains(next.text())) {
        position++;
        return compare(next.text(), left, unary());
      }
      return left;
    }

    private Object unary() {
      if (isName("not")) {
        position++;
        expect("(");
        Object value = expression();
        expect(")");
        return value == UNKNOWN || value == OPAQUE ? UNKNOWN : value instanceof Boolean b ? !b : null;
      }
      return primary();
    }

    private Object primary() {
      Token token = next();
      switch (token.kind()) {
        case "string":
          return token.text();
        case "number":
          return number(token.text());
        case "op":
          if (token.text().equals("(")) {
            Object value = expression();
            expect(")");
            return value;
          }
          if (token.text().equals("-")) {
            Token number = next();
            if (!number.kind().equals("number")) {
              throw new Unsupported();
            }
            return number(number.text()).negate();
          }
          throw new Unsupported();
        default:
          if (peek() != null && peek().kind().equals("op") && peek().text().equals("(")) {
            throw new Unsupported(); // a function call
          }
          return switch (token.text()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "null" -> null;
            case "and", "or", "not", "in", "between", "if", "then", "else", "for", "some", "every", "instance" ->
                throw new Unsupported();
            default -> normalise(lookup(data, Arrays.asList(token.text().split("\\."))));
          };
      }
    }

    private static BigDecimal number(String text) {
      try {
        return new BigDecimal(text);
      } catch (NumberFormatException e) {
        throw new Unsupported();
      }
    }

    private Token peek() {
      return position < tokens.size() ? tokens.get(position) : null;
    }

    private Token next() {
      if (position >= tokens.size()) {
        throw new Unsupported();
      }
      return tokens.get(position++);
    }

    private boolean isName(String name) {
      Token token = peek();
      return token != null && token.kind().equals("name") && token.text().equals(name);
    }

    private void expect(String op) {
      Token token = next();
      if (!token.kind().equals("op") || !token.text().equals(op)) {
        throw new Unsupported();
      }
    }
  }

  static Object normalise(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Number) {
      BigDecimal decimal = FormValues.decimal(value);
      return decimal == null ? OPAQUE : decimal;
    }
    return OPAQUE;
  }

  private static Object and(Object left, Object right) {
    if (Boolean.FALSE.equals(left) || Boolean.FALSE.equals(right)) {
      return Boolean.FALSE;
    }
    if (isUnknown(left) || isUnknown(right)) {
      return UNKNOWN;
    }
    return Boolean.TRUE.equals(left) && Boolean.TRUE.equals(right) ? Boolean.TRUE : null;
  }

  private static Object or(Object left, Object right) {
    if (Boolean.TRUE.equals(left) || Boolean.TRUE.equals(right)) {
      return Boolean.TRUE;
    }
    if (isUnknown(left) || isUnknown(right)) {
      return UNKNOWN;
    }
    return Boolean.FALSE.equals(left) && Boolean.FALSE.equals(right) ? Boolean.FALSE : null;
  }

  private static boolean isUnknown(Object value) {
    return value == UNKNOWN || value == OPAQUE;
  }

  private static Object compare(String op, Object left, Object right) {
    if (isUnknown(left) || isUnknown(right)) {
      return UNKNOWN;
    }
    if (op.equals("=") || op.equals("!=")) {
      Boolean equal;
      if (left == null || right == null) {
        equal = left == right;
      } else if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
        equal = a.compareTo(b) == 0;
      } else if (left.getClass() == right.getClass()) {
        equal = left.equals(right);
      } else {
        return UNKNOWN; // FEEL engines differ on comparing different types
      }
      return op.equals("=") ? equal : !equal;
    }
    if (left == null || right == null) {
      return null;
    }
    int order;
    if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
      order = a.compareTo(b);
    } else if (left instanceof String a && right instanceof String b) {
      order = a.compareTo(b);
    } else {
      return UNKNOWN;
    }
    return switch (op) {
      case "<" -> order < 0;
      case "<=" -> order <= 0;
      case ">" -> order > 0;
      default -> order >= 0;
    };
  }
}
