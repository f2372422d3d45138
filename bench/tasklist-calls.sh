#!/usr/bin/env bash
# p50/p95 of the calls Tasklist makes for one filter (list page of 15, sorted by creation, and the
# sidebar count), as a user, over HTTP Basic through /engine-rest (the same engine path as
# /camunda/api/engine/engine/default). Prints: label user filter call n p50_ms p95_ms
# Usage: bench/tasklist-calls.sh BASE_URL LABEL REPEATS USER... (password "demo", demo users)
set -euo pipefail
base=$1 label=$2 repeats=$3; shift 3
filters=$(curl -sf -u admin:demo "$base/engine-rest/filter?resourceType=Task")
fid() { python3 -c 'import json,sys; print(next(f["id"] for f in json.load(sys.stdin) if f["name"]==sys.argv[1]))' "$1" <<<"$filters"; }
# what Tasklist posts for a filter's page (cam-tasklist: sorting by created desc, the filter's
# variable names) and for the sidebar's count
list_body='{"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],"sorting":[{"sortBy":"created","sortOrder":"desc"}]}'
pct() { sort -n | awk -v p="$1" '{a[NR]=$1} END {i=int((NR*p+99)/100); if (i<1) i=1; printf "%.1f", a[i]}'; }
time_call() { # method url body user -> ms
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -u "$4:demo" -X "$1" -H 'Content-Type: application/json' \
    -H 'Accept: application/hal+json, application/json' ${3:+--data-binary "$3"} "$2" \
    | awk '$1 != 200 {print "HTTP " $1 > "/dev/stderr"; exit 1} {printf "%.1f\n", $2*1000}'
}
measure() { # user filter call method url body
  local user=$1 filter=$2 call=$3 method=$4 url=$5 body=$6 times n=$repeats warm
  time_call "$method" "$url" "$body" "$user" >/dev/null; warm=$(time_call "$method" "$url" "$body" "$user") # warm-up
  # a call slower than a second is timed 5 times only (the "before" state takes seconds per call)
  if awk -v w="$warm" 'BEGIN {exit !(w > 1000)}'; then n=5; fi
  times=$(for _ in $(seq 1 "$n"); do time_call "$method" "$url" "$body" "$user"; done)
  echo "$label $user $filter $call $n $(pct 50 <<<"$times") $(pct 95 <<<"$times")"
}
for user in "$@"; do
  # the floor: the cheapest authenticated engine call (authentication, one authorization check)
  measure "$user" - floor GET "$base/engine-rest/version" ""
  for name in 我的待办 本组待办 即将到期; do
    id=$(fid "$name")
    measure "$user" "$name" list POST "$base/engine-rest/filter/$id/list?firstResult=0&maxResults=15" "$list_body"
    measure "$user" "$name" count POST "$base/engine-rest/filter/$id/count" "{}"
  done
done
