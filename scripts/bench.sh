#!/usr/bin/env bash
# Throughput and memory of kgextract, next to ICU's bare word segmentation on the same text.
#
#   scripts/bench.sh [COPIES]     # default 400 copies of the sample report (~2 MB)
#                                 # and 400 generated posts in each input format
#
# Corpus: COPIES copies of data/samples/*.txt as separate documents (the usual batch shape),
# and the same text as one large document. Prints MB/s (1 MB = 10^6 bytes) and peak RSS.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
copies="${1:-400}"

scripts/install_deps.sh >/dev/null
command -v /usr/bin/time >/dev/null || apt-get install -y time >/dev/null
cmake --preset release >/dev/null
cmake --build --preset release -j2 --target kgextract icu_word_baseline >/dev/null

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/docs"
sample=data/samples/techsummit-lisbon-2025.txt
for i in $(seq -w 1 "$copies"); do cp "$sample" "$work/docs/report-$i.txt"; done
cat "$work"/docs/*.txt > "$work/one-large-report.txt"
bytes=$(stat -c %s "$work/one-large-report.txt")

mbps() { python3 -c "print(f'{$1 / 1e6 / $2:.2f}')"; }
run() {  # label, then the command; prints seconds, MB/s and peak RSS
  local label="$1"; shift
  local t0 t1 rss
  t0=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/rss" "$@" >/dev/null 2>&1
  rss=$(tail -n 1 "$work/rss")
  t1=$(date +%s.%N)
  local secs; secs=$(python3 -c "print(f'{$t1 - $t0:.3f}')")
  printf "%-44s %8s s %8s MB/s %8s MB peak RSS\n" "$label" "$secs" "$(mbps "$bytes" "$secs")" \
    "$(python3 -c "print(f'{$rss / 1024:.0f}')")"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "corpus:  $copies documents, $bytes bytes in all"
echo
run "kgextract, $copies documents, -j1" build/kgextract -q -j1 -o "$work/out.json" "$work"/docs/*.txt
run "kgextract, $copies documents, -j2" build/kgextract -q -j2 -o "$work/out.json" "$work"/docs/*.txt
run "kgextract, $copies documents, -j2 -f all" build/kgextract -q -j2 -f all -o "$work/all" "$work"/docs/*.txt
run "kgextract, one large document" build/kgextract -q -j1 -o "$work/big.json" "$work/one-large-report.txt"
: > "$work/empty.txt"
run "kgextract start-up only (empty input)" build/kgextract -q -o "$work/empty.json" "$work/empty.txt"
base=$(build/icu_word_baseline "$work/one-large-report.txt")
secs=$(echo "$base" | sed 's/.*seconds=\([^ ]*\).*/\1/')
printf "%-44s %8.3f s %8s MB/s\n" "ICU word segmentation alone (same text)" "$secs" "$(mbps "$bytes" "$secs")"

# The generated corpus (scripts/make_corpus.py, seeded): the same posts as text, Markdown, HTML
# and JSON Lines, so the readers' cost shows next to plain text. MB/s of each input's own bytes.
echo
python3 scripts/make_corpus.py --out "$work/gen" --docs "$copies" --seed 1
for fmt in txt md html; do
  bytes=$(find "$work/gen/$fmt" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
  run "kgextract, $copies generated .$fmt posts, -j2" \
    build/kgextract -q -j2 -o "$work/gen.json" "$work/gen/$fmt"
done
bytes=$(stat -c %s "$work/gen/corpus.jsonl")
run "kgextract, $copies generated posts, JSON Lines" \
  build/kgextract -q -j2 -o "$work/gen.json" "$work/gen/corpus.jsonl"
