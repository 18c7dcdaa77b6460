#!/usr/bin/env bash
# Quality report: runs build/kgextract on the development reports of the evaluation kit
# (../shared/eval, or $KGEXTRACT_EVAL_DIR) and prints score.py's tables, then scores the entity
# mentions on WikiGold. A report, not a gate: exits 0 unless a --min-* threshold is missed.
#
#   scripts/eval.sh                      # every dev report (a .txt beside a .gold.json) + WikiGold
#   scripts/eval.sh --only 12,13,15      # ... and a table for the reports named 12*, 13*, 15*
#   scripts/eval.sh --verbose            # ... and every miss / false positive by cause, per
#                                        #     report, and per-rule hit counts (ONE-DOC flags)
#   scripts/eval.sh --no-wikigold --min-entity-f1 0.9 --min-relation-f1 0.8   # exit 1 below
#
# Options: --gold-dir DIR (default: EVAL/dev), --only LIST, --no-wikigold, --verbose,
# --min-entity-f1 F, --min-relation-f1 F, --keep (keep the outputs and print where they are).
# Exit status: 0 report written, 1 a threshold not met, 2 usage error or a tool failed.
# Uses build/kgextract as it is (builds it only when missing); python3, standard library only.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
eval_dir="${KGEXTRACT_EVAL_DIR:-$repo/../shared/eval}"
[[ -f "$eval_dir/score.py" || ! -f "$eval_dir/eval/score.py" ]] || eval_dir="$eval_dir/eval"
helper="$repo/scripts/eval_report.py"

usage() { sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
die() { echo "eval.sh: $*" >&2; exit 2; }

gold_dir="" only="" wikigold=1 verbose=0 keep=0 min_e="" min_r=""
while (($#)); do
  case "$1" in
    --gold-dir) gold_dir="${2:?--gold-dir needs a directory}"; shift ;;
    --gold-dir=*) gold_dir="${1#*=}" ;;
    --only) only="${2:?--only needs a comma list}"; shift ;;
    --only=*) only="${1#*=}" ;;
    --no-wikigold) wikigold=0 ;;
    --verbose|-v) verbose=1 ;;
    --keep) keep=1 ;;
    --min-entity-f1) min_e="${2:?--min-entity-f1 needs a number}"; shift ;;
    --min-entity-f1=*) min_e="${1#*=}" ;;
    --min-relation-f1) min_r="${2:?--min-relation-f1 needs a number}"; shift ;;
    --min-relation-f1=*) min_r="${1#*=}" ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
  shift
done
[[ -f "$eval_dir/score.py" ]] || die "no score.py in $eval_dir (set KGEXTRACT_EVAL_DIR to the evaluation kit)"
eval_dir="$(cd "$eval_dir" && pwd)"
gold_dir="$(cd "${gold_dir:-$eval_dir/dev}" 2>/dev/null && pwd)" || die "no such gold directory: ${gold_dir:-$eval_dir/dev}"

py="${PYTHON:-python3}"
"$py" -c '' 2>/dev/null || py=/usr/bin/python3
"$py" -c '' 2>/dev/null || die "python3 not found"
for v in "$min_e" "$min_r"; do
  [[ -z "$v" ]] || "$py" -c 'import sys; sys.exit(not 0 <= float(sys.argv[1]) <= 1)' "$v" 2>/dev/null ||
    die "a threshold is a number from 0 to 1, got '$v'"
done

# The binary is rebuilt often by others: build only when missing, then run a private copy so
# every document of this report sees the same build.
kg_src="$repo/build/kgextract"
if [[ ! -x "$kg_src" ]]; then
  echo "build/kgextract is missing: building it (release preset)" >&2
  (cd "$repo" && cmake --preset release -G Ninja >/dev/null && cmake --build build) >&2 ||
    die "the build failed"
fi
tmp="$(mktemp -d "${TMPDIR:-/tmp}/kgeval.XXXXXX")"
((keep)) || trap 'rm -rf "$tmp"' EXIT
cp "$kg_src" "$tmp/kgextract" || die "cannot copy $kg_src"
kg=("$tmp/kgextract" -q --data "${KGEXTRACT_DATA:-$repo/data}")
jobs="$(nproc 2>/dev/null || echo 2)"
start=$SECONDS
failures=0

# Runs kgextract on one report per process, $jobs at a time; a failure is reported, the
# document scored as empty and the exit status becomes 2.
extract_each() {  # OUTDIR TXT...
  local out=$1 f b
  shift
  for f; do
    while (($(jobs -rp | wc -l) >= jobs)); do wait -n || true; done
    b="$(basename "$f" .txt)"
    { "${kg[@]}" -j 1 -f json -o "$out/$b.json" "$f" 2>"$out/$b.err" ||
        { echo "$b: kgextract exited $?: $(head -c 300 "$out/$b.err")" >>"$out/FAILED"
          echo '{"nodes": [], "links": []}' >"$out/$b.json"; }; } &
  done
  wait
  if [[ -s "$out/FAILED" ]]; then
    sed 's/^/warning: /' "$out/FAILED" >&2
    failures=$((failures + $(wc -l <"$out/FAILED")))
  fi
}

