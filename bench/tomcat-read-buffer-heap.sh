#!/usr/bin/env bash
# Heap cost of Tomcat's socket.appReadBufSize per connection (docs/benchmarks.md, "Third round"): starts the
# application at -Xmx256m with web.tomcat.app-read-buffer=<size> (unset: Tomcat's 8 KiB), opens N connections
# that each send an incomplete request (request line and one header, no blank line: Tomcat keeps the
# connection's socket buffer and an HTTP processor with its input buffer for each), then a full GC and the
# live heap and byte[] bytes from jcmd, before and with the connections.
# Usage: bench/tomcat-read-buffer-heap.sh <connections> [size ...]   e.g. 200 "" 64KB 256KB
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-200}; shift || true
SIZES=("$@"); [ ${#SIZES[@]} -gt 0 ] || SIZES=("" 64KB)
JAR=${BENCH_JAR:-$(ls target/enforcement-workflow-*.jar | grep -v original | head -n 1)}
PORT=${BENCH_PORT:-18180}
OUT=bench/results/tomcat-read-buffer-heap-$(date -u +%Y%m%dT%H%M%SZ).txt
mkdir -p bench/results
live() { # live heap KiB after a full GC, and byte[] bytes (class histogram runs a full GC first)
  jcmd "$1" GC.run > /dev/null
  local used; used=$(jcmd "$1" GC.heap_info | sed -nE 's/.*total [0-9]+K, used ([0-9]+)K.*/\1/p' | head -n 1)
  local bytes; bytes=$(jcmd "$1" GC.class_histogram | awk '$4 == "[B" {print $3}')
  echo "$used $bytes"
}
{
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ), load average $(cut -d' ' -f1-3 /proc/loadavg), $N connections, jar $JAR"
for size in "${SIZES[@]}"; do
  WORK=$(mktemp -d /tmp/read-buffer-heap.XXXX)
  java -Xmx256m -jar "$JAR" --server.port="$PORT" ${size:+--web.tomcat.app-read-buffer=$size} \
    --spring.datasource.url="jdbc:h2:file:$WORK/db;DB_CLOSE_ON_EXIT=FALSE" --recording.storage.root="$WORK/storage" \
    --camunda.bpm.job-execution.enabled=false > "$WORK/app.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 120); do curl -sf "http://localhost:$PORT/actuator/health" > /dev/null && break; sleep 1; done
  for _ in 1 2 3; do curl -sf "http://localhost:$PORT/actuator/health" > /dev/null; done
  read -r used0 bytes0 <<< "$(live $APP)"
  python3 - "$PORT" "$N" "$WORK/hold" <<'PY' &
import socket, sys, time, os
port, n, flag = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
conns = []
for _ in range(n):
    s = socket.create_connection(('127.0.0.1', port))
    s.sendall(b'GET /actuator/health HTTP/1.1\r\nHost: localhost\r\n')
    conns.append(s)
open(flag, 'w').close()
time.sleep(40)
PY
  HOLD=$!
  for _ in $(seq 1 100); do [ -e "$WORK/hold" ] && break; sleep 0.2; done
  sleep 2
  read -r used1 bytes1 <<< "$(live $APP)"
  echo "app-read-buffer ${size:-default (8 KiB)}: live heap ${used0} KiB -> ${used1} KiB with $N connections (+$(( (used1 - used0) / 1024 )) MiB, $(( (used1 - used0) / N )) KiB per connection); byte[] $((bytes0 / 1024)) -> $((bytes1 / 1024)) KiB (+$(( (bytes1 - bytes0) / 1024 / N )) KiB per connection)"
  kill $HOLD 2>/dev/null || true; wait $HOLD 2>/dev/null || true
  kill $APP; wait $APP 2>/dev/null || true
  rm -rf "$WORK"
done
} | tee "$OUT"
