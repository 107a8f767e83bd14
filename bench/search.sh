#!/usr/bin/env bash
# Full-text search (jena-text, Lucene) beside a FILTER(CONTAINS(LCASE(?title), ...)) scan of the titles, on the same
# server (in memory) and the same synthetic survey, in the same run: medians of interleaved repetitions and their
# ratio. Writes the "Full-text search" section of bench/RESULTS.md (replacing the previous one).
#   bench/search.sh            100k-entry survey, 21 repetitions per query
#   bench/search.sh --quick    10k-entry survey, 7 repetitions (a smoke run; its section says so)
source "$(dirname "$0")/lib.sh"

N=100000; REPS=21; WARM=3; QUICK=0
for a in "$@"; do
  case $a in
    --quick) N=10000; REPS=7; WARM=1; QUICK=1 ;;
    *) echo "usage: bench/search.sh [--quick]" >&2; exit 2 ;;
  esac
done
ensure_jar
src=$(survey "$N")
PORT=$(free_port 39401)
EP=http://127.0.0.1:$PORT/survey/sparql
R=$W/search; rm -rf "$R"; mkdir -p "$R"

P='PREFIX text: <http://jena.apache.org/text#> PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX vlm: <https://w3id.org/vlm-survey/ontology#>'
RARE=synvlm4242
# name|kind|query or path  (kind: sparql = POST to the endpoint, page = GET of a page)
CASES=(
  "text-prompt|sparql|$P SELECT ?paper ?title { (?paper ?score ?title) text:query (dcterms:title 'prompt' 1000000) . ?paper a vlm:Paper }"
  "scan-prompt|sparql|$P SELECT ?paper ?title { ?paper a vlm:Paper ; dcterms:title ?title FILTER(CONTAINS(LCASE(?title), 'prompt')) }"
  "text-rare|sparql|$P SELECT ?paper ?title { (?paper ?score ?title) text:query (dcterms:title '$RARE' 1000000) . ?paper a vlm:Paper }"
  "scan-rare|sparql|$P SELECT ?paper ?title { ?paper a vlm:Paper ; dcterms:title ?title FILTER(CONTAINS(LCASE(?title), '$RARE')) }"
  "page-search|page|/search.csv?q=prompt"
)

# run CASE -> prints "seconds rows"
run() {
  local name kind q out t
  IFS='|' read -r name kind q <<< "$1"
  out=$R/$name.csv
  if [ "$kind" = sparql ]; then
    t=$(curl -sf -o "$out" -w '%{time_total}' -H 'Accept: text/csv' --data-urlencode "query=$q" "$EP")
  else
    t=$(curl -sf -o "$out" -w '%{time_total}' "http://127.0.0.1:$PORT$q")
  fi
  echo "$t $(( $(wc -l < "$out") - 1 ))"
}

log "search: serving the $N-entry survey in memory"
start_server "$R/server.log" "$EP" java -Xmx$HEAP -jar "$JAR" serve --source "$src" --port "$PORT"
log "first answer after $STARTUP_MS ms"
for c in "${CASES[@]}"; do for i in $(seq 1 $WARM); do run "$c" > /dev/null; done; done
# interleaved, so that the load of the shared machine falls on every case alike
for i in $(seq 1 $REPS); do
  for c in "${CASES[@]}"; do echo "${c%%|*} $(run "$c")" >> "$R/times.txt"; done
done
stop_server

med() { awk -v n="$1" '$1 == n {print $2 * 1000}' "$R/times.txt" | median; }
rows() { awk -v n="$1" '$1 == n {print $3}' "$R/times.txt" | sort -u | tr '\n' ' ' | sed 's/ $//'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
TP=$(med text-prompt); SP=$(med scan-prompt); TR=$(med text-rare); SR=$(med scan-rare); PS=$(med page-search)

report=$R/report.md
{
  echo "<!-- search:begin (written by bench/search.sh; kept when other parts are re-run by hand) -->"
  echo "## Full-text search (bench/search.sh)"
  echo
  echo "The $N-entry synthetic survey (\`generate --entries $N --seed 1\`), served in memory by the shaded jar; each"
  echo "query sent $REPS times after $WARM warm-up rounds, the cases interleaved; median wall time of the HTTP request"
  echo "(curl, CSV results). The machine was shared with other builds and benchmarks while this ran: compare the"
  echo "ratios, measured in the same run, rather than the absolute times."
  echo
  echo "| query | rows | median ms | ratio to the scan |"
  echo "|---|---:|---:|---:|"
  echo "| \`text:query (dcterms:title 'prompt')\` + \`a vlm:Paper\` | $(rows text-prompt) | $TP | $(ratio "$TP" "$SP") |"
  echo "| \`FILTER(CONTAINS(LCASE(?title), 'prompt'))\` over every paper title | $(rows scan-prompt) | $SP | 1.00 |"
  echo "| \`text:query (dcterms:title '$RARE')\` (one short name) | $(rows text-rare) | $TR | $(ratio "$TR" "$SR") |"
  echo "| \`FILTER(CONTAINS(LCASE(?title), '$RARE'))\` | $(rows scan-rare) | $SR | 1.00 |"
  echo "| \`/search.csv?q=prompt\` (all kinds, ranked, highlighted) | $(rows page-search) | $PS | $(ratio "$PS" "$SP") |"
  echo
  echo "Rows differ where the two searches differ: the index matches words with their stems (\"prompting\" too), the scan"
  echo "substrings (\"$RARE\" would also match ${RARE}0 to ${RARE}9). Server start-up (build + index) to first answer: $STARTUP_MS ms."
  echo
  machine
  echo "<!-- search:end -->"
} > "$report"
cat "$report"
[ $QUICK = 1 ] && sed -i 's/^## Full-text search (bench\/search.sh)$/## Full-text search (bench\/search.sh --quick: a smoke run on 10k entries)/' "$report"
# replace the section in bench/RESULTS.md, or append it
python3 - "$report" bench/RESULTS.md <<'EOF'
import re, sys
section = open(sys.argv[1]).read().rstrip("\n")
path = sys.argv[2]
text = open(path).read()
pattern = re.compile(r"<!-- search:begin.*?<!-- search:end -->", re.S)
text = pattern.sub(lambda m: section, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section + "\n"
open(path, "w").write(text)
EOF
log "written to bench/RESULTS.md"
