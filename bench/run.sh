#!/usr/bin/env bash
# The benchmark: the loader beside Jena RIOT, the server beside vanilla Fuseki, same machine, same run,
# loopback only. Prints a table of medians and ratios and writes it to bench/RESULTS.md (see bench/README.md).
#   bench/run.sh            full run (1k, 10k, 100k entries; servers on the bundled and the 100k survey)
#   bench/run.sh --quick    a smoke run (1k and 10k; servers on the bundled and the 10k survey; short loads)
#   bench/run.sh --with-1m  the full run plus the loader at 1M entries (needs about 20 GB of heap and an hour;
#                           the export-at-scale part, bench/scale.sh, runs 1M with -Xmx16g, BENCH_1M_HEAP)
source "$(dirname "$0")/lib.sh"

QUICK=0; WITH_1M=0
for a in "$@"; do
  case $a in
    --quick) QUICK=1 ;;
    --with-1m) WITH_1M=1 ;;
    *) echo "usage: bench/run.sh [--quick] [--with-1m]" >&2; exit 2 ;;
  esac
done
if [ $QUICK = 1 ]; then
  SIZES="1000 10000"; BIG=10000; REPS=3; BIG_REPS=3; START_REPS=1; SECONDS_PER=4; WARMUP=1; OUT=$W/RESULTS-quick.md
else
  SIZES="1000 10000 100000"; BIG=100000; REPS=5; BIG_REPS=3; START_REPS=3; SECONDS_PER=10; WARMUP=3; OUT=bench/RESULTS.md
  [ $WITH_1M = 1 ] && SIZES="$SIZES 1000000"
fi
CLIENTS=1,4,16
QUERIES="bench/queries/papers-per-category.rq bench/queries/contrastive-subtree-with-repo-2022.rq bench/queries/datasets-by-task.rq"
T0=$(date +%s)
ensure_jar
ensure_fuseki
R=$W/results; rm -rf "$R"; mkdir -p "$R"

# ---- loader: Markdown -> graph beside RIOT N-Triples -> graph, one JVM per size
for n in $SIZES; do
  f=$(survey "$n")
  reps=$REPS; [ "$n" -ge 100000 ] && reps=$BIG_REPS; [ "$n" -ge 1000000 ] && reps=1
  heap=$HEAP; [ "$n" -ge 1000000 ] && heap=24g
  log "loader: $n entries, $reps repetitions"
  java -Xmx$heap -jar "$BENCH_JAR" loader "$f" "$n" "$reps" "$W" >> "$R/loader.tsv" 2> "$R/loader-$n.log"
done

# ---- servers: start-up to first answer, then the three queries at 1, 4, 16 clients
PORT=$(free_port 39301)
EP_OURS=http://127.0.0.1:$PORT/survey/sparql
EP_FUSEKI=http://127.0.0.1:$PORT/ds/sparql
for data in bundled $BIG; do
  if [ "$data" = bundled ]; then src=data/vlm-survey.md; else src=$(survey "$data"); fi
  ttl=$W/export-$data.ttl
  [ -f "$ttl" ] || java -Xmx$HEAP -jar "$JAR" export --source "$src" -o "$ttl" 2>/dev/null || true
  for server in ours-mem ours-tdb2 fuseki; do
    tdb=$W/tdb2-$data
    for rep in $(seq 1 $START_REPS); do
      case $server in
        ours-mem) start_server "$R/server.log" "$EP_OURS" java -Xmx$HEAP -jar "$JAR" serve --source "$src" --port "$PORT" ;;
        ours-tdb2) rm -rf "$tdb"
                   start_server "$R/server.log" "$EP_OURS" java -Xmx$HEAP -jar "$JAR" serve --source "$src" --port "$PORT" --tdb2 "$tdb"
                   echo -e "$data\tours-tdb2-build\t$STARTUP_MS" >> "$R/startup.tsv"; stop_server
                   start_server "$R/server.log" "$EP_OURS" java -Xmx$HEAP -jar "$JAR" serve --source "$src" --port "$PORT" --tdb2 "$tdb" ;;
        fuseki) start_server "$R/server.log" "$EP_FUSEKI" env FUSEKI_BASE="$W/fuseki-base" java -Xmx$HEAP -jar "$FUSEKI" --localhost --port "$PORT" --file="$ttl" /ds ;;
      esac
      echo -e "$data\t$server\t$STARTUP_MS" >> "$R/startup.tsv"
      log "$server on $data: first answer after $STARTUP_MS ms"
      if [ "$rep" = "$START_REPS" ]; then
        ep=$EP_OURS; [ $server = fuseki ] && ep=$EP_FUSEKI
        echo -e "$data\t$server\t$(served_triples "$ep")" >> "$R/served.tsv"
        log "$server on $data: load, ${SECONDS_PER}s per query and client count"
        java -jar "$BENCH_JAR" loadgen "$ep" "$SECONDS_PER" "$WARMUP" "$CLIENTS" $QUERIES \
          | sed "s/^/$data\t$server\t/" >> "$R/load.tsv"
      fi
      stop_server
    done
  done
