#!/usr/bin/env bash
# Where a fresh start's CPU goes, by thread and by phase: the application and bench/bare-starter, one
# fresh H2 start each under async-profiler (CPU samples every 2 ms, per thread; the agent comes from
# Maven Central, tools.profiler:async-profiler), stopped at "Started". JFR's sampler saw only ~290
# samples in a 10 s start on this 2-core machine, too few to split a phase; this sees every thread,
# the JIT compilers included. Run under the machine's lock: bench/startup-cpu.sh [app jar] [bare jar]
# Result: bench/results/startup-cpu-<timestamp>.txt (tables by bench/startup-cpu.py) and the two
# collapsed-stack files beside it (not committed: several MB).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${1:-$(ls target/enforcement-workflow-*.jar | grep -v original | head -n 1)}
bare=${2:-bench/bare-starter/target/bare-starter-1.jar}
work=$(mktemp -d)
. bench/async-profiler.sh
async_profiler "$work"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=bench/results/startup-cpu-$stamp.txt
mkdir -p bench/results
echo "# $stamp load $(cut -d' ' -f1-3 /proc/loadavg); app $jar; bare $bare" > "$out"
for variant in app bare; do
  if [ $variant = app ]; then j=$jar; else j=$bare; fi
  stacks=$work/$variant.collapsed
  RECORDING_STORAGE_ROOT="$work/rec-$variant" CASE_ARCHIVE_ROOT="$work/arc-$variant" java -agentpath:"$work/linux-x64/libasyncProfiler.so=start,event=cpu,interval=2ms,threads,collapsed,file=$stacks" \
    -jar "$j" --spring.datasource.url=jdbc:h2:file:"$work/db-$variant" --server.port=0 \
    > "$work/$variant.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 1200); do
    grep -qE 'Started [A-Za-z]+Application' "$work/$variant.log" && break
    kill -0 $pid 2>/dev/null || { cat "$work/$variant.log" >&2; exit 1; }
    sleep 0.1
  done
  kill $pid; wait $pid 2>/dev/null || true   # the agent writes the stacks at JVM exit
  echo "## $variant: $(grep -oE 'Started [A-Za-z]+Application in [0-9.]+ seconds' "$work/$variant.log")" >> "$out"
  python3 bench/startup-cpu.py "$stacks" >> "$out"
  cp "$stacks" "bench/results/startup-cpu-$stamp-$variant.collapsed"
done
rm -rf "$work"
cat "$out"
