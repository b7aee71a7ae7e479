#!/usr/bin/env bash
# Load benchmark of the portal: starts the jar on a fresh demo store, signs a demo subscriber in, warms up, and
# prints requests/s, p50 and p99 for each page (wrk, 2 threads, 16 connections, 10 s on loopback), then the
# ratios to the login page with the same session cookie (issue 13's targets). See README, "Performance".
#
#   bench/load.sh [--postgres] [--jar PATH] [--duration 10s] [--connections 16] [--threads 2] [--only REGEX]
#                 [--adders 200] [--add-warmup 100] [--subscribers 2000] [--ready-timeout 3600] [--h2 FILE]
#                 [-- app options]
#
# --only runs the rows whose name matches (e.g. --only 'login|dashboard'; the login page always runs, for the
# ratios); the one-click add row is named "one-click add".
# --subscribers seeds a demo store of that size (nextbox.demo.subscribers; the scale run of issue 13 is 100000).
# --h2 FILE runs on that H2 database (FILE without .mv.db) instead of a fresh one in a temporary directory, and keeps
# it: a store seeded before is not seeded again (a seed stopped midway is finished), which spares a second 100,000
# subscriber run the seed's quarter of an hour. The rows' figures then include what earlier runs added to it.
# Options after "--" go to the application, e.g. "-- --nextbox.sessions=jdbc". --postgres runs on the PostgreSQL
# at 127.0.0.1:5432 (database test, user postgres) in a fresh schema, dropped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

postgres=false
jar=""
duration=10s
connections=16
threads=2
warmup=5s
adders=200
add_warmup=100
only=""
subscribers=2000
ready_timeout=3600
h2_file=""
app_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --postgres) postgres=true ;;
    --jar) jar="$2"; shift ;;
    --duration) duration="$2"; shift ;;
    --connections) connections="$2"; shift ;;
    --threads) threads="$2"; shift ;;
    --warmup) warmup="$2"; shift ;;
    --adders) adders="$2"; shift ;;
    --add-warmup) add_warmup="$2"; shift ;;
    --only) only="$2"; shift ;;
    --subscribers) subscribers="$2"; shift ;;
    --ready-timeout) ready_timeout="$2"; shift ;;
    --h2) h2_file="$2"; shift ;;
    --) shift; app_args=("$@"); break ;;
    *) echo "unknown option $1 (see the head of $0)" >&2; exit 2 ;;
  esac
  shift
