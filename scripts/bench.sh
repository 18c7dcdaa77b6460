#!/usr/bin/env bash
# The speed benchmark of issue 11: kgextract next to a bare ICU word-break pass over the same
# text, on many reports and on one large document, in one run, with the ratios.
#
#   scripts/bench.sh                 # a 100 MB corpus and a 50 MB document (about 10 minutes
#                                    # on 2 cores), then the per-stage micro-benchmarks
#   scripts/bench.sh 10M 5M          # smaller corpus and document, for a quick look
#   MICRO=0 scripts/bench.sh         # without the micro-benchmarks (build/kg_microbench)
#
# The corpus is scripts/make_corpus.py's (seed 1, 40 paragraphs a report, about 6.5 kB each, as
# .txt files); the large document is the same kind of reports (seed 2) in one file, blank-line
# separated. Both are kept in build/bench/ and reused. MB = 10^6 bytes; peak RSS is
# /usr/bin/time's maximum resident set size. Times are wall-clock: on a shared machine run it
# when the cores are idle, and take the best of a few runs.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
corpus_size="${1:-100M}"
doc_size="${2:-50M}"
threads="${THREADS:-$(nproc)}"

command -v /usr/bin/time >/dev/null || scripts/install_deps.sh >/dev/null
[[ -d build ]] || cmake --preset release -G Ninja >/dev/null
targets=(kgextract icu_word_baseline)
[[ "${MICRO:-1}" == 1 ]] && targets+=(kg_microbench)
cmake --build --preset release -j2 --target "${targets[@]}" >/dev/null

data="build/bench"
corpus="$data/corpus-$corpus_size"
doc="$data/document-$doc_size.txt"
mkdir -p "$data"
if [[ ! -f "$corpus/done" ]]; then
  rm -rf "$corpus"
  python3 scripts/make_corpus.py --out "$corpus" --seed 1 --paragraphs 40 --formats txt \
    --size "$corpus_size"
  touch "$corpus/done"
fi
if [[ ! -f "$doc" ]]; then
  python3 scripts/make_corpus.py --out "$data/doc-scratch" --seed 2 --paragraphs 40 \
    --formats txt --size "$doc_size" --one-document "$doc.tmp"
  rm -rf "$data/doc-scratch"
  mv "$doc.tmp" "$doc"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

py() { python3 -c "print($1)"; }

# kgextract under /usr/bin/time: sets secs (wall), cpu (user + system), rss_mb, out_bytes.
measure() {
  local out="$work/out.json"
  /usr/bin/time -f "%e %M %U %S" -o "$work/time" build/kgextract -q "$@" -o "$out"
  local user sys
  read -r secs rss_kb user sys < "$work/time"
  cpu=$(py "round($user + $sys, 2)")
  rss_mb=$(py "round($rss_kb / 1024)")
  out_bytes=$(stat -c %s "$out")
  rm -f "$out"
}

# One input (the corpus folder or the document): ICU alone, -j1, -jN, the ratios.
bench_input() {
  local label="$1" bytes="$2"; shift 2
  local base icu_secs icu j1 jn rss1 rssn ob1 obn cpu1 cpun
  base=$(build/icu_word_baseline "$@")
  icu_secs=$(echo "$base" | sed 's/.*seconds=\([^ ]*\).*/\1/')
  icu=$(py "round($bytes / 1e6 / $icu_secs, 2)")
  local input=("$@")
  [[ "$label" == corpus ]] && input=("$corpus/txt")
  measure -j1 "${input[@]}"
  j1=$(py "round($bytes / 1e6 / $secs, 2)"); rss1=$rss_mb; ob1=$out_bytes; cpu1=$cpu
  measure -j"$threads" "${input[@]}"
  jn=$(py "round($bytes / 1e6 / $secs, 2)"); rssn=$rss_mb; obn=$out_bytes; cpun=$cpu
  [[ "$ob1" == "$obn" ]] || echo "WARNING: -j1 and -j$threads wrote different sizes"
  printf '%s: %s bytes (%s)\n' "$label" "$bytes" "$1"
  printf '  %-28s %8s MB/s\n' "ICU word-break pass alone" "$icu"
  printf '  %-28s %8s MB/s %6s MiB peak RSS %8s s CPU\n' "kgextract -j1" "$j1" "$rss1" "$cpu1"
  printf '  %-28s %8s MB/s %6s MiB peak RSS %8s s CPU\n' "kgextract -j$threads" "$jn" "$rssn" \
    "$cpun"
  printf '  %-28s %8s   (target >= 0.40)\n' "ratio -j1 / ICU" "$(py "round($j1 / $icu, 3)")"
  printf '  %-28s %8s   (target >= 1.8)\n' "ratio -j$threads / -j1" "$(py "round($jn / $j1, 2)")"
  printf '  %-28s %8s   (%s bytes of JSON)\n' "output bytes / input byte" \
    "$(py "round($ob1 / $bytes, 2)")" "$ob1"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'),"\
  "$(free -g | awk '/Mem:/ {print $2}') GB, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "kgextract $(git rev-parse --short HEAD 2>/dev/null || echo '?'), command: scripts/bench.sh $*"
echo
corpus_bytes=$(find "$corpus/txt" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
# The baseline reads the reports as one text (argument order does not matter for its speed).
mapfile -t reports < <(find "$corpus/txt" -type f | sort)
bench_input corpus "$corpus_bytes" "${reports[@]}"
echo
bench_input "one document" "$(stat -c %s "$doc")" "$doc"
echo
# What the host itself gives: $threads independent ICU passes at once against one alone (the
# best of 3 each). Two busy cores of a shared or hyperthreaded machine slow each other, so
# this, not $threads, is the ceiling of any program's -j$threads / -j1 here.
icu_seconds() { build/icu_word_baseline "$@" | sed 's/.*seconds=\([^ ]*\).*/\1/'; }
alone=""
for _ in 1 2 3; do
  t=$(icu_seconds "$doc")
  [[ -z "$alone" ]] || [[ $(py "int($t < $alone)") == 1 ]] && alone=$t
done
ceiling=0
for _ in 1 2 3; do
  for ((k = 0; k < threads; ++k)); do icu_seconds "$doc" > "$work/icu.$k" & done
  wait
  sum=0
  for ((k = 0; k < threads; ++k)); do sum=$(py "$sum + $alone / $(cat "$work/icu.$k")"); done
  [[ $(py "int($sum > $ceiling)") == 1 ]] && ceiling=$sum
done
printf '%s independent ICU passes at once: %s times one alone (the host'"'"'s ceiling for -j%s / -j1)\n' \
  "$threads" "$(py "round($ceiling, 2)")" "$threads"
echo
: > "$work/empty.txt"
best=""
for _ in 1 2 3 4 5; do
  t0=$(date +%s%N)
  build/kgextract -q -o "$work/empty.json" "$work/empty.txt"
  ms=$((($(date +%s%N) - t0) / 1000000))
  [[ -z "$best" || "$ms" -lt "$best" ]] && best=$ms
done
printf 'start-up (empty input, best of 5): %s ms (target < 150)\n' "$best"

if [[ "${MICRO:-1}" == 1 ]]; then
  echo
  echo "per-stage micro-benchmarks (build/kg_microbench, data/samples/techsummit-lisbon-2025.txt):"
  build/kg_microbench --benchmark_min_time=0.2
fi
