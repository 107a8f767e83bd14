#!/usr/bin/env bash
# /search?q=prompt with and without a history, in one run on the same machine (issue 16, part 6): a git repository of
# VERSIONS versions of the synthetic survey (growing to ENTRIES entries), served once as its newest version's file
# (serve --source, one version) and once as the history (serve --history-git, every version); both servers up at
# once, the requests interleaved; medians and their ratio, and whether both answered the same hits. Writes the
# section "Search with a history" of bench/RESULTS.md (replacing the previous one).
#   bench/search-history.sh [ENTRIES [VERSIONS]]   default 2000 entries, 40 versions, 21 repetitions
#   bench/search-history.sh --quick                200 entries, 3 versions, 3 repetitions (a smoke run; says so)
source "$(dirname "$0")/lib.sh"

ENTRIES=2000; VERSIONS=40; REPS=21; WARM=3; QUICK=0; POS=()
for a in "$@"; do
  case $a in
    --quick) ENTRIES=200; VERSIONS=3; REPS=3; WARM=1; QUICK=1 ;;
    -*) echo "usage: bench/search-history.sh [--quick | ENTRIES [VERSIONS]]" >&2; exit 2 ;;
    *) POS+=("$a") ;;
  esac
done
[ ${#POS[@]} -ge 1 ] && ENTRIES=${POS[0]}
[ ${#POS[@]} -ge 2 ] && VERSIONS=${POS[1]}
ensure_jar
R=$W/search-history; rm -rf "$R"; mkdir -p "$R"
REPO=$R/repo
git init -q -b main "$REPO"
STEP=$(( ENTRIES / (2 * VERSIONS) )); [ "$STEP" -lt 1 ] && STEP=1
for i in $(seq 1 "$VERSIONS"); do
  n=$(( ENTRIES - (VERSIONS - i) * STEP ))
  cp "$(survey "$n")" "$REPO/README.md"
  git -C "$REPO" add README.md
  day=$(date -u -d "2024-01-01 + $i days" +%Y-%m-%dT10:00:00Z)
  GIT_AUTHOR_DATE=$day GIT_COMMITTER_DATE=$day \
    git -C "$REPO" -c user.name=bench -c user.email=bench@example.org commit -q -m "version $i ($n entries)"
done
NEWEST=$(survey "$ENTRIES")

P1=$(free_port 39501); P2=$(free_port $(( P1 + 1 )))
log "search-history: one version ($ENTRIES entries) on $P1, $VERSIONS versions on $P2"
start_server "$R/one.log" "http://127.0.0.1:$P1/survey/sparql" java -Xmx$HEAP -jar "$JAR" serve --source "$NEWEST" --port "$P1"
ONE_PID=$SERVER_PID; ONE_MS=$STARTUP_MS
start_server "$R/history.log" "http://127.0.0.1:$P2/survey/sparql" java -Xmx$HEAP -jar "$JAR" serve --history-git "$REPO" --refresh 0 --history-max-total-size 200000000 --port "$P2"
HIST_PID=$SERVER_PID; HIST_MS=$STARTUP_MS
stop_all() { kill "$ONE_PID" "$HIST_PID" 2>/dev/null || true; wait "$ONE_PID" "$HIST_PID" 2>/dev/null || true; }
trap stop_all EXIT

# run NAME PORT -> "NAME seconds rows"
run() {
  local out=$R/$1.csv t
  t=$(curl -sf -o "$out" -w '%{time_total}' "http://127.0.0.1:$2/search.csv?q=prompt")
  echo "$1 $t $(( $(wc -l < "$out") - 1 ))"
}
for i in $(seq 1 $WARM); do run one "$P1" > /dev/null; run history "$P2" > /dev/null; done
for i in $(seq 1 $REPS); do run one "$P1" >> "$R/times.txt"; run history "$P2" >> "$R/times.txt"; done
SAME=$(cmp -s "$R/one.csv" "$R/history.csv" && echo yes || echo no)
stop_all

med() { awk -v n="$1" '$1 == n {print $2 * 1000}' "$R/times.txt" | median; }
rows() { awk -v n="$1" '$1 == n {print $3}' "$R/times.txt" | sort -u | tr '\n' ' ' | sed 's/ $//'; }
ONE=$(med one); HIST=$(med history)
RATIO=$(awk -v a="$HIST" -v b="$ONE" 'BEGIN { printf "%.2f", a / b }')
TITLE="## Search with a history (bench/search-history.sh)"
[ $QUICK = 1 ] && TITLE="## Search with a history (bench/search-history.sh --quick: a smoke run, not a measurement)"
report=$R/report.md
{
  echo "<!-- search-history:begin (written by bench/search-history.sh) -->"
  echo "$TITLE"
  echo
  echo "\`/search.csv?q=prompt\` on the $ENTRIES-entry synthetic survey served alone (\`serve --source\`) and as the newest of"
  echo "$VERSIONS versions of a git repository (\`serve --history-git\`), both servers up at once, $REPS requests each after"
  echo "$WARM warm-up rounds, interleaved; median wall time of the HTTP request (curl)."
  echo
  echo "| served | rows | median ms | ratio |"
  echo "|---|---:|---:|---:|"
  echo "| one version | $(rows one) | $ONE | 1.00 |"
  echo "| $VERSIONS versions (history) | $(rows history) | $HIST | $RATIO |"
  echo
  echo "Same hits (the CSV answers byte for byte): $SAME. Start-up to first answer: $ONE_MS ms (one version), $HIST_MS ms (history)."
  echo
  machine
  echo "<!-- search-history:end -->"
} > "$report"
cat "$report"
python3 - "$report" bench/RESULTS.md <<'PY'
import re, sys
section = open(sys.argv[1]).read().rstrip("\n")
path = sys.argv[2]
text = open(path).read()
pattern = re.compile(r"<!-- search-history:begin.*?<!-- search-history:end -->", re.S)
text = pattern.sub(lambda m: section, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section + "\n"
open(path, "w").write(text)
PY
log "written to bench/RESULTS.md"
