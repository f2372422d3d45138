package cn.gov.enforcement.platform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the engine's candidate join of a task query into a semi-join, on PostgreSQL, when — and
 * only when — the statement has exactly the shape this class knows (issue #17 item 4,
 * docs/benchmarks.md "Task list at scale", fourth round). Used by
 * {@link RedundantTaskAuthorizationSkip}'s interceptor after it has decided about the
 * authorization join; no interceptor of its own.
 *
 * <p><b>Why.</b> For a candidate criterion ({@code candidateGroup(s)}, {@code candidateUser},
 * Tasklist's 本组待办 and 即将到期) Camunda's Task.xml writes
 * {@code select distinct RES.* from ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_
 * where … (RES.ASSIGNEE_ is null and I.TYPE_ = 'candidate' and (I.GROUP_ID_ IN (…))) …} and
 * counts with {@code SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ …)}. The join serves only as a
 * filter, but it makes PostgreSQL build a row per link and then remove the duplicates again: at
 * 100,000 tasks a hash join and a {@code DISTINCT} over 60,000 ids for officer1's group queue, and
 * a {@code DISTINCT} over every column of the page. As
 * {@code EXISTS (select 1 from ACT_RU_IDENTITYLINK I where I.TASK_ID_ = RES.ID_ and I.TYPE_ = 'candidate' and …)}
 * the count is a hash semi-join without the {@code DISTINCT}, and the page walks the create-time
 * index and stops after its 15 matches.
 *
 * <p><b>Why the result is the same.</b> The statement joins nothing but the identity links (the
 * text between {@code from} and {@code WHERE} is exactly the one left join: no authorization join,
 * no process-definition or ordering join), selects only task columns, and references the link
 * alias {@code I} in exactly one place: the engine's candidate block, a conjunction of conditions
 * on one link row, which stands as one operand of the AND/OR structure of the WHERE clause
 * (never under {@code NOT}). A task is then in the engine's {@code DISTINCT} result if and only if
 * the WHERE clause is true for one of its rows, i.e. (being monotone in that block) if and only if
 * it is true with the block replaced by "some link row of the task satisfies the block" — which
 * is the {@code EXISTS}; a task without links gets a row of NULLs from the left join, for which
 * the block is not true, as {@code EXISTS} is false. Each task is one row of ACT_RU_TASK, so the
 * {@code DISTINCT} has nothing left to remove and is dropped. The order is the engine's
 * {@code ORDER BY} (among tasks with equal sort keys neither statement defines an order). The
 * parameters stay where they were ({@code ?} markers keep their order), so the engine's binding
 * applies unchanged.
 *
 * <p><b>Fail closed.</b> Any other shape — a second candidate block (an AND and an OR query that
 * both name candidates: the engine then needs one link row for both), {@code involvedUser},
 * {@code withoutCandidateGroups}/{@code -Users} (their own {@code I} alias), the authorization
 * join (the user is not covered by {@link RedundantTaskAuthorizationSkip}), any other join, text
 * this class does not expect in the block, another database's SQL — returns {@code null} and
 * the engine's statement runs unchanged.
 */
final class TaskQuerySemiJoin {

  private static final String CANDIDATE = "(?:I\\.USER_ID_ = \\?|I\\.GROUP_ID_ IN \\( \\?(?: , \\?)* \\)|I\\.GROUP_ID_ LIKE \\?)";

  /**
   * The engine's candidate block as Task.xml writes it (after {@link #normalize}): the optional
   * unassigned condition, the link type, the optional candidate disjunction and the optional
   * with-candidate-groups/users conditions, all on the one link row.
   */
  private static final Pattern BLOCK = Pattern.compile("\\( (RES\\.ASSIGNEE_ is null and )?"
      + "(I\\.TYPE_ = 'candidate'(?: and \\( " + CANDIDATE + "(?: or " + CANDIDATE + ")* \\))?"
      + "(?: and I\\.GROUP_ID_ is not null)?(?: and I\\.USER_ID_ is not null)?) \\)");

  /** The link alias anywhere (after the block has been taken out, it must not occur). */
  private static final Pattern LINK_ALIAS = Pattern.compile("(?<![A-Za-z0-9_.])I\\.");

  private static final String COUNT_DISTINCT = "SELECT COUNT ( * ) FROM ( SELECT DISTINCT RES.ID_";
  private static final String COUNT = "SELECT COUNT ( * ) FROM ( SELECT RES.ID_";
  private static final String SELECT_DISTINCT = "select distinct RES.";

