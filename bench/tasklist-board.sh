#!/usr/bin/env bash
# p50/p95 of the deadline board (GET /api/deadlines/board, Cockpit plugin 期限看板) as a user, and
# the number of tasks on it: the page's call (the first 200 entries) and the dashboard's (limit=0,
# counts only). The first call counts the entries; a board slower than 5 s is timed that once only.
# Prints: label user 期限看板 board|board-counts n p50_ms p95_ms tasks=<matching> listed=<entries> bytes=<body>
# Usage: bench/tasklist-board.sh BASE_URL LABEL REPEATS USER... (password "demo")
set -euo pipefail
base=$1 label=$2 repeats=$3; shift 3
pct() { sort -n | awk -v p="$1" '{a[NR]=$1} END {i=int((NR*p+99)/100); if (i<1) i=1; printf "%.1f", a[i]}'; }
body=$(mktemp); trap 'rm -f "$body"' EXIT
once() { curl -s -o "$body" -w '%{http_code} %{time_total}\n' -u "$1:demo" "$base/api/deadlines/board$2" \
  | awk '$1 != 200 {print "HTTP " $1 > "/dev/stderr"; exit 1} {printf "%.1f\n", $2*1000}'; }
for user in "$@"; do
  for call in "board|" "board-counts|?limit=0"; do
    name=${call%%|*} query=${call#*|}
    first=$(once "$user" "$query")
    entries=$(python3 -c 'import json,sys; b=json.load(open(sys.argv[1])); print(b.get("matching", len(b["tasks"])), len(b["tasks"]))' "$body")
    bytes=$(stat -c %s "$body")
    n=$repeats
    if awk -v w="$first" 'BEGIN {exit !(w > 5000)}'; then n=1; times=$first
    else times=$(for _ in $(seq 1 "$n"); do once "$user" "$query"; done); fi
    echo "$label $user 期限看板 $name $n $(pct 50 <<<"$times") $(pct 95 <<<"$times") tasks=${entries% *} listed=${entries#* } bytes=$bytes"
  done
done
