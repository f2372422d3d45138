#!/usr/bin/env bash
# kept database tl4 with 100k tasks; the engine's task statements logged for officer1/head1/supervisor1
set -euo pipefail
cd "$(dirname "$0")/../../.."
db=tl4 port=28717 base=http://127.0.0.1:28717
jar=${JAR:-$(ls target/enforcement-workflow-*.jar | grep -v original | head -n 1)}
psql_db() { psql -h 127.0.0.1 -U postgres -d "$db" -X "$@"; }
if ! psql -h 127.0.0.1 -U postgres -Atc "select 1 from pg_database where datname='$db'" | grep -q 1; then
  psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db"; fresh=1
else fresh=0; fi
log=/tmp/tl4/app.log
DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" DB_USER=postgres DB_PASSWORD= ADMIN_USER=admin ADMIN_PASSWORD=demo \
  SECURE_COOKIE=false RECORDING_STORAGE_ROOT=$(mktemp -d) \
  java -jar "$jar" --spring.profiles.active=demo,postgres --server.port="$port" --camunda.bpm.job-execution.enabled=false \
    --logging.level.org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria=DEBUG \
    --logging.level.org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskCountByQueryCriteria=DEBUG > "$log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -sf "$base/actuator/health" >/dev/null && break; kill -0 $app || { cat "$log"; exit 1; }; sleep 1; done
if [ $fresh = 1 ]; then
curl -sf -u officer1:demo -H 'Content-Type: application/json' -X POST "$base/engine-rest/process-definition/key/enforcement-case/start" \
  -d '{"businessKey":"bench-template","variables":{"source":{"value":"INSPECTION"},"partyName":{"value":"某某建材有限公司"},"partyType":{"value":"LEGAL_PERSON"},"partyAddress":{"value":"云和县某路 1 号"},"cause":{"value":"未经许可擅自施工"},"clueDescription":{"value":"巡查发现工地未办理施工许可"}}}' >/dev/null
time psql_db -q -v n=99999 -v template=bench-template -f bench/seed-tasks.sql
fi
filters=$(curl -sf -u admin:demo "$base/engine-rest/filter?resourceType=Task")
list_body='{"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],"sorting":[{"sortBy":"created","sortOrder":"desc"}]}'
from=$(($(wc -l < "$log") + 1))
for user in officer1 head1 supervisor1; do
for name in 我的待办 本组待办 即将到期; do
  id=$(python3 -c 'import json,sys; print(next(f["id"] for f in json.load(sys.stdin) if f["name"]==sys.argv[1]))' "$name" <<<"$filters")
  curl -s -o /dev/null -w "$user $name list %{time_total}\n" -u $user:demo -X POST -H 'Content-Type: application/json' -H 'Accept: application/hal+json, application/json' "$base/engine-rest/filter/$id/list?firstResult=0&maxResults=15" --data-binary "$list_body"
  curl -s -o /dev/null -w "$user $name count %{time_total}\n" -u $user:demo -X POST -H 'Content-Type: application/json' "$base/engine-rest/filter/$id/count" -d '{}'
done
curl -s -o /dev/null -w "$user rest candidateGroup %{time_total}\n" -u $user:demo "$base/engine-rest/task?candidateGroup=enforcement-officer&firstResult=0&maxResults=15&sortBy=created&sortOrder=desc"
curl -s -o /dev/null -w "$user rest count %{time_total}\n" -u $user:demo "$base/engine-rest/task/count?candidateGroup=enforcement-officer"
done
sleep 1
tail -n +"$from" "$log" > /tmp/tl4/statements.log
