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
