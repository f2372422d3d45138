#!/usr/bin/env python3
"""Sums bench/rest-profile.sh's raw data.

  rest-profile.py samples FILE            async-profiler collapsed stacks: request threads by the innermost engine
                                          command (or step of one) they are in, each by kind (PostgreSQL driver,
                                          MyBatis, the rest); other threads (JIT, GC) apart
  rest-profile.py statements DB N < LOG   PostgreSQL's log (log_min_duration_statement = 0): statements of database
                                          DB by shape (literals and parameter lists folded), server ms and count per
                                          request for N requests"""
import collections
import sys

import pg_statements

# the innermost of these frames names the sample's place; the order breaks ties inside one frame
PLACES = [("CheckPassword", "authentication: password"), ("GroupQuery", "authentication: groups"),
          ("TenantQuery", "authentication: tenants"), ("checkEvaluateDecision", "evaluate: authorization check"),
          ("HistoryEventProcessor", "evaluate: history events"), ("DefaultDmnEngine.evaluate", "evaluate: DMN and FEEL"),
          ("DbEntityManager.flush", "command: flush (inserts, updates)"), ("DecisionDefinitionQueryImpl", "decision definition query"),
          ("TaskQueryImpl", "task query"), ("EvaluateDecisionCmd", "evaluate: other"),
          ("CommandContext.close", "command: close, commit"), ("CommandExecutorImpl", "command: other"),
          ("ServiceLoader", "REST: engine lookup (ServiceLoader per resource)"), ("jackson", "JSON"),
          ("glassfish/jersey", "Jersey"), ("DataSourceTransactionManager", "Spring transaction (authentication)")]


def kind(stack):
    if "org/postgresql" in stack:
        return "driver"
    if "org/apache/ibatis" in stack:
        return "mybatis"
    return "other"


def samples(path):
    places, kinds, total = collections.Counter(), collections.Counter(), 0
    for line in open(path):
        stack, n = line.rstrip().rsplit(" ", 1)
        n = int(n)
        total += n
        frames = stack.split(";")
        if not frames[0].startswith("java/lang/Thread.run"):
            places["JVM threads (JIT, GC)"] += n
            continue
        place = next((name for frame in reversed(frames) for marker, name in PLACES if marker in frame), "web (Tomcat, filters)")
        places[place] += n
        kinds[place, kind(stack)] += n
    print(f"{total} samples; place, samples, share, of which PostgreSQL driver / MyBatis / other")
    for place, n in places.most_common():
        print(f"{n:7d} {100 * n / total:5.1f} %  {place}  ({kinds[place, 'driver']} / {kinds[place, 'mybatis']} / {kinds[place, 'other']})")


def statements(db, requests):
    shapes = pg_statements.shapes(sys.stdin.read(), db, phases=True, width=150)
    print(f"{sum(v[1] for v in shapes.values()) / requests:.2f} ms server time per request; ms, count per request, shape")
    for shape, (count, ms) in sorted(shapes.items(), key=lambda kv: -kv[1][1])[:20]:
        print(f"{ms / requests:7.3f} {count / requests:5.1f}  {shape}")


if __name__ == "__main__":
    if sys.argv[1] == "samples":
        samples(sys.argv[2])
    else:
        statements(sys.argv[2], int(sys.argv[3]))