done
# ---- the loader at scale (issue 11): export nt beside arq --data, 1 thread beside all, 1M with --with-1m
SCALE_SIZES="10000 100000"; [ $QUICK = 1 ] && SCALE_SIZES="10000"; [ $WITH_1M = 1 ] && SCALE_SIZES="$SCALE_SIZES 1000000"
bench/scale.sh --reps 3 --sizes "$SCALE_SIZES" > /dev/null
ELAPSED=$(( $(date +%s) - T0 ))

# ---- the report
{
  echo "# Benchmark results"
  echo
  if [ $QUICK = 1 ]; then echo "Quick run (\`bench/run.sh --quick\`): fewer sizes, shorter loads; see RESULTS.md for the full run."; echo; fi
  echo "Produced by \`bench/run.sh $*\` in $(( ELAPSED / 60 )) min $(( ELAPSED % 60 )) s on:"
  echo
  machine
  echo
  echo "## Loader: Markdown to graph beside Jena RIOT (N-Triples to the same in-memory graph)"
  echo
  echo "Medians of the repetitions after a warm-up, one JVM per size. \"build\" is \`SurveyGraph.build\`: read, map,"
  echo "check, validate. Peak heap is the heap pools' peak during one build; bytes/triple is the retained heap of the"
  echo "result graph (the loader's \`data\`, GraphMem2Fast) divided by its triples."
  echo
  echo "| entries | triples | build ms | build triples/s | RIOT ms | RIOT triples/s | ratio (target >= 0.5) | peak heap MB | bytes/triple |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  awk -F'\t' '{printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $2, $3, $4, $5, $6, $7, $8, $9, $10}' "$R/loader.tsv"
  echo
  awk -F'\t' '{t[$2]=$4} END {
      if (t[1000] && t[10000]) printf "Linearity: 1k -> 10k entries: %.1fx time for 10x entries", t[10000]/t[1000];
      if (t[100000]) printf "; 10k -> 100k: %.1fx (target <= 12x)", t[100000]/t[10000];
      if (t[1000000]) printf "; 100k -> 1M: %.1fx", t[1000000]/t[100000];
      print "." }' "$R/loader.tsv"
  echo
  echo "## Server start-up: launch to first answered query (ms)"
  echo
  echo "\`ours-tdb2-build\` starts on an empty TDB2 directory (builds the database); \`ours-tdb2\` restarts on it."
  echo "Vanilla is \`java -jar jena-fuseki-server-$FUSEKI_VERSION.jar --localhost --file=export.ttl /ds\` (same triples)."
  echo
  echo "| survey | server | median ms | ratio to vanilla (target <= 1.2) |"
  echo "|---|---|---:|---:|"
  for data in bundled $BIG; do
    van=$(awk -F'\t' -v d=$data '$1==d && $2=="fuseki" {print $3}' "$R/startup.tsv" | median)
    for server in ours-mem ours-tdb2-build ours-tdb2 fuseki; do
      m=$(awk -F'\t' -v d=$data -v s=$server '$1==d && $2==s {print $3}' "$R/startup.tsv" | median)
      awk -v d=$data -v s=$server -v m=$m -v v=$van 'BEGIN {printf "| %s | %s | %.0f | %.2f |\n", d, s, m, m/v}'
    done
  done
  echo
  echo "Triples served (count query): $(awk -F'\t' '{printf "%s %s %s; ", $1, $2, $3}' "$R/served.tsv")"
  echo
  echo "## Server throughput and latency, closed loop, ${SECONDS_PER} s per cell after ${WARMUP} s warm-up"
  echo
  echo "| survey | query | clients | ours mem q/s | ours TDB2 q/s | vanilla q/s | mem/vanilla | TDB2/vanilla (target >= 0.9) | p50 ms mem / TDB2 / vanilla | p99 ms mem / TDB2 / vanilla | errors |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---|---|---:|"
  awk -F'\t' '{k=$1 FS $3 FS $4; thr[k FS $2]=$8; p50[k FS $2]=$9; p99[k FS $2]=$10; err[k]+=$6; if (!(k in seen)) {seen[k]=1; order[++n]=k}}
    END { for (i=1;i<=n;i++) { k=order[i]; split(k, a, FS);
      m=thr[k FS "ours-mem"]; t=thr[k FS "ours-tdb2"]; v=thr[k FS "fuseki"];
      printf "| %s | %s | %s | %.1f | %.1f | %.1f | %.2f | %.2f | %s / %s / %s | %s / %s / %s | %d |\n", a[1], a[2], a[3], m, t, v, m/v, t/v,
        p50[k FS "ours-mem"], p50[k FS "ours-tdb2"], p50[k FS "fuseki"], p99[k FS "ours-mem"], p99[k FS "ours-tdb2"], p99[k FS "fuseki"], err[k] } }' "$R/load.tsv"
  echo
  cat "$W/scale.md"
} > "$R/report.md"
if [ -f bench/NOTES.md ] && [ $QUICK = 0 ]; then { cat "$R/report.md"; echo; cat bench/NOTES.md; } > "$OUT"; else cp "$R/report.md" "$OUT"; fi
cat "$R/report.md"
log "written to $OUT ($(( ELAPSED / 60 )) min)"
