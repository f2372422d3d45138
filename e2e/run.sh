#!/usr/bin/env bash
# Browser tests: lint the BPMN models, start the app on a free port with a fresh H2 database and
# the demo users, run the Playwright suite in Debian's chromium, stop the app. Used by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian's chromium, and a CJK font so that screenshots show the Chinese interface
if [ ! -x /usr/bin/chromium ] || ! fc-list :lang=zh | grep -q .; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
fi
(cd e2e && npm ci --no-fund --no-audit --loglevel=error)

echo "--- bpmnlint (recommended + camunda-compat 7.24): zero problems allowed"
lint=$(cd e2e && node_modules/.bin/bpmnlint ../processes/*.bpmn 2>&1) && status=0 || status=$?
if [ "$status" -ne 0 ] || [ -n "$lint" ]; then echo "$lint"; echo "bpmnlint found problems"; exit 1; fi
echo "bpmnlint: no problems in $(ls processes/*.bpmn | wc -l) models"

jar=$(ls target/enforcement-workflow-*.jar 2>/dev/null | grep -v original | head -n 1 || true)
if [ -z "$jar" ]; then ./mvnw -B -q -ntp -DskipTests package; jar=$(ls target/enforcement-workflow-*.jar | grep -v original | head -n 1); fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
work=$(mktemp -d)
java -jar "$jar" --server.port="$port" --spring.datasource.url="jdbc:h2:file:$work/e2e;DB_CLOSE_ON_EXIT=FALSE" \
  --recording.storage.root="$work/recordings" > "$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null && break
  kill -0 $app 2>/dev/null || { cat "$work/app.log"; exit 1; }
  sleep 1
done
echo "--- app up on port $port"
E2E_BASE_URL="http://127.0.0.1:$port" node --test --test-concurrency=1 e2e/tests/ || { tail -n 200 "$work/app.log"; exit 1; }
