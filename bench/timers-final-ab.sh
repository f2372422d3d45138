#!/usr/bin/env bash
# Before/after of the documented start command (issue #17 item 2): the full timers section (one node,
# then two) with the JVM's defaults (G1, what the nodes ran before) and then with the documented
# options (bench/run-all.sh's default BENCH_JAVA_OPTS), back to back.
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_JAVA_OPTS= bench/run-all.sh timers
bench/run-all.sh timers
