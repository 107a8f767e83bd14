#!/usr/bin/env bash
# The loader table of issue 20: building the graph from Markdown (whole-process `export --format nt`) beside Jena
# loading the resulting N-Triples (`arq --data`), at 10k, 50k and 100k generated entries: medians of time and peak
# RSS, and their ratios (time ratio <= 1.0: at least as fast as RIOT; RSS ratio <= 1.0: no more memory).
# It is bench/scale.sh at these sizes (same measurements, interleaved repetitions).
#   bench/loader.sh [--reps N] [--sizes "10000 50000 100000"] [--ratios-only]   prints and writes bench/work/scale.md
set -euo pipefail
REPS=3; SIZES="10000 50000 100000"; MORE=()
while [ $# -gt 0 ]; do
  case $1 in
    --reps) REPS=$2; shift ;;
    --sizes) SIZES=$2; shift ;;
    --ratios-only) MORE=(--ratios-only) ;;
    *) echo "usage: bench/loader.sh [--reps N] [--sizes \"N ...\"] [--ratios-only]" >&2; exit 2 ;;
  esac
  shift
done
"$(dirname "$0")/scale.sh" --reps "$REPS" --sizes "$SIZES" ${MORE[@]+"${MORE[@]}"}
