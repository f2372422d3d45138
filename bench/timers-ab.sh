#!/usr/bin/env bash
# A/B runs of the timer drain (issue #17 item 2): each variant is one `bench/run-all.sh timers` on a
# fresh database and a fresh node, back to back, so their CPU per job compares within one lock hold.
#
#   bench/timers-ab.sh 'label|JVM options|application arguments' ...
#
# BENCH_TIMERS_NODES (default "1": one node only) is passed on, as are BENCH_TIMERS and
# BENCH_TIMERS_WARMUP. An empty JVM-options field means no JVM options at all; "-" means the
# harness's default (the documented start command). Result: bench/results/timers-ab-<timestamp>.txt
# (one line per variant: label, result file, then the drain's figures).
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=bench/results/timers-ab-$stamp.txt
echo "# bench/timers-ab.sh — $(date -u +%FT%TZ), $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes'), load $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$out"
for v in "$@"; do
  IFS='|' read -r label jopts args <<< "$v"
  if [ "$jopts" = - ]; then unset BENCH_JAVA_OPTS; else export BENCH_JAVA_OPTS="$jopts"; fi
  r=$(BENCH_TIMERS_NODES=${BENCH_TIMERS_NODES:-1} BENCH_APP_ARGS="$args" bench/run-all.sh timers | tee -a /dev/stderr | sed -nE 's/.*result: (.*)$/\1/p')
  for l in $(grep -E '^# (warm-up: )?label=' "$r" | sed -E 's/^# (warm-up: )?//; s/ /~/g'); do
    echo "$label | $r | ${l//\~/ }" | tee -a "$out"
  done
done
echo "# load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out"
