#!/usr/bin/env bash
# Reproducible build check: clones the committed HEAD twice into fresh directories (different paths, different
# file times), builds the shaded jar in each with the wrapper (-DskipTests), and compares the jars' SHA-256.
# Exit 0 when the two jars are byte for byte the same; else 1, with the entries that differ.
#   .ci/reproducible.sh            (extra Maven flags: MVN_FLAGS="-o" .ci/reproducible.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/vlm-repro.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
JAR=target/vlm-survey-kg.jar

build() {
  local dir=$TMP/$1
  git clone -q --no-hardlinks "$REPO" "$dir"
  ( cd "$dir" && ./mvnw -B -q ${MVN_FLAGS:-} -DskipTests package >"$TMP/$1.log" 2>&1 ) \
    || { echo "build $1 failed:"; tail -30 "$TMP/$1.log"; exit 1; }
  sha256sum "$dir/$JAR" | cut -d' ' -f1
}

echo "building $(git rev-parse --short HEAD) twice from clean clones in $TMP"
A=$(build a)
sleep 2   # so that the second clone's files have other times
B=$(build b)
echo "first:  $A"
echo "second: $B"
if [ "$A" = "$B" ]; then
  echo "reproducible: the two shaded jars are identical ($(stat -c %s "$TMP/a/$JAR") bytes)"
else
  echo "NOT reproducible: the entries that differ:"
  diff <(cd "$TMP/a" && unzip -lv "$JAR") <(cd "$TMP/b" && unzip -lv "$JAR") | head -40 || true
  exit 1
fi
