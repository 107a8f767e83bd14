#!/usr/bin/env bash
# The loader at scale (issue 11): whole-process `export --format nt` of generated surveys beside Jena's own
# `arq --data FILE.nt` loading the same N-Triples into memory (time and peak RSS, medians, ratios), the
# partitioned mapping on 1 thread beside the default (every core), `export --format nt --stream` (written as the
# partitions are mapped, not sorted as a whole), and SurveyGraph.build of the bundled survey
# before (every rule over the whole source graph) and after (partitioned); and `query` of the same count arq asks
# (the graph built from the Markdown, checked and validated, then counted: no sort and no 300 MB written, the
# like-for-like of `arq --data FILE.nt COUNT`). Every ratio compares two runs of
# the same script run, interleaved, because the machine may be shared.
#   bench/scale.sh [--reps N] [--sizes "10000 100000"] [--with-1m] [--ratios-only]      writes bench/work/scale.md
# --ratios-only: only the runs the ratios to arq need (export, arq, query count): no 1-thread, one-core, --stream
# or live-heap runs, which take most of the time at 50k and more
source "$(dirname "$0")/lib.sh"
REPS=3; SIZES="10000 100000"; EXTRAS=1
while [ $# -gt 0 ]; do
  case $1 in
    --reps) REPS=$2; shift ;;
    --sizes) SIZES=$2; shift ;;
    --with-1m) SIZES="$SIZES 1000000" ;;
    --ratios-only) EXTRAS=0 ;;
    *) echo "usage: bench/scale.sh [--reps N] [--sizes \"N ...\"] [--with-1m] [--ratios-only]" >&2; exit 2 ;;
  esac
  shift