done

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing wrk (Debian's package)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null \
      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
  else
    echo "wrk is missing: sudo apt-get install wrk" >&2
    exit 1
  fi
fi

if [ -z "$jar" ]; then
  jar=$(ls target/nextbox-*.jar 2>/dev/null | grep -v original | sed -n 1p || true)
  if [ -z "$jar" ]; then
    echo "Building the jar"
    ./mvnw -B -q package -DskipTests
    jar=$(ls target/nextbox-*.jar | grep -v original | sed -n 1p)
  fi
fi

work=$(mktemp -d /tmp/nextbox-bench.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
schema="bench_$(date +%s)_$$"
app_pid=""

cleanup() {
  if [ -n "$app_pid" ]; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  # BENCH_APP_LOG=FILE keeps the application's log (the seed's blocks, the model build)
  if [ -n "${BENCH_APP_LOG:-}" ] && [ -f "$work/app.log" ]; then
    cp "$work/app.log" "$BENCH_APP_LOG" || true
  fi
  if [ "$postgres" = true ]; then
    psql -h 127.0.0.1 -U postgres -d test -q -c "drop schema if exists $schema cascade" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ "$postgres" = true ]; then
  psql -h 127.0.0.1 -U postgres -d test -q -c "create schema $schema" >/dev/null
  db_args=(--spring.profiles.active=postgres --nextbox.demo.enabled=true
    "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$schema"
    --spring.datasource.username=postgres "--spring.flyway.schemas=$schema")
else
  db_args=("--spring.datasource.url=jdbc:h2:file:${h2_file:-$work/nextbox};WRITE_DELAY=0")
fi

# Run a copy of the jar: a build in this worktree while the script runs (./mvnw verify repackages target/*.jar) would
# otherwise replace the jar under the running JVM, whose classes and templates load lazily from it, and the first
# pages answer 500 (what "Could not sign subscriber1 in" was)
cp "$jar" "$work/app.jar"
echo "Starting $jar on port $port ($( [ "$postgres" = true ] && echo "PostgreSQL, schema $schema" || echo "H2 in ${h2_file:-$work}"))"
started=$(date +%s.%N)
java ${BENCH_JAVA_OPTS:-} -jar "$work/app.jar" --server.port="$port" "${db_args[@]}" \
  --nextbox.shipments.cron=- --nextbox.reminders.cron=- --nextbox.recommendation.rebuild-cron=- \
  --nextbox.demo.subscribers="$subscribers" ${app_args[@]+"${app_args[@]}"} >"$work/app.log" 2>&1 &
app_pid=$!
# A large store (--subscribers 100000) takes long to seed on a loaded machine: wait as long as the application runs,
# up to --ready-timeout seconds (default an hour)
ready_deadline=$(( $(date +%s) + ready_timeout ))
while :; do
  if curl -fs -o /dev/null "$base/actuator/health/readiness" 2>/dev/null; then
    break
  fi
  if [ "$(date +%s)" -gt "$ready_deadline" ]; then
    echo "Not ready after $ready_timeout s" >&2
    tail -n 20 "$work/app.log" >&2
    exit 1
  fi
  if ! kill -0 "$app_pid" 2>/dev/null; then
    tail -n 40 "$work/app.log" >&2
    exit 1
  fi
  sleep 0.2
done
ready=$(date +%s.%N)
awk -v a="$started" -v b="$ready" -v n="$subscribers" 'BEGIN { printf "Ready (demo store of %d subscribers seeded) in %.1f s\n", n, b - a }'
grep -oE 'Seeded the demo store in [0-9]+ ms[^:]*' "$work/app.log" | sed -n 1p || true

# The widget needs the recommender's model, built in the background after the start: wait for it, then report its
# build time and the heap in use after a full collection (what the store's size costs in memory)
model_deadline=$(( $(date +%s) + ready_timeout ))
while [ "$(date +%s)" -le "$model_deadline" ]; do
  grep -q 'Recommendation model built' "$work/app.log" && break
  kill -0 "$app_pid" 2>/dev/null || { tail -n 40 "$work/app.log" >&2; exit 1; }
  sleep 0.2
done
grep -oE 'Recommendation model built from [0-9]+ orders of [0-9]+ subscribers in [0-9]+ ms' "$work/app.log" | sed -n 1p || true
if command -v jcmd >/dev/null 2>&1; then
  jcmd "$app_pid" GC.run >/dev/null 2>&1 || true
  jcmd "$app_pid" GC.heap_info 2>/dev/null | grep -iE 'total|used' | sed -n 1,2p | sed 's/^ */Heap after a full GC: /' || true
fi

# Signs a subscriber in by the login form (with its CSRF token); prints "Cookie-header<TAB>csrf-token", or nothing
# and what each step answered on standard error. Tries three times (a page answering 5xx under a heavy load).
sign_in() {
  local attempt
  for attempt in 1 2 3; do
    sign_in_once "$1" && return 0
    sleep 1
  done
  return 1
}

sign_in_once() {
  local jar_file="$work/cookies-$1"
  local csrf status cookie
  rm -f "$jar_file"
  status=$(curl -s -o "$work/page-$1" -w '%{http_code}' -c "$jar_file" -b "$jar_file" "$base/login" || true)
  csrf=$(grep -o 'name="_csrf" value="[^"]*"' "$work/page-$1" 2>/dev/null | sed -n 1p | sed 's/.*value="//; s/"$//' || true)
  if [ "$status" != 200 ] || [ -z "$csrf" ]; then
    echo "subscriber$1: GET /login answered $status (CSRF token ${csrf:+found}${csrf:-missing})" >&2
    return 1
  fi
  status=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -c "$jar_file" -b "$jar_file" \
    --data-urlencode "username=subscriber$1@nextbox.test" --data-urlencode "password=nextbox-subscriber" \
    --data-urlencode "_csrf=$csrf" "$base/login" || true)
  case "$status" in
    302*login*|3*error*) echo "subscriber$1: POST /login refused ($status)" >&2; return 1 ;;
    3*) ;;
    *) echo "subscriber$1: POST /login answered $status" >&2; return 1 ;;
  esac
  status=$(curl -s -o "$work/page-$1" -w '%{http_code}' -c "$jar_file" -b "$jar_file" "$base/portal" || true)
  csrf=$(grep -o 'name="_csrf" content="[^"]*"' "$work/page-$1" 2>/dev/null | sed -n 1p | sed 's/.*content="//; s/"$//' || true)
  cookie=$(awk '$6 == "SESSION" || $6 == "JSESSIONID" { print $6 "=" $7 }' "$jar_file" | tail -n 1)
  if [ "$status" != 200 ] || [ -z "$csrf" ] || [ -z "$cookie" ]; then
    echo "subscriber$1: GET /portal after the login answered $status (CSRF token ${csrf:+found}${csrf:-missing}, session cookie ${cookie:+found}${cookie:-missing})" >&2
    return 1
  fi
  printf '%s\t%s\n' "$cookie" "$csrf"
}