# --- development reports -------------------------------------------------------------------
mkdir -p "$tmp/gold" "$tmp/dev"
txts=()
for g in "$gold_dir"/*.gold.json; do
  [[ -e "$g" ]] || continue
  b="$(basename "$g" .gold.json)"
  if [[ -f "$gold_dir/$b.txt" ]]; then
    ln -s "$g" "$tmp/gold/$b.gold.json"
    txts+=("$gold_dir/$b.txt")
  else
    echo "warning: $b.gold.json has no $b.txt beside it; left out" >&2
  fi
done
((${#txts[@]})) || die "no .txt + .gold.json pairs in $gold_dir"
extract_each "$tmp/dev" "${txts[@]}"

score=("$py" "$eval_dir/score.py" --system-dir "$tmp/dev")
echo "== Development reports: ${#txts[@]} in $gold_dir"
"${score[@]}" --gold-dir "$tmp/gold" || die "score.py failed"
"${score[@]}" --gold-dir "$tmp/gold" --json >"$tmp/dev.scores.json" 2>/dev/null ||
  die "score.py --json failed"
summary=("$py" "$helper" summary --dev "$tmp/dev.scores.json")

# --- a subset (--only 12,13,15: the reports whose names start with 12, 13 or 15) -----------
if [[ -n "$only" ]]; then
  mkdir -p "$tmp/subset"
  names=()
  IFS=',' read -ra prefixes <<<"$only"
  for p in "${prefixes[@]}"; do
    p="${p// /}"
    [[ -n "$p" ]] || continue
    hit=0
    for g in "$tmp/gold"/"$p"*.gold.json; do
      [[ -e "$g" ]] || continue
      hit=1
      b="$(basename "$g" .gold.json)"
      [[ -e "$tmp/subset/$b.gold.json" ]] || { ln -s "$(readlink "$g")" "$tmp/subset/"; names+=("$b"); }
    done
    ((hit)) || echo "warning: --only: no report name starts with '$p'" >&2
  done
  if ((${#names[@]})); then
    echo
    echo "== Subset --only $only: ${#names[@]} reports (${names[*]})"
    "${score[@]}" --gold-dir "$tmp/subset" || die "score.py failed"
    "${score[@]}" --gold-dir "$tmp/subset" --json >"$tmp/subset.scores.json" 2>/dev/null ||
      die "score.py --json failed"
    summary+=(--subset "$tmp/subset.scores.json" --subset-label "$only")
  fi
fi

# --- WikiGold (mention spans; one kgextract run over all its documents) ---------------------
if ((wikigold)); then
  conll="$eval_dir/wikigold/wikigold.conll.txt"
  tools=""
  for d in "$eval_dir" "$eval_dir/wikigold"; do
    [[ -f "$d/conll_to_docs.py" && -f "$d/score_mentions.py" ]] && { tools="$d"; break; }
  done
  echo
  if [[ -f "$conll" && -n "$tools" ]]; then
    "$py" "$tools/conll_to_docs.py" "$conll" "$tmp/wg" --prefix wikigold 2>/dev/null ||
      die "conll_to_docs.py failed"
    # Mentions carry their document, so one run over every document scores like one run per
    # document (checked: same figures) in a fraction of the time.
    # Every mention counts here: --mentions all (the default keeps 100 per node).
    if ! "${kg[@]}" --mentions all -f json -o "$tmp/wg.json" "$tmp/wg"/*.txt 2>"$tmp/wg.err"; then
      echo "warning: kgextract failed on WikiGold: $(head -c 300 "$tmp/wg.err")" >&2
      failures=$((failures + 1))
    fi
    "$py" "$tools/score_mentions.py" "$tmp/wg" "$tmp/wg.json" --json >"$tmp/wg.scores.json" ||
      die "score_mentions.py failed"
    "$py" "$helper" wikigold --combined "$tmp/wg.scores.json"
    summary+=(--wikigold "$tmp/wg.scores.json")
  else
    echo "WikiGold: skipped (no $conll, or no conll_to_docs.py / score_mentions.py in $eval_dir)"
  fi
fi

# --- every miss and false positive, and the rules behind them -------------------------------
if ((verbose)); then
  echo
  "$py" "$helper" analyse --score-py "$eval_dir/score.py" --gold-dir "$tmp/gold" \
    --system-dir "$tmp/dev" || die "the analysis failed"
fi

echo
echo "== Summary ($((SECONDS - start)) s; $("$tmp/kgextract" --version 2>&1 | head -1))"
[[ -n "$min_e" ]] && summary+=(--min-entity-f1 "$min_e")
[[ -n "$min_r" ]] && summary+=(--min-relation-f1 "$min_r")
((keep)) && echo "outputs kept in $tmp (dev/*.json, wg.json, *.scores.json)"
rc=0
"${summary[@]}" || rc=$?
if ((failures)); then
  echo "ERROR: kgextract failed $failures time(s) (see the warnings above); those documents scored as empty"
  rc=2
fi
exit "$rc"
