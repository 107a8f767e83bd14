# Shared by bench/run.sh and bench/faults.sh: build, fetch vanilla Fuseki, start and stop servers on loopback.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
W=bench/work
mkdir -p "$W"
JAR=target/vlm-survey-kg.jar
# the bench tools (generate, loader, loadgen), kept out of the product jar; runs against $JAR beside it
BENCH_JAR=target/vlm-survey-kg-bench.jar
FUSEKI_VERSION=5.6.0
FUSEKI=$W/jena-fuseki-server-$FUSEKI_VERSION.jar
HEAP=${BENCH_HEAP:-8g}
COUNT_QUERY='SELECT (COUNT(*) AS ?n) { ?s ?p ?o }'

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

ensure_jar() {
  if [ ! -f "$JAR" ] || [ ! -f "$BENCH_JAR" ]; then
    log "building $JAR and $BENCH_JAR"; ./mvnw -B -q -Pbench -DskipTests package
  fi
}

ensure_fuseki() {
  if [ ! -f "$FUSEKI" ]; then
    log "fetching vanilla Fuseki $FUSEKI_VERSION from Maven Central"
    ./mvnw -B -q dependency:copy -Dartifact=org.apache.jena:jena-fuseki-server:$FUSEKI_VERSION -DoutputDirectory="$W"
  fi
}

# generate N: bench/work/survey-N.md (seed 1), once
survey() {
  local n=$1 f=$W/survey-$1.md
  [ -f "$f" ] || java -jar "$BENCH_JAR" generate --entries "$n" --seed 1 -o "$f" >&2
  echo "$f"
}

free_port() {
  local p
  for p in $(seq "$1" $(( $1 + 50 ))); do
    if ! (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null; then echo "$p"; return; fi
  done
  echo "no free port near $1" >&2; exit 1
}

# start_server LOG URL CMD... : starts CMD in the background, waits for URL to answer the count query;
# sets SERVER_PID and STARTUP_MS (launch to first answer). Gives up after 15 minutes.
start_server() {
  local logf=$1 url=$2; shift 2
  local t0; t0=$(date +%s%N)
  "$@" > "$logf" 2>&1 &
  SERVER_PID=$!
  local deadline=$(( $(date +%s) + 900 ))
  until curl -sf -o /dev/null --max-time 30 --data-urlencode "query=$COUNT_QUERY" "$url"; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then log "server died: $*"; tail -20 "$logf" >&2; return 1; fi
    if [ "$(date +%s)" -gt "$deadline" ]; then log "server did not answer in 15 minutes: $*"; stop_server; return 1; fi
    sleep 0.05
  done
  STARTUP_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
}

stop_server() {
  if [ -n "${SERVER_PID:-}" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=
  fi
}
trap stop_server EXIT

# triples answered by the endpoint URL
served_triples() {
  curl -sf -H 'Accept: text/csv' --data-urlencode "query=$COUNT_QUERY" "$1" | tail -1 | tr -d '\r'
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

machine() {
  echo "- CPU: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'))"
  echo "- memory: $(free -g | awk '/Mem:/ {print $2}') GB"
  echo "- java: $(java -version 2>&1 | head -1); heap for every JVM: -Xmx$HEAP"
  echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ); commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
}