  private final String joinedFrom;
  private final String plainFrom;
  private final String linkTable;

  TaskQuerySemiJoin(String tablePrefix) {
    String prefix = tablePrefix == null ? "" : tablePrefix;
    this.linkTable = prefix + "ACT_RU_IDENTITYLINK";
    this.joinedFrom = " from " + prefix + "ACT_RU_TASK RES left join " + linkTable + " I on I.TASK_ID_ = RES.ID_ WHERE ";
    this.plainFrom = " from " + prefix + "ACT_RU_TASK RES WHERE ";
  }

  /**
   * The statement as a semi-join, or {@code null} if it does not have exactly the expected shape.
   * {@code count} tells the task count statement from the list statement.
   */
  String rewrite(String engineSql, boolean count) {
    String sql = normalize(engineSql);
    if (sql == null) {
      return null;
    }
    int from = sql.indexOf(joinedFrom);
    if (from < 0 || sql.indexOf(joinedFrom, from + 1) >= 0) {
      return null;
    }
    if (count ? !sql.startsWith(COUNT_DISTINCT) || from != COUNT_DISTINCT.length()
        : !sql.startsWith(SELECT_DISTINCT) || sql.indexOf(" from ") != from) {
      return null; // another head (other database, other statement), or a sub-select in the select list
    }
    Matcher block = BLOCK.matcher(sql);
    if (!block.find(from)) {
      return null;
    }
    int start = block.start();
    int end = block.end();
    String unassigned = block.group(1) == null ? "" : block.group(1);
    String conditions = block.group(2);
    if (block.find()) {
      return null; // a second candidate block: the engine asks for one link row satisfying both
    }
    if (!(sql.startsWith(" and ", start - 5) || sql.startsWith(" or ", start - 4))) {
      return null; // not an operand of AND / OR as Task.xml places it
    }
    String semi = "( " + unassigned + "EXISTS ( select 1 from " + linkTable + " I where I.TASK_ID_ = RES.ID_ and "
        + conditions + " ) )";
    String outside = sql.substring(0, start) + sql.substring(end);
    if (LINK_ALIAS.matcher(outside.substring(from + joinedFrom.length())).find()
        || LINK_ALIAS.matcher(outside.substring(0, from)).find()) {
      return null; // the link row is used elsewhere too (select list, involvedUser, …)
    }
    String rewritten = sql.substring(0, from) + plainFrom + sql.substring(from + joinedFrom.length(), start) + semi
        + sql.substring(end);
    rewritten = count ? COUNT + rewritten.substring(COUNT_DISTINCT.length())
        : "select RES." + rewritten.substring(SELECT_DISTINCT.length());
    if (markers(rewritten) != markers(sql)) {
      return null;
    }
    return rewritten;
  }

  private static int markers(String sql) {
    int n = 0;
    for (int i = 0; i < sql.length(); i++) {
      if (sql.charAt(i) == '?') {
        n++;
      }
    }
    return n;
  }

  /**
   * The statement with one space between tokens: runs of whitespace become one space, and
   * parentheses and commas get a space on each side — outside string literals, which are copied
   * as they are. {@code null} if a literal is not closed or the text has characters that a
   * token-level rewrite should not meet (quoted identifiers, comments).
   */
  static String normalize(String sql) {
    StringBuilder out = new StringBuilder(sql.length() + 64);
    boolean space = true;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '\'') {
        int close = i + 1;
        while (true) {
          close = sql.indexOf('\'', close);
          if (close < 0) {
            return null;
          }
          if (close + 1 < sql.length() && sql.charAt(close + 1) == '\'') {
            close += 2;
            continue;
          }
          break;
        }
        out.append(sql, i, close + 1);
        i = close;
        space = false;
      } else if (c == '"' || c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-'
          || c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
        return null;
      } else if (Character.isWhitespace(c)) {
        if (!space) {
          out.append(' ');
          space = true;
        }
      } else if (c == '(' || c == ')' || c == ',') {
        if (!space) {
          out.append(' ');
        }
        out.append(c).append(' ');
        space = true;
      } else {
        out.append(c);
        space = false;
      }
    }
    int length = out.length();
    if (length > 0 && out.charAt(length - 1) == ' ') {
      out.setLength(length - 1);
    }
    return out.toString();
  }
}
