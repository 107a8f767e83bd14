#!/usr/bin/env bash
# Throughput on the mission query (issue 20: "the throughput ratio on the mission query stays >= 1.0"): the
# mission query (contrastive pre-training papers of 2022 with code: bench/queries/contrastive-subtree-with-repo-2022.rq)
# at 1, 4 and 16 closed-loop clients against ours and vanilla Fuseki 5.6.0 serving our export of the same survey,
# alternating: every round starts each server once, in turn, and loads it; medians of the rounds' q/s, ratios to
# Fuseki. Both servers run from an empty folder on the bundled survey, each with its own defaults:
#   ours-launcher  bin/vlm-survey-kg serve          (the production way: one JVM, bin/jvm.options)
#   ours-jar       java -jar target/vlm-survey-kg.jar serve (the README's quick start)
#   fuseki         java -jar jena-fuseki-server-5.6.0.jar --file=EXPORT.ttl /ds
#   bench/throughput.sh [--rounds N] [--seconds S]      writes bench/work/throughput.md
source "$(dirname "$0")/lib.sh"
ROUNDS=3; SECONDS_PER=10; WARMUP=3; CLIENTS=1,4,16
QUERY=bench/queries/contrastive-subtree-with-repo-2022.rq
while [ $# -gt 0 ]; do
  case $1 in
    --rounds) ROUNDS=$2; shift ;;
    --seconds) SECONDS_PER=$2; shift ;;
    *) echo "usage: bench/throughput.sh [--rounds N] [--seconds S]" >&2; exit 2 ;;
  esac
  shift
done
ensure_jar
ensure_fuseki
R=$(pwd)/$W/throughput; rm -rf "$R"; mkdir -p "$R/run"
OUT=$W/throughput.md
java -jar "$JAR" export -o "$R/export.ttl"
PORT=$(free_port 39501)
EP_OURS=http://127.0.0.1:$PORT/survey/sparql
EP_FUSEKI=http://127.0.0.1:$PORT/ds/sparql
JAR_ABS=$(pwd)/$JAR; FUSEKI_ABS=$(pwd)/$FUSEKI; LAUNCHER=$(pwd)/bin/vlm-survey-kg; QUERY_ABS=$(pwd)/$QUERY
BENCH_ABS=$(pwd)/$BENCH_JAR

for round in $(seq 1 "$ROUNDS"); do
  for variant in fuseki ours-launcher ours-jar; do
    pushd "$R/run" > /dev/null
    case $variant in
      ours-jar) start_server "$R/server.log" "$EP_OURS" java -jar "$JAR_ABS" serve --port "$PORT" --cache "$R/cache-jar"; ep=$EP_OURS ;;
      ours-launcher) start_server "$R/server.log" "$EP_OURS" env VLM_SURVEY_CACHE="$R/cache-launcher" "$LAUNCHER" serve --port "$PORT"; ep=$EP_OURS ;;
      fuseki) start_server "$R/server.log" "$EP_FUSEKI" env FUSEKI_BASE="$R/fuseki-base" java -jar "$FUSEKI_ABS" --localhost --port "$PORT" --file="$R/export.ttl" /ds; ep=$EP_FUSEKI ;;
    esac
    popd > /dev/null
    log "round $round: $variant, ${SECONDS_PER}s per client count"
    # name clients requests errors seconds q/s p50 p99 statuses
    java -jar "$BENCH_ABS" loadgen "$ep" "$SECONDS_PER" "$WARMUP" "$CLIENTS" "$QUERY_ABS" \
      | sed "s/^/$round\t$variant\t/" >> "$R/load.tsv"
    stop_server
  done
done

{
  echo "## Throughput on the mission query (bench/throughput.sh, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
  echo
  echo "\`$QUERY\` on the bundled survey, closed loop, ${SECONDS_PER} s per cell after ${WARMUP} s warm-up; medians of $ROUNDS alternating rounds (q/s); ratio = ours / vanilla Fuseki (target >= 1.0). Errors: summed over the rounds."
  echo
  echo "| clients | fuseki q/s | ours-launcher q/s | ratio | ours-jar q/s | ratio | errors (fuseki / launcher / jar) |"
  echo "|---:|---:|---:|---:|---:|---:|---|"
  for c in ${CLIENTS//,/ }; do
    q() { awk -F'\t' -v v=$1 -v c=$c '$2==v && $4==c {print $8}' "$R/load.tsv" | median; }
    e() { awk -F'\t' -v v=$1 -v c=$c '$2==v && $4==c {s+=$6} END {print s+0}' "$R/load.tsv"; }
    f=$(q fuseki); l=$(q ours-launcher); j=$(q ours-jar)
    echo "| $c | $f | $l | $(awk -v a="$l" -v b="$f" 'BEGIN { printf "%.2f", a / b }') | $j | $(awk -v a="$j" -v b="$f" 'BEGIN { printf "%.2f", a / b }') | $(e fuseki) / $(e ours-launcher) / $(e ours-jar) |"
  done
} > "$OUT"
cat "$OUT"
