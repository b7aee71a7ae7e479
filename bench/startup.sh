#!/usr/bin/env bash
# Start-up time on an existing database: from `java -jar` until /actuator/health/readiness answers UP (after the
# start-up runners, the demo seeder among them), plain and with a CDS
# archive (Spring Boot's "extract, train once, start with -XX:SharedArchiveFile" recipe). See README, "Performance".
#
#   bench/startup.sh [--jar PATH] [--runs 3] [--subscribers 2000] [--java25 PATH] [-- java options for every start]
#
# With a Java 25 (--java25, or one found under /usr/lib/jvm), it also times the start the Docker image uses: the
# extracted jar with an AOT cache (JEP 483/514/515) made by one training run.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=""
runs=3
subscribers=2000
java_opts=()
java25=$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | sed -n 1p || true)
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) jar="$2"; shift ;;
    --runs) runs="$2"; shift ;;
    --subscribers) subscribers="$2"; shift ;;
    --java25) java25="$2"; shift ;;
    --) shift; java_opts=("$@"); break ;;
    *) echo "unknown option $1 (see the head of $0)" >&2; exit 2 ;;
  esac
  shift
done
if [ -z "$jar" ]; then
  jar=$(ls target/nextbox-*.jar 2>/dev/null | grep -v original | sed -n 1p || true)
  [ -n "$jar" ] || { ./mvnw -B -q package -DskipTests; jar=$(ls target/nextbox-*.jar | grep -v original | sed -n 1p); }
fi

work=$(mktemp -d /tmp/nextbox-startup.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
app_pid=""
cleanup() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

args=(--server.port="$port" "--spring.datasource.url=jdbc:h2:file:$work/nextbox;WRITE_DELAY=0"
  --nextbox.shipments.cron=- --nextbox.reminders.cron=- --nextbox.recommendation.rebuild-cron=- --nextbox.demo.subscribers="$subscribers")

# Starts the application with these java options, waits for health UP, prints the seconds it took and, in
# brackets, the CPU seconds the process used until then (every thread: the JIT compilers' too), then stops it. On a
# machine other work shares, the CPU seconds move least; on a quiet 2-core machine the wall time is about half of them.
java=java
timed_start() {
  local started ready cpu
  started=$(date +%s.%N)
  "$java" ${java_opts[@]+"${java_opts[@]}"} "$@" "${args[@]}" >"$work/app.log" 2>&1 &
  app_pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null; do
    kill -0 "$app_pid" 2>/dev/null || { tail -n 30 "$work/app.log" >&2; exit 1; }
    sleep 0.05
  done
  ready=$(date +%s.%N)
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$app_pid/stat")
  kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
  awk -v a="$started" -v b="$ready" -v c="$cpu" 'BEGIN { printf "%.2f (%s CPU s)", b - a, c }'
}

printf 'First start, seeding the demo store (%s subscribers): %s s\n' "$subscribers" "$(timed_start -jar "$jar")"
seed=$(grep -oE 'Seeded the demo store in [0-9]+ ms( \([0-9]+ ms of CPU on this thread\))?' "$work/app.log" | sed -n 1p || true)
[ -n "$seed" ] && echo "  log: $seed"

plain=()
for _ in $(seq 1 "$runs"); do plain+=("$(timed_start -jar "$jar")"); done
echo "Start on the existing database, java -jar: ${plain[*]} s"

# CDS: extract the jar (CDS needs plain jars on the class path), train once (the context refreshes, then exits)
java -Djarmode=tools -jar "$jar" extract --destination "$work/extracted" >/dev/null
app_jar=$(ls "$work"/extracted/*.jar | sed -n 1p)
java ${java_opts[@]+"${java_opts[@]}"} -XX:ArchiveClassesAtExit="$work/app.jsa" -Dspring.context.exit=onRefresh -jar "$app_jar" "${args[@]}" \
  >"$work/training.log" 2>&1 || true
[ -f "$work/app.jsa" ] || { tail -n 30 "$work/training.log" >&2; exit 1; }

cds=()
for _ in $(seq 1 "$runs"); do cds+=("$(timed_start -XX:SharedArchiveFile="$work/app.jsa" -jar "$app_jar")"); done
echo "Start on the existing database, extracted jar with the CDS archive: ${cds[*]} s"
extracted=()
for _ in $(seq 1 "$runs"); do extracted+=("$(timed_start -jar "$app_jar")"); done
echo "Start on the existing database, extracted jar without CDS: ${extracted[*]} s"
if [ -n "$java25" ]; then
  "$java25" ${java_opts[@]+"${java_opts[@]}"} -XX:AOTCacheOutput="$work/app.aot" -Dspring.context.exit=onRefresh -jar "$app_jar" \
    "${args[@]}" >"$work/training25.log" 2>&1 || true
  [ -f "$work/app.aot" ] || { tail -n 30 "$work/training25.log" >&2; exit 1; }
  java="$java25"
  aot=()
  for _ in $(seq 1 "$runs"); do aot+=("$(timed_start -XX:AOTCache="$work/app.aot" -jar "$app_jar")"); done
  if grep -q '\[error *\]\[aot' "$work/app.log"; then echo "Java 25 refused the AOT cache:" >&2; grep '\[aot' "$work/app.log" >&2; fi
  echo "Start on the existing database, extracted jar on $("$java25" -version 2>&1 | sed -n 1p) with the AOT cache: ${aot[*]} s"
  java=java
else
  echo "No Java 25 under /usr/lib/jvm (--java25 PATH): the AOT cache start, the Docker image's, is not timed"
fi
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
