#!/usr/bin/env bash
# The history benchmark: `history` on a generated git repository of 100 versions of a synthetic survey (growing from
# 200 entries by 2 a version; every 10th version a revert, mapped once; every 7th commit touching another file only).
# Times reading the commits (JGit), building the versions with 1 and with 2 threads, and writing the TriG, beside
# one build of the last version in the same JVM (the baseline). Writes the section "History" of bench/RESULTS.md.
#   bench/history.sh [VERSIONS [ENTRIES]]
source "$(dirname "$0")/lib.sh"
VERSIONS=${1:-100}; ENTRIES=${2:-200}; REPS=3
ensure_jar
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
log "history: $VERSIONS versions from $ENTRIES entries (load average $LOAD)"
LINE=$(java -Xmx6g -cp "$JAR" org.w3id.vlmsurvey.bench.HistoryBench "$W" "$VERSIONS" "$ENTRIES" "$REPS" 2> "$W/history-bench.log")
IFS=$'\t' read -r versions built mapped reused last base read b1 b2 write bytes perv ratio basecpu b2cpu cpuperv <<< "$LINE"
REPO=$W/history-repo-$VERSIONS-$ENTRIES
T0=$(date +%s%N)
java -Xmx6g -jar "$JAR" history --git "$REPO" -o "$W/history-cli.trig" 2> "$W/history-cli.log" || true
CLI_MS=$(( ($(date +%s%N) - T0) / 1000000 ))
log "done: $LINE; cli ${CLI_MS} ms"

SECTION=$(cat <<MD
<!-- history:begin -->
## History (\`bench/history.sh\`, $(date -u +%Y-%m-%d\ %H:%M) UTC)

\`history\` on a generated git repository: $versions commits change README.md (a synthetic survey growing from
$ENTRIES to $last entries; every 10th version reverts to an earlier content, every 7th commit only touches another
file). The machine has 2 cores and was **shared with other builds** (load average $LOAD at the start): the wall
times are inflated; the ratio to the baseline, measured in the same JVM, is the comparable figure.

| versions | built | contents mapped | equal to an earlier one (reused) | one build of the last version (baseline) | read commits (JGit) | build, 1 thread | build, 2 threads | write TriG | TriG size | per version (read + build 2 threads + write) | per version / baseline |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
| $versions | $built | $mapped | $reused | $base ms | $read ms | $b1 ms | $b2 ms | $write ms | $(( bytes / 1000000 )) MB | $perv ms | ${ratio}x |

CPU time (all threads of the process, less disturbed by the other builds than wall time): one build of the last
version $basecpu ms; building all $versions versions with 2 threads $b2cpu ms, **$cpuperv ms of CPU per version**
(the versions are smaller than the last one on average, and $reused of them are not mapped at all).

The whole command (\`java -jar vlm-survey-kg.jar history --git REPO -o FILE.trig\`, JVM start included): $CLI_MS ms.
Unchanged contents are not mapped again ($reused of $versions versions reused a graph); the builds of distinct
contents run in parallel (2 threads: $b2 ms against $b1 ms for 1).
<!-- history:end -->
MD
)
RES=bench/RESULTS.md
if grep -q '<!-- history:begin -->' "$RES"; then
  python3 - "$RES" "$SECTION" <<'PY'
import re, sys
p, section = sys.argv[1], sys.argv[2]
s = open(p, encoding='utf-8').read()
s = re.sub(r'<!-- history:begin -->.*?<!-- history:end -->', lambda m: section, s, flags=re.S)
open(p, 'w', encoding='utf-8').write(s)
PY
else
  printf '\n%s\n' "$SECTION" >> "$RES"
fi
echo "$SECTION"