IFS=$'\t' read -r cookie csrf < <(sign_in 1) || true
if [ -z "${cookie:-}" ] || [ -z "${csrf:-}" ]; then
  echo "Could not sign subscriber1 in; the application's log ends:" >&2
  tail -n 30 "$work/app.log" >&2
  exit 1
fi
subscription=$(curl -fs -H "Cookie: $cookie" "$base/portal" | grep -o '/portal/subscriptions/[0-9]*' | sed -n 1p)
[ -n "$subscription" ] || { echo "subscriber1 has no subscription on the dashboard" >&2; exit 1; }

paths=(
  "static file|/css/nextbox.css|"
  "login page with the session|/login|"
  "dashboard|/portal|"
  "subscription page|$subscription|"
  "next box|$subscription/shipment|"
  "order history|/portal/orders|"
  "widget (htmx)|/portal/widgets/DASHBOARD|htmx"
)

run_wrk() { # duration path htmx
  local extra=()
  if [ "$3" = htmx ]; then
    extra=(-H "HX-Request: true")
  fi
  wrk -t"$threads" -c"$connections" -d"$1" --latency -H "Cookie: $cookie" ${extra[@]+"${extra[@]}"} "$base$2"
}

# The CPU time the application's process has used so far, in clock ticks (user + system)
cpu_ticks() {
  awk '{ print $14 + $15 }' "/proc/$app_pid/stat"
}

# "requests/s p50 p99 non-2xx requests" from wrk's output, latencies in ms
figures() {
  awk '
    function ms(v) {
      if (v ~ /us$/) { sub(/us$/, "", v); return v / 1000 }
      if (v ~ /ms$/) { sub(/ms$/, "", v); return v + 0 }
      if (v ~ /s$/) { sub(/s$/, "", v); return v * 1000 }
      return v
    }
    /Requests\/sec:/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx or 3xx responses:/ { bad = $5 }
    / requests in / { total = $1 }
    END { printf "%.0f %.1f %.1f %d %d\n", rps, p50, p99, bad, total }'
}

selected=()
for entry in "${paths[@]}"; do
  IFS='|' read -r name _ _ <<<"$entry"
  if [ -z "$only" ] || [[ "$name" =~ $only ]] || [ "$name" = "login page with the session" ]; then
    selected+=("$entry")
  fi
done
paths=("${selected[@]}")

echo "Warming up ($warmup a path)"
for entry in "${paths[@]}"; do
  IFS='|' read -r _ path htmx <<<"$entry"
  run_wrk "$warmup" "$path" "$htmx" >/dev/null
done
run_wrk "$warmup" /login "" >/dev/null

# CPU ms a request costs the application (its process's user + system time over the requests wrk completed): on a
# machine other work shares, this is what the ratios are best read from; 2 cores / that cost is the throughput the
# machine would give the page alone
tick_ms=$(awk -v hz="$(getconf CLK_TCK)" 'BEGIN { print 1000 / hz }')
cpu_ms() { # ticks-before ticks-after requests
  awk -v a="$1" -v b="$2" -v n="$3" -v t="$tick_ms" 'BEGIN { printf "%.2f", (n > 0 ? (b - a) * t / n : 0) }'
}

