#!/usr/bin/env bash
# Load and fault tests, run by hand (about 10 minutes, loopback only); results go to bench/work/faults/ and are
# summarised on standard output (copy them into bench/RESULTS.md):
#   1. 32 clients for 60 s (the three benchmark queries in turn, bundled survey, in memory): zero errors;
#   2. a heavy query running all along (bench/queries/heavy/) beside 4 clients of light queries, on the
#      synthetic survey of $FAULT_SIZE entries (default 10000): the light queries' p99 with and without it;
#   3. kill -9 during a --watch reload (in memory and TDB2) and during a TDB2 rebuild, at several moments;
#      after each, a restart must serve exactly the graph of the source file (triple count = its export).
source "$(dirname "$0")/lib.sh"
ensure_jar
R=$W/faults
rm -rf "$R"; mkdir -p "$R"
PORT=$(free_port 39401)
EP=http://127.0.0.1:$PORT/survey/sparql
LIGHT="bench/queries/papers-per-category.rq bench/queries/contrastive-subtree-with-repo-2022.rq bench/queries/datasets-by-task.rq"
HEAVY=bench/queries/heavy/venue-pairs.rq
SIZE=${FAULT_SIZE:-10000}
SRC=$(survey "$SIZE")
LOADGEN="java -jar $BENCH_JAR loadgen"
# (an array, not a function: a function would run in a subshell, and killing it would leave the JVM running)
SERVE=(java -Xmx$HEAP -jar "$JAR" serve --port "$PORT")

# ---- 1. 32 clients, 60 s
log "1. 32 clients for 60 s"
start_server "$R/load.log" "$EP" "${SERVE[@]}"
$LOADGEN --mix "$EP" 60 5 32 $LIGHT | tee "$R/load32.tsv"
stop_server
errors=$(awk -F'\t' '{print $4}' "$R/load32.tsv")
echo "1. 32 clients x 60 s: $(awk -F'\t' '{printf "%s requests, %s errors, %s q/s, p50 %s ms, p99 %s ms, statuses %s", $3, $4, $6, $7, $8, $9}' "$R/load32.tsv") -> $([ "$errors" = 0 ] && echo PASS || echo FAIL)" >> "$R/summary.txt"

# ---- 2. heavy beside light
log "2. light queries alone, then beside a heavy one ($SIZE entries)"
start_server "$R/heavy.log" "$EP" "${SERVE[@]}" --source "$SRC"
$LOADGEN --mix "$EP" 30 5 4 $LIGHT | tee "$R/light-alone.tsv"
$LOADGEN "$EP" 45 0 1 $HEAVY > "$R/heavy.tsv" &
HP=$!
sleep 3
$LOADGEN --mix "$EP" 30 5 4 $LIGHT | tee "$R/light-with-heavy.tsv"
wait $HP
stop_server
alone=$(awk -F'\t' '{print $8}' "$R/light-alone.tsv"); with=$(awk -F'\t' '{print $8}' "$R/light-with-heavy.tsv")
echo "2. light p99 alone $alone ms, beside the heavy query $with ms: $(awk -v a=$alone -v w=$with 'BEGIN {printf "%.2fx (target <= 2x) -> %s", w/a, (w <= 2*a ? "PASS" : "FAIL")}'); heavy query: $(awk -F'\t' '{printf "%s runs, statuses %s, p50 %s ms", $3, $9, $7}' "$R/heavy.tsv"); light q/s $(awk -F'\t' '{print $6}' "$R/light-alone.tsv") -> $(awk -F'\t' '{print $6}' "$R/light-with-heavy.tsv")" >> "$R/summary.txt"

# ---- 3. kill -9
expected_triples() { java -Xmx$HEAP -jar "$JAR" export --source "$1" -f nt 2>/dev/null | grep -c .; }
edit() { # appends a paper table: the graph changes
  printf '\n## Added %s Methods\n\n| Paper | Published in | Code |\n|---|---|---|\n|[Added %s: A Paper](https://arxiv.org/abs/2401.%05d)|CVPR 2024|-|\n' "$2" "$2" "$2" >> "$1"
}
check_restart() { # label, then serve options: restarts, compares with the export of the file
  local label=$1 file=$2; shift 2
  start_server "$R/restart.log" "$EP" "${SERVE[@]}" --source "$file" "$@"
  local got; got=$(served_triples "$EP"); stop_server
  local want; want=$(expected_triples "$file")
  echo "3. $label: restart serves $got triples, the source's export has $want -> $([ "$got" = "$want" ] && echo PASS || echo FAIL)" >> "$R/summary.txt"
}
for store in mem tdb2; do
  for delay in 0.5 1.5 3 5; do
    log "3. kill -9 ${delay}s into a --watch reload ($store)"
    f=$R/watched-$store-$delay.md; cp "$SRC" "$f"
    opts=(--watch); [ $store = tdb2 ] && opts+=(--tdb2 "$R/tdb2-watch-$delay")
    start_server "$R/watch.log" "$EP" "${SERVE[@]}" --source "$f" "${opts[@]}"
    edit "$f" "${delay/./}"
    sleep "$delay"
    kill -9 "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=
    check_restart "kill -9 ${delay}s into a --watch reload, $store" "$f" "${opts[@]}"
  done
done
for delay in 1 3 5 8; do
  log "3. kill -9 ${delay}s into a TDB2 rebuild"
  f=$R/rebuilt-$delay.md; cp "$SRC" "$f"; db=$R/tdb2-rebuild-$delay
  start_server "$R/tdb.log" "$EP" "${SERVE[@]}" --source "$f" --tdb2 "$db"; stop_server
  edit "$f" "${delay}"                        # the source changed: the next start rebuilds the database
  "${SERVE[@]}" --source "$f" --tdb2 "$db" > "$R/tdb-kill.log" 2>&1 &
  SERVER_PID=$!
  sleep "$delay"
  kill -9 "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=
  check_restart "kill -9 ${delay}s into a TDB2 rebuild" "$f" --tdb2 "$db"
done
echo; cat "$R/summary.txt"
