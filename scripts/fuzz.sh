#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz and fuzzes each for SECONDS (default 30), starting
# from its seed corpus tests/fuzz/corpus/TARGET (inputs it finds go to BUILD/corpus/TARGET).
# The targets come from the "asan" preset (clang -O1, ASan + UBSan, libFuzzer coverage; in
# build-asan/, which scripts/test.sh has built: CI fuzzes without a third build), or with
# FUZZ_PRESET=fuzz from the "fuzz" preset (-O2, build-fuzz/: more inputs a second for long
# runs). Exits non-zero on a crash, a sanitizer report, a leak, an input slower than 10 s
# (-timeout) or one that needs more than 2 GB (-rss_limit_mb); the input is kept as
# BUILD/artifacts/TARGET-crash-...: copy it into tests/fuzz/regressions/TARGET/ once fixed (the
# fuzz_replay_* tests replay them).
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]   # targets: pipeline node_link_json rules gazetteer
#   NICE=19 JOBS=1 scripts/fuzz.sh 600      # in the background, at low priority
#   FUZZ_FORKS=2 scripts/fuzz.sh 600        # two fuzzing processes per target
#   FUZZ_PARALLEL=2 scripts/fuzz.sh 60      # two targets at a time, each for its 60 s (CI)
#   FUZZ_PRESET=fuzz scripts/fuzz.sh 3600   # an hour a target, -O2 build
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
seconds="${1:-30}"
shift || true
targets=("$@")
((${#targets[@]})) || targets=(pipeline node_link_json rules gazetteer)
nice_level="${NICE:-0}"

command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ is not installed (scripts/install_deps.sh)" >&2; exit 1; }
preset="${FUZZ_PRESET:-asan}"
case "$preset" in
  asan) build=build-asan ;;
  fuzz) build=build-fuzz ;;
  *) echo "fuzz.sh: FUZZ_PRESET is asan or fuzz, not '$preset'" >&2; exit 2 ;;
esac
cmake --preset "$preset" -G Ninja >/dev/null
nice -n "$nice_level" cmake --build "$build" -j"${JOBS:-2}" --target \
  "${targets[@]/#/fuzz_}"

mkdir -p "$build/artifacts"
failed=()
# Fuzzes one target; the status is the fuzzer's.
fuzz_one() {
  local t=$1 fork=()
  [[ -n "${FUZZ_FORKS:-}" ]] && fork=(-fork="$FUZZ_FORKS")
  ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1" \
    UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
    nice -n "$nice_level" "$build/tests/fuzz/fuzz_$t" -max_total_time="$seconds" \
    -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 "${fork[@]}" \
    -artifact_prefix="$build/artifacts/fuzz_$t-" \
    "$build/corpus/fuzz_$t" "tests/fuzz/corpus/fuzz_$t" \
    > "$build/fuzz_$t.log" 2>&1
}
# Waits for the targets started, then says how each went.
running=()
pids=()
finish() {
  for i in "${!running[@]}"; do
    local t=${running[$i]}
    if ! wait "${pids[$i]}"; then
      failed+=("fuzz_$t")
      tail -40 "$build/fuzz_$t.log"
    fi
    echo -n "fuzz_$t: "
    grep -E "^stat::(number_of_executed_units|new_units_added)|Done [0-9]+ runs" \
      "$build/fuzz_$t.log" | tr '\n' ' '
    echo
  done
  running=()
  pids=()
}
for t in "${targets[@]}"; do
  mkdir -p "$build/corpus/fuzz_$t"
  echo "==> fuzz_$t for ${seconds} s"
  fuzz_one "$t" &
  running+=("$t")
  pids+=($!)
  ((${#running[@]} < ${FUZZ_PARALLEL:-1})) || finish
done
finish
if ((${#failed[@]})); then
  echo "fuzz.sh: FAILED: ${failed[*]} (inputs in $build/artifacts/)"
  exit 1
fi
echo "fuzz.sh: no crash, leak or timeout in ${#targets[@]} targets x ${seconds} s"