done
ensure_jar
CMDS=${JENA_CMDS:-$HOME/.m2/repository/org/apache/jena/jena-cmds/5.6.0/jena-cmds-5.6.0.jar}
[ -f "$CMDS" ] || ./mvnw -B -q dependency:get -Dartifact=org.apache.jena:jena-cmds:5.6.0
OUT=$W/scale.md; R=$W/scale; rm -rf "$R"; mkdir -p "$R"
# measure TSV CMD...: appends "wall_s<TAB>rss_kb" of one run of CMD
measure() { local tsv=$1; shift; /usr/bin/time -f "%e\t%M\t%U\t%S" -o "$R/time.tmp" "$@" > /dev/null 2> "$R/err.tmp" || { cat "$R/err.tmp" >&2; return 1; }; cat "$R/time.tmp" >> "$tsv"; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
col() { cut -f"$2" "$1" | median; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

{
  echo "## Loader at scale (bench/scale.sh, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
  echo
  echo "| entries | triples | ours: export nt (s) | ours: peak RSS (MB) | arq --data (s) | arq peak RSS (MB) | time ratio | RSS ratio | ours: query count (s) | query count RSS (MB) | count time ratio | 1 thread (s) | speed-up 1 -> $(nproc) | --stream (s) | --stream RSS (MB) | ms per 1k entries |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
} > "$OUT"
for n in $SIZES; do
  f=$(survey "$n"); nt=$R/survey-$n.nt
  # 1M entries make 35M triples: Jena itself holds them in about 7.2 GB of live heap (205 bytes a triple, measured
  # at 100k), so 1M runs, ours and arq alike, get BENCH_1M_HEAP (16g; the issue's 8g is too small even for arq)
  heap=$HEAP; reps=$REPS; [ "$n" -ge 1000000 ] && { heap=${BENCH_1M_HEAP:-16g}; reps=1; }
  log "scale: $n entries, $reps repetitions (-Xmx$heap)"
  for rep in $(seq 1 "$reps"); do
    measure "$R/ours-$n.tsv" java -Xmx$heap -jar "$JAR" export --format nt --source "$f" -o "$nt"
    measure "$R/arq-$n.tsv" java -Xmx$heap -cp "$CMDS:$JAR" arq.arq --data "$nt" "$COUNT_QUERY"
    measure "$R/count-$n.tsv" java -Xmx$heap -jar "$JAR" query --source "$f" -q "$COUNT_QUERY"
    # the 1-thread run is left out at 1M (about as long again as the default run); 10k and 100k give the speed-up
    [ "$n" -lt 1000000 ] && [ $EXTRAS = 1 ] && measure "$R/one-$n.tsv" java -Xmx$heap -jar "$JAR" export --threads 1 --format nt --source "$f" -o "$nt.1"
    # one core for the whole JVM: --threads 1 still runs the Markdown reader beside the one mapping thread
    [ "$n" -lt 1000000 ] && [ $EXTRAS = 1 ] && measure "$R/core-$n.tsv" taskset -c 0 java -Xmx$heap -jar "$JAR" export --format nt --source "$f" -o "$nt.c"
    [ "$n" -lt 1000000 ] && [ $EXTRAS = 1 ] && measure "$R/stream-$n.tsv" java -Xmx$heap -jar "$JAR" export --format nt --stream --source "$f" -o "$nt.s"
  done
  [ ! -f "$nt.1" ] || cmp -s "$nt" "$nt.1" || { log "1-thread export differs from the default export at $n entries"; exit 1; }
  [ ! -f "$nt.s" ] || [ "$(wc -l < "$nt")" = "$(wc -l < "$nt.s")" ] || { log "the streamed export has another number of triples at $n entries"; exit 1; }
  triples=$(wc -l < "$nt")
  ot=$(col "$R/ours-$n.tsv" 1); orss=$(col "$R/ours-$n.tsv" 2); at=$(col "$R/arq-$n.tsv" 1); arss=$(col "$R/arq-$n.tsv" 2)
  one=$( [ -f "$R/one-$n.tsv" ] && col "$R/one-$n.tsv" 1 || echo -)
  st=$( [ -f "$R/stream-$n.tsv" ] && col "$R/stream-$n.tsv" 1 || echo -); srss=$( [ -f "$R/stream-$n.tsv" ] && col "$R/stream-$n.tsv" 2 || echo 0)
  speedup=$( [ "$one" = - ] && echo - || ratio "$one" "$ot")
  ct=$(col "$R/count-$n.tsv" 1); crss=$(col "$R/count-$n.tsv" 2)
  echo "| $n | $triples | $ot | $((orss / 1024)) | $at | $((arss / 1024)) | $(ratio "$ot" "$at") | $(ratio "$orss" "$arss") | $ct | $((crss / 1024)) | $(ratio "$ct" "$at") | $one | $speedup | $st | $((srss / 1024)) | $(awk -v t="$ot" -v n="$n" 'BEGIN { printf "%.1f", t * 1000000 / n }') |" >> "$OUT"
  if [ "$n" -lt 1000000 ] && [ $EXTRAS = 1 ]; then
    # live heap (after full collections) held by our built graph and by Jena's graph of the same triples
    ours_live=$(java -Xmx$heap -jar "$BENCH_JAR" live ours "$f" | cut -f3)
    jena_live=$(java -Xmx$heap -jar "$BENCH_JAR" live jena "$nt" | cut -f3)
    echo "$n	$(col "$R/core-$n.tsv" 1)	$ours_live	$jena_live" >> "$R/extra.tsv"
  fi
  rm -f "$nt.1" "$nt.s" "$nt.c"
done
if [ -f "$R/extra.tsv" ]; then
  {
    echo
    echo "| entries | 1 core, taskset -c 0 (s) | speed-up 1 -> $(nproc) cores | live heap, ours (MB) | live heap, Jena graph (MB) | live ratio |"
    echo "|---|---|---|---|---|---|"
    while IFS=$'\t' read -r n core ol jl; do
      echo "| $n | $core | $(ratio "$core" "$(col "$R/ours-$n.tsv" 1)") | $ol | $jl | $(ratio "$ol" "$jl") |"
    done < "$R/extra.tsv"
  } >> "$OUT"
fi
{
  echo
  echo "SurveyGraph.build of the bundled survey, one JVM, alternated, median ms:"
  echo
  echo '```'
  java -Xmx2g -jar "$BENCH_JAR" build bundled 11
  echo '```'
} >> "$OUT"
cat "$OUT"
