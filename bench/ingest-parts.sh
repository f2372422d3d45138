#!/usr/bin/env bash
# The upload's parts alone (docs/benchmarks.md, "Digests in parallel"): SM3 throughput of BouncyCastle, a
# pure-Java SM3 and OpenSSL via JNA, openssl dgst -sm3 on the same amount of data, and commons-fileupload's
# MultipartStream parse at 4 KiB / 64 KiB / 1 MiB buffers; first the CPU seconds per GiB of the SHA-256 and
# SM3 lanes (JDK vs OpenSSL, with and without the native copy; BENCH_PARTS=digests runs only that); then the
# reader without Tomcat: the library's item iterator vs the application's FastFileUpload on the same body
# (BENCH_PARTS=iterator runs only that). Usage: bench/ingest-parts.sh [MiB per run] (256)
set -euo pipefail
cd "$(dirname "$0")/.."
MIB=${1:-256}
JAR=$(realpath "${BENCH_JAR:-$(ls target/enforcement-workflow-*.jar | grep -v original | head -n 1)}")
LIB=$(mktemp -d /tmp/ingest-parts.XXXX)
trap 'rm -rf "$LIB"' EXIT
unzip -q -j "$JAR" 'BOOT-INF/lib/bcprov-jdk18on-*.jar' 'BOOT-INF/lib/jna-*.jar' 'BOOT-INF/lib/commons-fileupload-*.jar' 'BOOT-INF/lib/commons-io-*.jar' -d "$LIB"
mkdir -p "$LIB/classes" && (cd "$LIB/classes" && unzip -q "$JAR" 'BOOT-INF/classes/cn/gov/enforcement/recording/FastBoundaryStream*' 'BOOT-INF/classes/cn/gov/enforcement/recording/FastFileUpload*' && mv BOOT-INF/classes/* . )
CP=$(ls "$LIB"/*.jar | tr '\n' ':')$LIB/classes
mkdir -p bench/results
exec > >(tee "bench/results/ingest-parts-$(date -u +%Y%m%dT%H%M%SZ).txt")
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "${BENCH_PARTS:-all}" = iterator ]; then
  java -cp "$CP" bench/ingest-parts/IteratorSpeed.java "$MIB"; echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"; exit 0
fi
java -cp "$CP" bench/ingest-parts/DigestCpu.java "$MIB"
[ "${BENCH_PARTS:-all}" = digests ] && { echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"; exit 0; }
java -cp "$CP" bench/ingest-parts/Sm3Speed.java "$MIB"
java -cp "$CP" bench/ingest-parts/MultipartSpeed.java "$MIB"
java -cp "$CP" bench/ingest-parts/IteratorSpeed.java "$MIB"
head -c $((MIB * 1048576)) /dev/urandom > "$LIB/data"
cat "$LIB/data" > /dev/null
for run in 1 2 3; do
  T0=$(date +%s.%N); openssl dgst -sm3 "$LIB/data" > /dev/null; T1=$(date +%s.%N)
  echo "openssl dgst -sm3 run $run: $(echo "$MIB / ($T1 - $T0)" | bc) MiB/s"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
