#!/usr/bin/env bash
# Two nodes on one PostgreSQL database with one recordings store (docs/operations.md "Cluster"),
# then a backup of that running system restored into an empty database and an empty directory
# (docs/operations.md "Backup and restore"). Used by .ci/run after the jar is built. Creates and
# drops its own databases and roles (owner + application, as .ci/run and production do).
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf -- '--- %s  %s\n' "$(date -u +%H:%M:%S)" "$*"; }

if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi
pg_isready -h 127.0.0.1 -p 5432

jar=$(ls target/enforcement-workflow-*.jar 2>/dev/null | grep -v original | head -n 1 || true)
if [ -z "$jar" ]; then ./mvnw -B -q -ntp -DskipTests package; jar=$(ls target/enforcement-workflow-*.jar | grep -v original | head -n 1); fi

psql_admin() { psql -h 127.0.0.1 -U postgres -d "${2:-postgres}" -v ON_ERROR_STOP=1 -qc "$1"; }
run="cluster_$(date +%s)_$$"
owner="${run}_owner"
app="${run}_app"
owner_password="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
app_password="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  psql_admin "DROP DATABASE IF EXISTS $run WITH (FORCE)" || true
  psql_admin "DROP DATABASE IF EXISTS ${run}_restored WITH (FORCE)" || true
  psql_admin "DROP ROLE IF EXISTS $app" || true
  psql_admin "DROP ROLE IF EXISTS $owner" || true
  rm -rf "$work"
}
trap cleanup EXIT
psql_admin "CREATE ROLE $owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '$owner_password'"
psql_admin "CREATE ROLE $app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD '$app_password'"
create_database() {
  psql_admin "CREATE DATABASE $1 OWNER $owner"
  psql_admin "REVOKE ALL ON DATABASE $1 FROM PUBLIC; GRANT CONNECT, TEMPORARY ON DATABASE $1 TO $app"
  psql_admin "REVOKE CREATE ON SCHEMA public FROM PUBLIC; ALTER SCHEMA public OWNER TO $owner" "$1"
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

# start_node NAME PORT DATABASE STORE [more arguments]: the built jar, demo users, on PostgreSQL
start_node() {
  local name=$1 port=$2 database=$3 store=$4; shift 4
  DB_OWNER_USER="$owner" DB_OWNER_PASSWORD="$owner_password" java -XX:+UseParallelGC -Xmx512m -jar "$jar" --server.port="$port" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$database" --spring.datasource.username="$app" \
    --spring.datasource.password="$app_password" --recording.storage.root="$store" \
    --casefile.archive-root="$work/archives-$name" --camunda.bpm.generic-properties.properties.hostname="$name" \
    "$@" > "$work/$name.log" 2>&1 &
  pids+=($!)
  eval "pid_${name//-/_}=$!"
}
wait_healthy() { # NAME PORT
  local pid_var="pid_${1//-/_}"
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$2/actuator/health" >/dev/null && return 0
    kill -0 "${!pid_var}" 2>/dev/null || { echo "node $1 died:"; tail -n 80 "$work/$1.log"; exit 1; }
    sleep 1
  done
  echo "node $1 not healthy after 240 s"; tail -n 80 "$work/$1.log"; exit 1
}
stop_node() { local pid_var="pid_${1//-/_}"; kill "${!pid_var}"; wait "${!pid_var}" 2>/dev/null || true; }

# --- 1. two nodes started at the same moment on an empty database --------------------------------
create_database "$run"
store="$work/recordings"
port_a=$(free_port); port_b=$(free_port)
# a fixity check every 4 s on each node: with the lease (platform.SingleNodeScheduling) the runs of
# both nodes together are at least 0.9 × 4 s apart; without it they would interleave
# and both job executors polling at least every second (default: an idle executor waits up to
# 60 s), so that both race for the timers
fixity=(--recording.fixity.interval=PT4S --recording.fixity.initial-delay=PT2S --camunda.bpm.job-execution.max-wait=1000)
log "starting node-a (:$port_a) and node-b (:$port_b) together on the empty database $run"
start=$(date +%s)
start_node node-a "$port_a" "$run" "$store" "${fixity[@]}"
start_node node-b "$port_b" "$run" "$store" "${fixity[@]}"
wait_healthy node-a "$port_a"; wait_healthy node-b "$port_b"
log "both nodes up after $(( $(date +%s) - start )) s"
# neither start may have failed a step (Flyway, the deployment, the rule gate, the bureau's setup)
for node in node-a node-b; do
  if grep -q ' ERROR ' "$work/$node.log"; then
    echo "$node logged errors:"; grep ' ERROR ' "$work/$node.log" | head -n 20; exit 1
  fi
done

export CLUSTER_STATE="$work/state.json"
node e2e/cluster.mjs cluster "http://127.0.0.1:$port_a" "http://127.0.0.1:$port_b" \
  || { tail -n 60 "$work/node-a.log" "$work/node-b.log"; exit 1; }

python3 - "$work/node-a.log" "$work/node-b.log" <<'PY'
import re, sys, datetime
runs = []
for path in sys.argv[1:]:
    for line in open(path, encoding='utf-8', errors='replace'):
        if 'fixity check:' in line:
            # the line is logged when a run ends; the lease orders the starts (end - its duration):
            # a run slowed by load ends late, and the next one may then end less than a lease after it
            took = re.search(r' in (\d+) ms', line)
            assert took, f'fixity line without its duration: {line}'
            started = datetime.datetime.fromisoformat(line[:23]) - datetime.timedelta(milliseconds=int(took.group(1)))
            runs.append((started, path.rsplit('/', 1)[1]))
runs.sort()
gaps = [(b[0] - a[0]).total_seconds() for a, b in zip(runs, runs[1:])]
print(f"fixity runs: {len(runs)} ({', '.join(sorted({n for _, n in runs}))}), shortest gap between starts {min(gaps) if gaps else '-'} s")
assert len(runs) >= 3, 'the scheduled fixity check ran'
assert min(gaps) >= 3.0, f'two fixity runs within one lease: {gaps}'
PY

# --- 2. backup of the running system (docs/operations.md "Backup and restore") -------------------
backup="$work/backup"
mkdir -p "$backup/store"
log "backup: anchor, then pg_dump, then originals, while both nodes keep running"
cp -p "$store"/audit-anchor-*.txt "$backup/store/"
PGPASSWORD="$owner_password" pg_dump -h 127.0.0.1 -U "$owner" -d "$run" -Fc -f "$backup/database.dump"
# while the copy runs, a node keeps writing: uploads after the dump are not in it (extra files)
curl -sf -u officer1:demo -F activity=ONSITE_INSPECTION -F "caseNumber=备份期间上传" -F deviceNumber=DSJ-0042 \
  -F officers=officer1,officer2 -F partyName=某公司 -F "startedAt=$(TZ=Asia/Shanghai date -d '-2 min' +%Y-%m-%dT%H:%M:%S+08:00)" \
  -F "endedAt=$(TZ=Asia/Shanghai date -d '-1 min' +%Y-%m-%dT%H:%M:%S+08:00)" -F "file=@src/test/resources/evidence-test/clip.mp4" \
  "http://127.0.0.1:$port_b/api/recordings" >/dev/null
cp -a "$store/originals" "$backup/store/"
stop_node node-a; stop_node node-b

# --- 3. restore into an EMPTY database and an EMPTY directory, start the app on the copy ----------
log "restore into the empty database ${run}_restored and an empty directory"
create_database "${run}_restored"
PGPASSWORD="$owner_password" pg_restore -h 127.0.0.1 -U "$owner" -d "${run}_restored" --no-owner --no-privileges \
  --exit-on-error "$backup/database.dump"
restored="$work/restored-recordings"
mkdir "$restored"
[ -z "$(ls -A "$restored")" ]
cp -a "$backup/store/." "$restored/"
# outside the application: every row's original is in the restored store with its SHA-256
missing=0
while IFS='|' read -r path sha; do
  [ -n "$path" ] || continue
  actual=$(sha256sum "$restored/$path" 2>/dev/null | cut -d' ' -f1 || true)
  [ "$actual" = "$sha" ] || { echo "digest mismatch or missing: $path"; missing=$((missing + 1)); }
done < <(psql -h 127.0.0.1 -U postgres -d "${run}_restored" -At -c "SELECT storage_path, sha256 FROM recording")
recordings=$(psql -h 127.0.0.1 -U postgres -d "${run}_restored" -At -c "SELECT COUNT(*) FROM recording")
[ "$missing" -eq 0 ] || { echo "$missing recording(s) do not verify after the restore"; exit 1; }
port_r=$(free_port)
start_node node-r "$port_r" "${run}_restored" "$restored" --recording.fixity.initial-delay=PT1S
wait_healthy node-r "$port_r"
node e2e/cluster.mjs restored "http://127.0.0.1:$port_r" || { tail -n 60 "$work/node-r.log"; exit 1; }
for _ in $(seq 1 60); do grep -q 'fixity check:' "$work/node-r.log" && break; sleep 1; done
fixity_line=$(grep -m1 'fixity check:' "$work/node-r.log" || true)
echo "restored node: ${fixity_line#*: }"
[[ "$fixity_line" == *"fixity check: $recordings originals checked, 0 failed"* ]] \
  || { echo "the restored store does not pass the fixity check of all $recordings originals"; exit 1; }
log "cluster and backup/restore passed: $recordings recordings verified by sha256sum, by the server on download and by its fixity check"
