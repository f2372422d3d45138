package cn.gov.enforcement.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link TaskQuerySemiJoin} on the text of the engine's statements (as Task.xml writes them for
 * PostgreSQL, newlines and all): the candidate join becomes {@code EXISTS} only for the known
 * shape, everything else is left to the engine. The answers themselves are compared with the
 * engine's SQL on PostgreSQL in {@link TaskQuerySemiJoinTest}.
 */
class TaskQuerySemiJoinShapeTest {

  static final String COLUMNS = "RES.REV_, RES.ID_, RES.NAME_,\n    RES.CREATE_TIME_, RES.ASSIGNEE_";
  static final String JOIN = "\n    from ACT_RU_TASK RES\n      left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_\n   WHERE ";
  static final String GROUP_QUEUE = "( 1 = 1 and\n  RES.ASSIGNEE_ IS NULL\n and (\n  RES.ASSIGNEE_ is null\n  and I.TYPE_ = 'candidate'\n"
      + "  and\n  (\n   I.GROUP_ID_ IN\n   (\n ?\n ,\n ?\n )\n  )\n )\n )\n  and (RES.TENANT_ID_ is null )";

  final TaskQuerySemiJoin semiJoin = new TaskQuerySemiJoin("");

  @Test
  @DisplayName("AUX-01 issue #17 the group-queue count and page become a semi-join without DISTINCT, parameters in place")
  void groupQueue() {
    String count = semiJoin.rewrite("SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_" + JOIN + GROUP_QUEUE + " ) countDistinct", true);
    assertThat(count).isEqualTo("SELECT COUNT ( * ) FROM ( SELECT RES.ID_ from ACT_RU_TASK RES WHERE ( 1 = 1 and RES.ASSIGNEE_ IS NULL and "
        + "( RES.ASSIGNEE_ is null and EXISTS ( select 1 from ACT_RU_IDENTITYLINK I where I.TASK_ID_ = RES.ID_ and "
        + "I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( ? , ? ) ) ) ) ) and ( RES.TENANT_ID_ is null ) ) countDistinct");
    String page = semiJoin.rewrite("select distinct " + COLUMNS + JOIN + GROUP_QUEUE + "\n order by RES.CREATE_TIME_ desc\n LIMIT ? OFFSET ?", false);
    assertThat(page).startsWith("select RES.REV_ , RES.ID_ , RES.NAME_ , RES.CREATE_TIME_ , RES.ASSIGNEE_ from ACT_RU_TASK RES WHERE ")
        .contains("EXISTS ( select 1 from ACT_RU_IDENTITYLINK I where I.TASK_ID_ = RES.ID_ and I.TYPE_ = 'candidate'")
        .endsWith("order by RES.CREATE_TIME_ desc LIMIT ? OFFSET ?");
    assertThat(page.chars().filter(c -> c == '?').count()).isEqualTo(4);
  }

  @Test
  @DisplayName("AUX-01 issue #17 an OR query's candidate block (即将到期) and a table prefix are rewritten; literals are kept as they are")
  void orQueryAndPrefix() {
    TaskQuerySemiJoin prefixed = new TaskQuerySemiJoin("wf.");
    String sql = "SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ from wf.ACT_RU_TASK RES left join wf.ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_ WHERE"
        + " ( 1 = 1 and UPPER(RES.NAME_) like UPPER(?) ESCAPE '\\\\' ) and ( 1 = 1 and RES.ASSIGNEE_ = ? or ( RES.ASSIGNEE_ is null and I.TYPE_ = 'candidate'"
        + " and ( I.USER_ID_ = ? or I.GROUP_ID_ IN ( ? ) ) ) ) and (RES.TENANT_ID_ is null or RES.TENANT_ID_ in ( ? ) ) ) countDistinct";
    assertThat(prefixed.rewrite(sql, true)).isEqualTo("SELECT COUNT ( * ) FROM ( SELECT RES.ID_ from wf.ACT_RU_TASK RES WHERE"
        + " ( 1 = 1 and UPPER ( RES.NAME_ ) like UPPER ( ? ) ESCAPE '\\\\' ) and ( 1 = 1 and RES.ASSIGNEE_ = ? or ( RES.ASSIGNEE_ is null and"
        + " EXISTS ( select 1 from wf.ACT_RU_IDENTITYLINK I where I.TASK_ID_ = RES.ID_ and I.TYPE_ = 'candidate' and ( I.USER_ID_ = ? or I.GROUP_ID_ IN ( ? ) ) ) ) )"
        + " and ( RES.TENANT_ID_ is null or RES.TENANT_ID_ in ( ? ) ) ) countDistinct");
    assertThat(semiJoin.rewrite(sql, true)).as("other prefix: not the expected tables").isNull();
  }

  @Test
  @DisplayName("AUX-01 issue #17 other shapes fall back to the engine's SQL (authorization join, two candidate blocks, involvedUser, the link in the select list, comments)")
  void otherShapesFallBack() {
    String auth = "SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ from ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_"
        + " left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_ left join ( SELECT A.* FROM ACT_RU_AUTHORIZATION A ) AUTH ON ( AUTH.RESOURCE_ID_ in ( RES.ID_ , D.KEY_ , '*' ) )"
        + " WHERE ( 1 = 1 and ( RES.ASSIGNEE_ is null and I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( ? ) ) ) ) ) countDistinct";
    assertThat(semiJoin.rewrite(auth, true)).isNull();
    String twoBlocks = "SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_" + JOIN
        + "( 1 = 1 and ( I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( ? ) ) ) ) and ( 1 = 1 and RES.ASSIGNEE_ = ? or ( RES.ASSIGNEE_ is null and I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( ? ) ) ) ) ) countDistinct";
    assertThat(semiJoin.rewrite(twoBlocks, true)).isNull();
    String involved = "SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_" + JOIN
        + "( 1 = 1 and ( I.USER_ID_ = ? or RES.ASSIGNEE_ = ? or RES.OWNER_ = ? ) ) ) countDistinct";
    assertThat(semiJoin.rewrite(involved, true)).isNull();
    String alsoInvolved = "SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_" + JOIN
        + "( 1 = 1 and ( RES.ASSIGNEE_ is null and I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( ? ) ) ) and ( I.USER_ID_ = ? or RES.OWNER_ = ? ) ) ) countDistinct";
    assertThat(semiJoin.rewrite(alsoInvolved, true)).isNull();
    String linkSelected = "select distinct RES.ID_, I.GROUP_ID_" + JOIN + GROUP_QUEUE + " order by RES.ID_ asc LIMIT ? OFFSET ?";
    assertThat(semiJoin.rewrite(linkSelected, false)).isNull();
    assertThat(semiJoin.rewrite("SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_" + JOIN + GROUP_QUEUE + " -- x\n ) countDistinct", true)).isNull();
    assertThat(semiJoin.rewrite("select distinct " + COLUMNS + JOIN + GROUP_QUEUE, true)).as("list text as a count").isNull();
    assertThat(semiJoin.rewrite("SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_" + JOIN + "( 1 = 1 and NOT ( RES.ASSIGNEE_ is null and I.TYPE_ = 'candidate' ) ) ) countDistinct", true))
        .as("under NOT").isNull();
  }
}
