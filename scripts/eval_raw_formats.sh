#!/usr/bin/env bash
# Raw formats against their text twins: for every development report of the evaluation kit
# (../shared/eval/dev, or $KGEXTRACT_EVAL_DIR/dev) that comes with its raw .md or .html, runs
# build/kgextract on the raw file and on the .txt twin, scores both with score.py against the
# same gold, and prints the two overall tables. A report, not a gate: exits 0 when it ran.
#
#   scripts/eval_raw_formats.sh          # needs build/kgextract
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
eval_dir="${KGEXTRACT_EVAL_DIR:-$repo/../shared/eval}"
dev="$eval_dir/dev"
[[ -f "$eval_dir/score.py" && -d "$dev" ]] || { echo "eval_raw_formats.sh: no $eval_dir/score.py" >&2; exit 2; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/gold" "$tmp/raw" "$tmp/txt"
for raw in "$dev"/*.md "$dev"/*.html; do
  [[ -e "$raw" ]] || continue
  name="$(basename "${raw%.*}")"
  [[ -f "$dev/$name.txt" && -f "$dev/$name.gold.json" ]] || continue
  ln -s "$dev/$name.gold.json" "$tmp/gold/$name.gold.json"
  "$repo/build/kgextract" -q -f json -o "$tmp/raw/$name.json" "$raw"
  "$repo/build/kgextract" -q -f json -o "$tmp/txt/$name.json" "$dev/$name.txt"
done
for kind in txt raw; do
  echo "== $kind"
  python3 "$eval_dir/score.py" --gold-dir "$tmp/gold" --system-dir "$tmp/$kind"
done
