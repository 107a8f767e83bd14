#!/usr/bin/env bash
# The attack set of issue 10, run against our server (the README's command: java -jar target/vlm-survey-kg.jar serve)
# and against vanilla Apache Jena Fuseki 5.6.0 on the same triples (java -jar jena-fuseki-server-5.6.0.jar
# --localhost --timeout=10000 --file=survey.ttl /survey: the same 10 s timeout, no heap option either), one after the
# other, loopback only, each request bounded in time. Prints peak RSS (the server's whole process tree), ping p99 and
# the status codes side by side; copy the table into bench/RESULTS.md. About 6 minutes. The query set includes the
# query-surface attacks of issue 22 (page-parameter injection, counted paths, apf:concat, Lucene texts, nesting).
# Then the client attacks of issue 22 (bench/client-attacks.py: slow bodies, connections per address, a long GET
# query, headers, VoID's Host, /static folders, SERVICE path, concurrent wrong passwords) against both, a second
# table; about 3 minutes more.
#   ATTACK_SETS="query client"   which sets to run (default both)
#   ATTACK_ONLY=ours             skip vanilla Fuseki (a quick check of the script)
source "$(dirname "$0")/lib.sh"
JAR=${ATTACK_JAR:-$JAR}   # a copy of the jar, to measure while a build rewrites target/
set +e +o pipefail        # an attack that fails or times out is a result, not the end of the script
[ -f "$JAR" ] || ensure_jar
[ "${ATTACK_ONLY:-}" = ours ] || ensure_fuseki
R=$W/attack
rm -rf "$R"; mkdir -p "$R"
TTL=$R/survey.ttl
java -jar "$JAR" export -o "$TTL"
PORT=$(free_port 39501)
EP=http://127.0.0.1:$PORT/survey/sparql
BASE=http://127.0.0.1:$PORT
CROSS='SELECT * {?a ?b ?c . ?d ?e ?f . ?g ?h ?i}'
SLOW='SELECT (COUNT(*) AS ?n) {?a ?b ?c . ?d ?e ?f . ?g ?h ?i}'
NORMAL='PREFIX vlm: <https://w3id.org/vlm-survey/ontology#> SELECT ?c (COUNT(?p) AS ?n) { ?p vlm:category ?c } GROUP BY ?c ORDER BY DESC(?n)'
python3 -c "print('SELECT * { <http://x/' + 'a'*4000000 + '> ?p ?o }')" > "$R/big.rq"
CONCAT='SELECT (STRLEN(?x28) AS ?n) { BIND("ab" AS ?x0)'
for i in $(seq 1 28); do CONCAT="$CONCAT BIND(CONCAT(?x$((i-1)),?x$((i-1))) AS ?x$i)"; done; CONCAT="$CONCAT }"
# the query-surface attacks of issue 22 (the same shapes as QueryAttackIT): a page parameter that closes its IRI
# and appends the CONCAT chain; ARQ's counted path; an apf:concat chain; Lucene texts in text:query; deep nesting
INJECT="https://w3id.org/vlm-survey/resource/category/x> . ${CONCAT#SELECT (STRLEN(?x28) AS ?n) \{} #"
COUNTED='SELECT * { <https://w3id.org/vlm-survey/resource/paper/arxiv-2103.00020> (!<x>|^!<x>){0,6} ?o }'
APF='PREFIX apf: <http://jena.apache.org/ARQ/property#> SELECT (STRLEN(?s24) AS ?n) { BIND("0123456789" AS ?s0)'
for i in $(seq 1 24); do APF="$APF ?s$i apf:concat (?s$((i-1)) ?s$((i-1))) ."; done; APF="$APF }"
TEXTQ='PREFIX text: <http://jena.apache.org/text#> SELECT * { ?s text:query "%s" }'
WILDCARDS=$(printf "$TEXTQ" "$(for i in $(seq 0 699); do printf 'a%s*b*c*d*e ' "$i"; done)")
FUZZY=$(printf "$TEXTQ" "$(for i in $(seq 0 299); do printf 'abcdefghijklmnopqrstuvwxyz%s~2 ' "$i"; done)")
LREGEX=$(printf "$TEXTQ" '/[a-z]+.*x/')
NESTED="SELECT * $(printf '{ SELECT * %.0s' $(seq 1000)){ ?s ?p ?o }$(printf ' }%.0s' $(seq 1000))"

