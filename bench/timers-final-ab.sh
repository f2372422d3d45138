#!/usr/bin/env bash
# Before/after of the documented start command (issue #17 item 2), back to back in one lock hold:
# 1. one node with the JVM's defaults (G1, what the nodes ran before), 2. the full timers section
# (one node, then two) with the documented options (bench/run-all.sh's default BENCH_JAVA_OPTS),
# 3. one node with 40 jobs per acquisition and a queue of 80 (the job executor's acquisition size).
set -euo pipefail
cd "$(dirname "$0")/.."
T=--camunda.bpm.job-execution
BENCH_JAVA_OPTS= BENCH_TIMERS_NODES=1 bench/run-all.sh timers
bench/run-all.sh timers
BENCH_TIMERS_NODES=1 BENCH_APP_ARGS="$T.max-jobs-per-acquisition=40 $T.queue-capacity=80" bench/run-all.sh timers
