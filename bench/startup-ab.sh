#!/bin/bash
# usage (under /work/bin/mvn-locked --cmd): bench/startup-ab.sh N 'label|jar|extra args' ... ; fresh H2 starts interleaved (rotating order), bare starter included
set -u
n=$1; shift
variants=("$@" "bare|$(cd "$(dirname "$0")" && pwd)/bare-starter/target/bare-starter-1.jar|")
mkdir -p ${AB_DIR:-/tmp/startup-ab}; cd ${AB_DIR:-/tmp/startup-ab}
echo "# $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 $n); do
  k=${#variants[@]}
  for j in $(seq 0 $((k-1))); do
    IFS='|' read -r name jar extra <<< "${variants[$(( (i+j) % k ))]}"
    d=$(mktemp -d); log=$name-$i.log
    PORT=0 RECORDING_STORAGE_ROOT=$d/recordings CASE_ARCHIVE_ROOT=$d/archives java -jar $jar --spring.datasource.url=jdbc:h2:file:$d/db --server.port=0 $extra > $log 2>&1 &
    pid=$!
    cpu=0
    for _ in $(seq 1 1200); do grep -qE 'Started [A-Za-z]+Application' $log && break; kill -0 $pid 2>/dev/null || break; cpu=$(awk '{print ($14+$15)/100}' /proc/$pid/stat); sleep 0.1; done
    sleep 1; kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf $d
    echo "$name $(grep -oE 'Started [A-Za-z]+Application in [0-9.]+' $log | awk '{print $4}') cpu $cpu"
  done
done