# RSS of a process and its descendants, in MB
tree_rss() {
  local pids="$1" all="$1" kids
  while [ -n "$pids" ]; do
    kids=$(for p in $pids; do pgrep -P "$p" || true; done | tr '\n' ' ')
    all="$all $kids"; pids=$(echo "$kids" | xargs)
  done
  ps -o rss= -p "$(echo $all | tr ' ' ',')" 2>/dev/null | awk '{s+=$1} END {print int(s/1024)}'
}

# code[:curl exit][:seconds] of one request
req() {
  curl -s -o /dev/null --max-time 60 -w '%{http_code}:%{exitcode}:%{time_total}' "$@" || true
}

attack() {
  local name=$1 out=$R/$1.txt
  : > "$out"
  ( peak=0; while kill -0 "$SERVER_PID" 2>/dev/null; do r=$(tree_rss "$SERVER_PID"); [ "${r:-0}" -gt "$peak" ] && peak=$r && echo "$peak" > "$R/$name.peak"; sleep 0.2; done ) &
  local sampler=$!
  for fmt in application/sparql-results+json application/sparql-results+xml text/csv text/tab-separated-values; do
    echo "cut result $fmt (code:curl exit:s)	$(req -H "Accept: $fmt" --data-urlencode "query=$CROSS" "$EP")" >> "$out"
  done
  echo "4 MB IRI, POST body	$(req -H 'Content-Type: application/sparql-query' --data-binary @"$R/big.rq" "$EP")" >> "$out"
  echo "regex ^(.*a){12}\$	$(req --data-urlencode "query=SELECT * { BIND(regex(\"$(printf 'a%.0s' $(seq 60))!\", \"^(.*a){12}\$\") AS ?m) }" "$EP")" >> "$out"
  echo "SERVICE in ORDER BY (EXISTS)	$(req --data-urlencode 'query=SELECT ?s { ?s ?p ?o } ORDER BY (EXISTS { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } })' "$EP")" >> "$out"
  echo "TRACE /	$(req -X TRACE "$BASE/")" >> "$out"
  echo "GET /static/	$(req "$BASE/static/")" >> "$out"
  # three anonymous cross products at once
  echo "3 cross products at once	$(for i in 1 2 3; do { req -H 'Accept: text/csv' --data-urlencode "query=$CROSS #$i" "$EP"; echo -n ' '; } & done; wait)" >> "$out"
  # 32 clients running a normal query for 20 s
  local t_end=$(( $(date +%s) + 20 ))
  seq 32 | xargs -P 32 -I{} bash -c "while [ \$(date +%s) -lt $t_end ]; do curl -s -o /dev/null --max-time 30 -w '%{http_code}\n' --data-urlencode 'query=$NORMAL' '$EP'; done" > "$R/$name.normal"
  echo "32 clients x 20 s normal query	$(sort "$R/$name.normal" | uniq -c | awk '{printf "%s x%s ", $2, $1}')" >> "$out"
  # 300 slow queries at once, and the health check meanwhile (ATTACK_SKIP_SLOW=1 skips them: a server they make
  # deaf to the health check, as vanilla Fuseki, holds the run for up to 100 x 30 s)
  if [ -z "${ATTACK_SKIP_SLOW:-}" ]; then
  seq 300 | xargs -P 300 -I{} curl -s -o /dev/null --max-time 60 -w '%{http_code}\n' --data-urlencode "query=$SLOW #{}" "$EP" > "$R/$name.slow" &
  local slow=$!
  sleep 1
  for i in $(seq 100); do curl -s -o /dev/null --max-time 30 -w '%{time_total}\n' "$BASE/\$/ping" >> "$R/$name.ping"; sleep 0.05; done
  wait $slow
  echo "300 slow queries at once	$(sort "$R/$name.slow" | uniq -c | awk '{printf "%s x%s ", $2, $1}')" >> "$out"
  echo "ping p99 during them (ms)	$(awk '{print $1*1000}' "$R/$name.ping" | sort -n | awk '{a[NR]=$1} END {print a[int(NR*0.99)]}')" >> "$out"
  fi
  # the query-surface attacks of issue 22: each may take a server down, so each is followed by a ping
  for a in "page parameter injection (/papers.bib?category=)|PAGE" "counted path {0,6} (ARQ syntax)|$COUNTED" \
      "apf:concat chain, 24 levels|$APF" "text:query 700 wildcard clauses|$WILDCARDS" \
      "text:query 300 long fuzzy terms|$FUZZY" "text:query regex|$LREGEX" "1000 nested sub-queries|$NESTED"; do
    local label=${a%%|*} q=${a#*|} r
    if [ "$q" = PAGE ]; then r=$(req -G --data-urlencode "category=$INJECT" "$BASE/papers.bib")
    else r=$(req --data-urlencode "query=$q" "$EP"); fi
    echo "$label	$r, then ping $(req "$BASE/\$/ping")" >> "$out"
  done
  # last: it may take the server down
  echo "CONCAT chain, 28 levels	$(req --data-urlencode "query=$CONCAT" "$EP")" >> "$out"
  echo "alive afterwards (ping)	$(req "$BASE/\$/ping")" >> "$out"
  echo "peak RSS (MB)	$(cat "$R/$name.peak" 2>/dev/null || echo ?)" >> "$out"
  kill "$sampler" 2>/dev/null || true
}

SETS=${ATTACK_SETS:-query client}
ONLY=${ATTACK_ONLY:-}
PASSWORDS=$R/update-users.txt
printf 'attack pass\n' | java -jar "$JAR" passwd bench > "$PASSWORDS"

client_ours() { python3 bench/client-attacks.py "$BASE" --user bench:x > "$R/ours-client.txt" 2>&1; }
client_fuseki() { python3 bench/client-attacks.py "$BASE" > "$R/fuseki-client.txt" 2>&1; }

for set in $SETS; do
  log "$set attacks, ours: java -jar $JAR serve"
  # the query set's 300 clients stand for many clients, all from 127.0.0.1 here: without the per-address limit,
  # which the client set tests (it would refuse all but 32 of them, and the pings from the same address)
  if [ "$set" = query ]; then PER_ADDRESS=0; else PER_ADDRESS=32; fi
  start_server "$R/ours-$set.log" "$EP" java -jar "$JAR" serve --port "$PORT" --update-password-file "$PASSWORDS" \
    --max-connections-per-address "$PER_ADDRESS"
  if [ "$set" = query ]; then attack ours; else client_ours; fi
  stop_server
  if [ "$ONLY" != ours ]; then
    log "$set attacks, vanilla Fuseki $FUSEKI_VERSION"
    start_server "$R/fuseki-$set.log" "$EP" env FUSEKI_BASE="$W/fuseki-base" java -jar "$FUSEKI" --localhost --port "$PORT" --timeout=10000 --file="$TTL" /survey
    if [ "$set" = query ]; then attack fuseki; else client_fuseki; fi
    stop_server
  fi
done

table() { # table OURS FUSEKI
  echo "| attack | ours | vanilla Fuseki $FUSEKI_VERSION |"
  echo "| --- | --- | --- |"
  if [ -f "$2" ]; then paste "$1" "$2" | awk -F'\t' '{printf "| %s | %s | %s |\n", $1, $2, $4}'
  else awk -F'\t' '{printf "| %s | %s | (not run) |\n", $1, $2}' "$1"; fi
}
{
  if [ -f "$R/ours.txt" ]; then table "$R/ours.txt" "$R/fuseki.txt"; echo; fi
  if [ -f "$R/ours-client.txt" ]; then table "$R/ours-client.txt" "$R/fuseki-client.txt"; echo; fi
} | tee "$R/table.md"
echo "Cells: HTTP status:curl exit code:seconds (status 000 = no answer; curl exit 18 = transfer cut, 28 = timed out);"
echo "client attacks: status x count (0 = closed without an answer, -1 = no answer in time)."
machine
