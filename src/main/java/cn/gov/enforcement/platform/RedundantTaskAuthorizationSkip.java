package cn.gov.enforcement.platform;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Leaves out the engine's per-task authorization join of a task query (Tasklist's lists and
 * counts, filters, {@code GET /task}) when that join cannot remove a single row — and only then
 * (issue #17 item 4, docs/benchmarks.md "Task list at scale", docs/security.md).
 *
 * <p><b>Why it is slow.</b> For an authenticated user the engine's {@code Task.xml} joins
 * {@code ACT_RU_AUTHORIZATION} with {@code AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')} and keeps a
 * task only if some grant gives READ on the task, READ_TASK on its process definition or either on
 * {@code *}. The {@code OR} in that condition rules out a hash join, so every task matching the
 * other criteria costs index probes (~15 µs): officer1's group queue of 60,000 tasks took 1.5 s to
 * count.
 *
 * <p><b>Why it may be left out.</b> The engine's {@link DefaultAuthorizationProvider} (the one this
 * application uses: no other provider is configured) writes a grant with READ (and TASK_WORK,
 * {@code default-user-permission-name-for-task}) on the task id for every assignee, owner, candidate
 * user and candidate group a task gets, when authorization is enabled (it always is here); it never
 * deletes one ({@code deleteTaskUserIdentityLink}/{@code deleteTaskGroupIdentityLink} return
 * nothing), and no code of this application deletes authorizations. So a task whose assignee is the
 * authenticated user, or that has a candidate link to the user or to one of the groups the engine
 * checks for the user ({@code authCheck.authGroupIds}), has a grant row that the join finds. If the
 * query's own criteria admit only such tasks, the join removes nothing and is skipped. Likewise if
 * the user or one of those groups holds READ on TASK {@code *} (the unit managers,
 * {@code identity.AccessPolicy.UNIT_MANAGERS}): that row matches every task. Nothing is widened:
 * a task that the criteria admit and the engine would hide does not exist under these rules.
 *
 * <p><b>When it is not skipped (fail closed).</b>
 * <ul>
 *   <li>the engine would check revokes ({@code authCheck.isRevokeAuthorizationCheckEnabled()}: a
 *       REVOKE row exists for the user or a group, or {@code authorizationCheckRevokes=always}) —
 *       then a revoke may hide a task from its own candidates, and the engine's check runs as is;</li>
 *   <li>the permission check is not exactly the task query's (READ on TASK / READ_TASK on the
 *       definition), a permission is disabled, the database is not PostgreSQL or H2 (both compare
 *       the ids exactly, as {@link String#equals} does);</li>
 *   <li>no query of the AND-combined list ({@code queries}) implies one of the rules: the first
 *       (AND) query implies it if its assignee is the user, or its candidate criterion names only
 *       the user and/or groups among the checked ones (no {@code candidateGroupLike}, which widens);
 *       an OR query ({@code or() … endOr()}, e.g. Tasklist's 即将到期: assignee = me OR candidate
 *       group in my groups) only if every criterion it sets is such an implying one — its fields
 *       are compared one by one with a fresh query's, so a criterion unknown to this class (a
 *       future engine version) counts as widening.</li>
 * </ul>
 * The user and groups are the engine's authentication ({@code authCheck}), never the request's;
 * the values compared are those the statement binds (expressions such as {@code ${currentUser()}}
 * are resolved by then: the query fields hold their results). Tenant checks are not touched.
 * The check is switched off for this one statement and switched back on afterwards.
 *
 * <p>What the rules rely on, stated for operators: an administrator hides an open task from its
 * candidates by removing the candidate link or with a REVOKE authorization, not by deleting the
 * engine's per-task grant in the Admin webapp (a deleted grant keeps the task out of
 * {@code GET /task/{id}} and claim, but these queries would still list it).
 *
 * <p>On PostgreSQL the same interceptor then hands the statement, as it stands after this decision,
 * to {@link TaskQuerySemiJoin}: the engine's candidate join as a semi-join when the statement has
 * exactly the known shape (one interceptor for the task statements' adjustments, so their order
 * is fixed: first the authorization decision, then the SQL that follows from it).
 */
