#!/usr/bin/env bash
# The public pages' load test (README, "Benchmarks"): starts the application with the demo data on a
# fresh embedded database, then drives each page with wrk on loopback for a bounded time, and a static
# copy of the same page served by the same server as the baseline. Needs wrk (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8089}
SECONDS_EACH=${SECONDS_EACH:-15}
CONNECTIONS=${CONNECTIONS:-32}
WORK=target/load-test
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk"; exit 1; }
rm -rf "$WORK" && mkdir -p "$WORK/static" "$WORK/data"

mvn -q -DskipTests package
java -Xmx512m -jar target/golden-thread-*.jar --server.port="$PORT" --goldenthread.data-dir="$WORK/data" \
  --spring.web.resources.static-locations=classpath:/static/,file:"$WORK/static/" > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
until curl -sf "http://localhost:$PORT/plans" > /dev/null; do sleep 1; done

run() { # name, path
  # warm up, then measure: requests per second and the 99th percentile of latency
  wrk -t2 -c"$CONNECTIONS" -d3s "http://localhost:$PORT$2" > /dev/null
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency "http://localhost:$PORT$2" > "$WORK/$1.txt"
  printf '%-34s %10s req/s   p99 %s\n' "$1" "$(awk '/Requests\/sec/ {print $2}' "$WORK/$1.txt")" "$(awk '$1 == "99%" {print $2}' "$WORK/$1.txt")"
}
echo "Load test: $CONNECTIONS connections, 2 threads, ${SECONDS_EACH}s each, on $(nproc) cores"
for page in plans/1 plans/1/dashboard; do
  name=${page//\//-}
  curl -s "http://localhost:$PORT/$page" > "$WORK/static/$name.html"
  run "$name (static copy)" "/$name.html"
  run "$name" "/$page"
  etag=$(curl -sI "http://localhost:$PORT/$page" | awk -F': ' 'tolower($1) == "etag" {print $2}' | tr -d '\r')
  wrk -t2 -c"$CONNECTIONS" -d3s -H "If-None-Match: $etag" "http://localhost:$PORT/$page" > /dev/null
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency -H "If-None-Match: $etag" "http://localhost:$PORT/$page" > "$WORK/$name-revalidated.txt"
  printf '%-34s %10s req/s   p99 %s\n' "$name (revalidated, 304)" "$(awk '/Requests\/sec/ {print $2}' "$WORK/$name-revalidated.txt")" \
    "$(awk '$1 == "99%" {print $2}' "$WORK/$name-revalidated.txt")"
done

# The soak (SOAK_MINUTES=10): the public pages at a steady load for that long, in 30-second rounds, each
# followed by a sample of the server's resident memory, its heap in use after a collection, its open file
# descriptors (sockets among them) and the database's connections, so that a leak shows as a rising column.
if [ "${SOAK_MINUTES:-0}" -gt 0 ]; then
  cat > "$WORK/rotate.lua" <<'LUA'
paths = {"/", "/plans", "/plans/1", "/plans/1/dashboard", "/plans/1/on-a-page", "/plans/3", "/plans/3/report", "/measures",
         "/measures/NIF-NUM-GAP", "/measures/NIF-NUM-GAP/chart.svg", "/partnerships/clackmannanshire-alliance", "/national-outcomes",
         "/national-outcomes/health", "/search?q=attainment", "/open-data", "/api/plans/1", "/api/measures", "/open-data/observations.csv"}
request = function() return wrk.format(nil, paths[math.random(#paths)]) end
LUA
  echo "Soak: ${SOAK_MINUTES} minutes, 16 connections, every public page in turn"
  printf 'minute\treq/s\tp99\trss_mb\theap_used_mb\topen_fds\tdb_connections\n' | tee "$WORK/soak.tsv"
  rounds=$((SOAK_MINUTES * 2))
  for round in $(seq 1 "$rounds"); do
    wrk -t2 -c16 -d30s --latency -s "$WORK/rotate.lua" "http://localhost:$PORT" > "$WORK/soak-round.txt"
    heap=$(jcmd "$APP" GC.run > /dev/null && jcmd "$APP" GC.heap_info | awk '/garbage-first heap|total/ {for (i = 1; i <= NF; i++) if ($i == "used") {print int($(i + 1) / 1024); exit}}')
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(awk "BEGIN {print $round / 2}")" \
      "$(awk '/Requests\/sec/ {print $2}' "$WORK/soak-round.txt")" "$(awk '$1 == "99%" {print $2}' "$WORK/soak-round.txt")" \
      "$(( $(ps -o rss= -p "$APP") / 1024 ))" "$heap" "$(ls "/proc/$APP/fd" | wc -l)" \
      "$(ps -eo args | grep -c '^postgres: postgres postgres')" | tee -a "$WORK/soak.tsv"
  done
fi
