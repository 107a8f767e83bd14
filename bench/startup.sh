#!/usr/bin/env bash
# Start-up (issue 20): launch to first answered query, ours beside vanilla Fuseki 5.6.0 serving our export of the
# same README, alternating (every round starts each variant once, in turn), medians and ratios to Fuseki.
#   ours-jar       java -jar target/vlm-survey-kg.jar serve          (as the README's quick start; bounded-heap relaunch)
#   ours-launcher  bin/vlm-survey-kg serve                           (one JVM, AppCDS archive in the cache)
#   fuseki         java -jar jena-fuseki-server-5.6.0.jar --file=EXPORT.ttl /ds
# Each of ours runs with a cold cache (graph cache and CDS archive deleted before the start) and a warm one (filled
# by an untimed run first). Data: the bundled survey, and a user's README (any path; by default the newest upstream
# README from the local mirror, if there is one).
#   bench/startup.sh [--rounds N] [--readme FILE.md] [--no-readme]      writes bench/work/startup.md
# FUSEKI_JVM_OPTS / OURS_JVM_OPTS: JVM options for Fuseki / for ours-jar (none by default: each its own defaults).
source "$(dirname "$0")/lib.sh"
ROUNDS=5
README_MD=
MIRROR=/work/.mirror/jingyi0000+VLM_survey/repo
while [ $# -gt 0 ]; do
  case $1 in
    --rounds) ROUNDS=$2; shift ;;
    --readme) README_MD=$2; shift ;;
    --no-readme) README_MD=none ;;
    *) echo "usage: bench/startup.sh [--rounds N] [--readme FILE.md] [--no-readme]" >&2; exit 2 ;;
  esac
  shift
done
# only the product jar (and the launcher beside it) is needed here, not the bench tools
[ -f "$JAR" ] || { log "building $JAR"; ./mvnw -B -q -DskipTests package; }
ensure_fuseki
R=$(pwd)/$W/startup; rm -rf "$R"; mkdir -p "$R"
OUT=$W/startup.md
if [ -z "$README_MD" ] && git --git-dir="$MIRROR" rev-parse -q --verify HEAD >/dev/null 2>&1; then
  README_MD=$R/upstream-README.md
  git --git-dir="$MIRROR" show HEAD:README.md > "$README_MD"
  log "user README: the upstream README at $(git --git-dir="$MIRROR" rev-parse --short HEAD)"
fi
[ "$README_MD" = none ] && README_MD=

DATASETS="bundled"; [ -n "$README_MD" ] && DATASETS="bundled readme"
# the servers run from an empty folder: "bundled" is the copy in the jar, not a data/vlm-survey.md nearby
RUN=$R/run; mkdir -p "$RUN"
JAR_ABS=$(pwd)/$JAR; FUSEKI_ABS=$(pwd)/$FUSEKI; LAUNCHER=$(pwd)/bin/vlm-survey-kg
for data in $DATASETS; do
  if [ $data = bundled ]; then java -jar "$JAR_ABS" export -o "$R/export-$data.ttl"
  else java -jar "$JAR_ABS" export --source "$README_MD" -o "$R/export-$data.ttl"; fi
done
PORT=$(free_port 39401)
EP_OURS=http://127.0.0.1:$PORT/survey/sparql
EP_FUSEKI=http://127.0.0.1:$PORT/ds/sparql

# start VARIANT DATA CACHE-STATE: one timed start (sets STARTUP_MS), then stop
start() {
  local variant=$1 data=$2 state=$3 cache=$R/cache-$1-$2
  local src=(); [ "$data" = readme ] && src=(--source "$(cd "$(dirname "$README_MD")" && pwd)/$(basename "$README_MD")")
  [ "$state" = cold ] && rm -rf "$cache"
  pushd "$RUN" > /dev/null
  # shellcheck disable=SC2086
  case $variant in
    ours-jar) start_server "$R/server.log" "$EP_OURS" java ${OURS_JVM_OPTS:-} -jar "$JAR_ABS" serve --port "$PORT" --cache "$cache" "${src[@]}" ;;
    ours-launcher) start_server "$R/server.log" "$EP_OURS" env VLM_SURVEY_CACHE="$cache" "$LAUNCHER" serve --port "$PORT" "${src[@]}" ;;
    fuseki) start_server "$R/server.log" "$EP_FUSEKI" env FUSEKI_BASE="$R/fuseki-base" java ${FUSEKI_JVM_OPTS:-} -jar "$FUSEKI_ABS" --localhost --port "$PORT" --file="$R/export-$data.ttl" /ds ;;
  esac
  popd > /dev/null
  stop_server
}

for data in $DATASETS; do
  for variant in ours-jar ours-launcher; do
    log "priming the warm cache: $variant on $data"; start "$variant" "$data" cold
  done
done
for round in $(seq 1 "$ROUNDS"); do
  for data in $DATASETS; do
    # alternating: Fuseki, then each of ours warm and cold, in every round
    for run in "fuseki -" "ours-jar warm" "ours-launcher warm" "ours-jar cold" "ours-launcher cold"; do
      set -- $run
      if [ "$2" = cold ]; then start "$1" "$data" cold; else start "$1" "$data" warm; fi
      echo -e "$data\t$1\t$2\t$STARTUP_MS" >> "$R/startup.tsv"
      log "round $round: $1 ($2 cache) on $data: first answer after $STARTUP_MS ms"
      # a cold run leaves a warm cache behind: the next warm run in this round reads it, as after a restart
    done
  done
done

{
  echo "## Start-up: launch to first answered query (bench/startup.sh, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
  echo
  echo "Medians of $ROUNDS alternating rounds (ms); ratio = ours / vanilla Fuseki on the same data (<= 1.0: at or below Fuseki)."
  [ -n "$README_MD" ] && echo "User README: $README_MD ($(grep -c '' "$README_MD") lines)."
  echo
  echo "| data | server | cache | median ms | ratio to Fuseki |"
  echo "|---|---|---|---:|---:|"
  for data in $DATASETS; do
    van=$(awk -F'\t' -v d=$data '$1==d && $2=="fuseki" {print $4}' "$R/startup.tsv" | median)
    echo "| $data | fuseki | - | $van | 1.00 |"
    for variant in ours-jar ours-launcher; do
      for state in warm cold; do
        m=$(awk -F'\t' -v d=$data -v s=$variant -v c=$state '$1==d && $2==s && $3==c {print $4}' "$R/startup.tsv" | median)
        echo "| $data | $variant | $state | $m | $(awk -v a="$m" -v b="$van" 'BEGIN { printf "%.2f", a / b }') |"
      done
    done
  done
} > "$OUT"
cat "$OUT"