@Component
class RedundantTaskAuthorizationSkip extends AbstractProcessEnginePlugin {

  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong kept = new AtomicLong();
  private final AtomicLong semiJoined = new AtomicLong();
  private volatile boolean enabled = true;
  private volatile boolean semiJoinEnabled = true;
  private volatile TaskQuerySemiJoin semiJoin;

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    String type = configuration.getDatabaseType();
    if (DbSqlSessionFactory.POSTGRES.equals(type)) {
      semiJoin = new TaskQuerySemiJoin(configuration.getDatabaseTablePrefix());
    }
    if (DbSqlSessionFactory.POSTGRES.equals(type) || DbSqlSessionFactory.H2.equals(type)) {
      configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new SkipInterceptor());
    }
  }

  /** Task queries whose authorization join was left out, since start. */
  long skipped() {
    return skipped.get();
  }

  /** Authorization-checked task queries that kept the engine's join, since start. */
  long kept() {
    return kept.get();
  }

  /** For the differential tests: off, every task query runs the engine's own check. */
  void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** Task statements that ran as a semi-join ({@link TaskQuerySemiJoin}), since start. */
  long semiJoined() {
    return semiJoined.get();
  }

  /** For the differential tests: off, every task statement runs with the engine's SQL. */
  void setSemiJoinEnabled(boolean semiJoinEnabled) {
    this.semiJoinEnabled = semiJoinEnabled;
  }

  /** Decides for one task query, with the engine's check as configured for this execution. */
  boolean redundant(TaskQueryImpl query, AuthorizationCheck check, CommandContext context) {
    if (!check.getShouldPerformAuthorizatioCheck() || check.getAuthUserId() == null
        || check.isRevokeAuthorizationCheckEnabled() || !isTaskReadCheck(check.getPermissionChecks())) {
      return false;
    }
    List<String> disabled = context.getProcessEngineConfiguration().getDisabledPermissions();
    if (disabled != null && !disabled.isEmpty()) {
      return false;
    }
    String user = check.getAuthUserId();
    List<String> groups = check.getAuthGroupIds() == null ? List.of() : check.getAuthGroupIds();
    List<TaskQueryImpl> queries = query.getQueries();
    if (impliesGrant(queries.get(0), user, groups)) {
      return true;
    }
    for (int i = 1; i < queries.size(); i++) {
      if (onlyImplyingCriteria(queries.get(i), user, groups)) {
        return true;
      }
    }
    // READ on every task: the row with RESOURCE_ID_ '*' matches each task (one look-up, this command)
    return context.getAuthorizationManager().isAuthorized(user, groups, Permissions.READ, Resources.TASK, "*");
  }

  /** The task query's check, as AuthorizationManager.configureTaskQuery builds it, and nothing else. */
  static boolean isTaskReadCheck(CompositePermissionCheck checks) {
    if (checks == null || !checks.isDisjunctive() || !checks.getCompositeChecks().isEmpty()
        || checks.getAtomicChecks().size() != 2) {
      return false;
    }
    PermissionCheck task = checks.getAtomicChecks().get(0);
    PermissionCheck definition = checks.getAtomicChecks().get(1);
    return task.getResourceType() == Resources.TASK.resourceType() && "RES.ID_".equals(task.getResourceIdQueryParam())
        && task.getPerms() == Permissions.READ.getValue()
        && definition.getResourceType() == Resources.PROCESS_DEFINITION.resourceType()
        && "D.KEY_".equals(definition.getResourceIdQueryParam())
        && definition.getPerms() == ProcessDefinitionPermissions.READ_TASK.getValue();
  }

  /** One of the implying criteria is set (a conjunct of the AND query, a disjunct of an OR query). */
  static boolean impliesGrant(TaskQueryImpl query, String user, List<String> groups) {
    return user.equals(query.getAssignee()) || candidateImpliesGrant(query, user, groups);
  }

  /**
   * The statement's candidate block ({@code I.TYPE_ = 'candidate' and (I.USER_ID_ = ? or
   * I.GROUP_ID_ in (…) or I.GROUP_ID_ like ?)}) with the values it binds: MyBatis reads
   * {@code getCandidateGroups()}, which adds the candidate user's own groups and combines
   * candidateGroup with candidateGroups.
   */
  static boolean candidateImpliesGrant(TaskQueryImpl query, String user, List<String> groups) {
    if (query.getCandidateGroupLike() != null) {
      return false;
    }
    String candidateUser = query.getCandidateUser();
    if (candidateUser != null && !candidateUser.equals(user)) {
      return false;
    }
    if (candidateUser == null && query.getCandidateGroupsInternal() == null && query.getCandidateGroup() == null) {
      return false;
    }
    List<String> candidateGroups = query.getCandidateGroups();
    if (candidateGroups != null && !groups.containsAll(candidateGroups)) {
      return false;
    }
    return candidateUser != null || (candidateGroups != null && !candidateGroups.isEmpty());
  }

  /** Criteria an OR query may set and still imply a grant (each is checked by impliesGrant). */
  static final Set<String> IMPLYING_FIELDS = Set.of("assignee", "candidateUser", "candidateGroup", "candidateGroups",
      // modifiers of the candidate block: they narrow it ("and RES.ASSIGNEE_ is null", "and I.GROUP_ID_ is not null")
      "includeAssignedTasks", "withCandidateGroups", "withCandidateUsers");

  /** Not criteria: the query's bookkeeping and how results are decorated. */
  static final Set<String> NEUTRAL_FIELDS = Set.of("queries", "isOrQueryActive", "cachedCandidateGroups",
      "cachedUserGroups", "initializeFormKeys", "withCommentAttachmentInfo", "taskNameCaseInsensitive",
      // modifiers of variable criteria (the variables themselves are criteria)
      "variableNamesIgnoreCase", "variableValuesIgnoreCase");

  private static final List<Field> CRITERIA = criteriaFields();

  private static List<Field> criteriaFields() {
    List<Field> fields = new ArrayList<>();
    for (Field field : TaskQueryImpl.class.getDeclaredFields()) {
      if (!Modifier.isStatic(field.getModifiers()) && !NEUTRAL_FIELDS.contains(field.getName())) {
        field.setAccessible(true);
        fields.add(field);
      }
    }
    return List.copyOf(fields);
  }

  /**
   * An OR query whose every set criterion is an implying one for this user: each field of the
   * engine's TaskQueryImpl that differs from a fresh OR query's is one of {@link #IMPLYING_FIELDS},
   * and the set ones all imply (assignee = user, the candidate block as above).
   */
  static boolean onlyImplyingCriteria(TaskQueryImpl orQuery, String user, List<String> groups) {
    if (orQuery.getClass() != TaskQueryImpl.class) {
      return false;
    }
    TaskQueryImpl fresh = new TaskQueryImpl();
    fresh.or();
    TaskQueryImpl defaults = fresh.getQueries().get(1);
    boolean assignee = false;
    boolean candidate = false;
    try {
      for (Field field : CRITERIA) {
        if (Objects.deepEquals(field.get(orQuery), field.get(defaults))) {
          continue;
        }
        String name = field.getName();
        if (!IMPLYING_FIELDS.contains(name)) {
          return false;
        }
        if (name.equals("assignee")) {
          assignee = true;
        } else if (!name.equals("includeAssignedTasks")) {
          // withCandidateGroups/-Users alone make the statement's candidate block a disjunct of its
          // own ("any task with a candidate group"): they count as a candidate criterion that must imply
          candidate = true;
        }
      }
    } catch (IllegalAccessException unreadable) {
      return false;
    }
    if (assignee && !user.equals(orQuery.getAssignee())) {
      return false;
    }
    if (candidate && !candidateImpliesGrant(orQuery, user, groups)) {
      return false;
    }
    return assignee || candidate;
  }

  @Intercepts(@Signature(type = Executor.class, method = "query",
      args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}))
  final class SkipInterceptor implements Interceptor {

    /**
     * Wraps executors only, the one type intercepted. MyBatis offers every statement, parameter and
     * result-set handler too, and {@code Plugin.wrap} reads this class's annotations each time
     * (about 4 % of the job threads' CPU, docs/benchmarks.md "Timers"); it would return them unwrapped.
     */
    @Override
    public Object plugin(Object target) {
      return target instanceof org.apache.ibatis.executor.Executor ? org.apache.ibatis.plugin.Plugin.wrap(target, this) : target;
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      MappedStatement statement = (MappedStatement) invocation.getArgs()[0];
      if (!(invocation.getArgs()[1] instanceof TaskQueryImpl query)
          || !TaskQueryCustomPlans.isTaskQuery(statement.getId())) {
        return invocation.proceed();
      }
      AuthorizationCheck check = query.getAuthCheck();
      CommandContext context = Context.getCommandContext();
      if (!enabled || context == null || !check.getShouldPerformAuthorizatioCheck()) {
        return proceed(invocation);
      }
      if (!redundant(query, check, context)) {
        kept.incrementAndGet();
        return proceed(invocation);
      }
      skipped.incrementAndGet();
      // the statement is built from the query object inside proceed(): without the check for this one
      check.setAuthorizationCheckEnabled(false);
      try {
        return proceed(invocation);
      } finally {
        check.setAuthorizationCheckEnabled(true);
      }
    }

    /**
     * Runs the statement as a semi-join if {@link TaskQuerySemiJoin} accepts its SQL (built here
     * from the query object as it stands: with or without the authorization join), otherwise as
     * the engine wrote it. Same parameter mappings and bindings (the {@code ?} keep their order).
     * Either way the statement's dynamic SQL (the task query's is large) is built once, here.
     */
    private Object proceed(Invocation invocation) throws Throwable {
      TaskQuerySemiJoin rewriter = semiJoinEnabled ? semiJoin : null;
      if (rewriter == null) {
        return invocation.proceed();
      }
      Object[] args = invocation.getArgs();
      MappedStatement statement = (MappedStatement) args[0];
      Object parameter = args[1];
      BoundSql engineSql = statement.getBoundSql(parameter);
      String sql = rewriter.rewrite(engineSql.getSql(), statement.getId().endsWith(".selectTaskCountByQueryCriteria"));
      BoundSql run = engineSql; // another shape: the engine's statement, built once (what the 4-argument query does)
      if (sql != null) {
        run = new BoundSql(statement.getConfiguration(), sql, engineSql.getParameterMappings(), parameter);
        engineSql.getAdditionalParameters().forEach(run::setAdditionalParameter);
        semiJoined.incrementAndGet();
      }
      Executor executor = (Executor) invocation.getTarget();
      RowBounds rowBounds = (RowBounds) args[2];
      return executor.query(statement, parameter, rowBounds, (ResultHandler<?>) args[3],
          executor.createCacheKey(statement, parameter, rowBounds, run), run);
    }
  }
}