declare -A rps p50 p99 cpu
echo
echo "| path | requests/s | p50 | p99 | CPU ms a request |"
echo "| --- | --- | --- | --- | --- |"
for entry in "${paths[@]}"; do
  IFS='|' read -r name path htmx <<<"$entry"
  before=$(cpu_ticks)
  read -r r a b bad total < <(run_wrk "$duration" "$path" "$htmx" | figures)
  cpu[$name]=$(cpu_ms "$before" "$(cpu_ticks)" "$total")
  rps[$name]=$r; p50[$name]=$a; p99[$name]=$b
  note=""
  [ "$bad" -gt 0 ] && note=" ($bad answers not 2xx/3xx)"
  echo "| $name \`$path\` | $r | $a ms | $b ms | ${cpu[$name]} |$note"
done

# One-click adds: each POST claims a card key never claimed before. Every key is rendered first by the widget of
# one of $adders signed-in subscribers (one render each, so no product twice in a box), then posted once.
if [ -z "$only" ] || [[ "one-click add" =~ $only ]]; then
collect_keys() { # first-subscriber last-subscriber file
  : >"$3"
  for n in $(seq "$1" "$2"); do
    IFS=$'\t' read -r c t < <(sign_in "$n") || continue
    curl -fs -H "Cookie: $c" -H "HX-Request: true" "$base/portal/widgets/DASHBOARD" \
      | grep -o 'name="key" value="[^"]*"' | sed 's/.*value="//; s/"$//' | sort -u \
      | while read -r key; do printf '%s\t%s\t%s\n' "$c" "$t" "$key"; done >>"$3" || true
  done
}
# A warm-up like every other row's: the keys of $add_warmup other subscribers, posted once each and not measured (a
# cold add path spends much of its CPU in the JIT compiler while it runs; --add-warmup 0 measures it cold)
if [ "$add_warmup" -gt 0 ]; then
  collect_keys $((101 + adders)) $((100 + adders + add_warmup)) "$work/add-warmup.tsv"
  ADD_KEYS="$work/add-warmup.tsv" WRK_THREADS="$threads" wrk -t"$threads" -c"$connections" -d"$duration" \
    -s bench/add.lua "$base/portal/widgets/add" >/dev/null
fi
keys="$work/add-keys.tsv"
collect_keys 101 $((100 + adders)) "$keys"
# upgrade cards carry keys too but are not one-click adds: the add endpoint refuses them (counted below)
before=$(cpu_ticks)
read -r r a b bad total < <(ADD_KEYS="$keys" WRK_THREADS="$threads" wrk -t"$threads" -c"$connections" -d"$duration" \
  --latency -s bench/add.lua "$base/portal/widgets/add" | tee "$work/add.out" | figures)
add_cpu=$(cpu_ms "$before" "$(cpu_ticks)" "$total")
distinct=$(awk '/ADD_DISTINCT/ { print $2 }' "$work/add.out")
refused=$(awk '/ADD_DISTINCT/ { print $4 }' "$work/add.out")
# requests/s over the time the adds took (wrk's own figure divides by the whole duration; see bench/add.lua)
rate=$(awk '/ADD_RATE/ { print $2 }' "$work/add.out")
r=${rate:-$r}
echo "| one-click add (POST, $distinct distinct claims of $adders subscribers, $refused not 200) | $r | $a ms | $b ms | $add_cpu |"
fi

login="login page with the session"
echo
echo "Ratios to the login page with the same session cookie (throughput measured; throughput from the CPU cost):"
for name in "dashboard" "subscription page" "next box" "order history" "widget (htmx)"; do
  [ -n "${rps[$name]:-}" ] || continue
  awk -v n="$name" -v r="${rps[$name]}" -v l="${rps[$login]}" -v c="${cpu[$name]}" -v lc="${cpu[$login]}" \
    'BEGIN { printf "  %-18s %.2f x   %.2f x\n", n, r / l, (c > 0 ? lc / c : 0) }'
done
[ -z "${p99["widget (htmx)"]:-}" ] || awk -v w="${p99["widget (htmx)"]}" -v l="${p99[$login]}" 'BEGIN { printf "  widget p99         %.2f x the login page p99\n", w / l }'
echo
echo "Machine: load average $(cut -d' ' -f1-3 /proc/loadavg) at the end, $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), \
$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(java -version 2>&1 | sed -n 1p)"
