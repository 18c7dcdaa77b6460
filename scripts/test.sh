#!/usr/bin/env bash
# The test command: installs the dependencies, builds the release preset (build/) and runs every
# test, building the asan preset meanwhile (build-asan/: clang -O1 with AddressSanitizer,
# UndefinedBehaviorSanitizer and libFuzzer coverage, so that scripts/fuzz.sh reuses it), then
# runs every test again under the sanitizers. Exits non-zero when a build or a test fails.
#
#   scripts/test.sh              # everything (a few minutes on 2 cores)
#   SKIP_ASAN=1 scripts/test.sh  # the release half only
#   JOBS=4 scripts/test.sh       # build and test parallelism (default 2)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
jobs="${JOBS:-2}"
failed=()
start=$SECONDS

# CPU seconds (user + sys) of the finished child processes, from fields 16 and 17 of
# /proc/PID/stat (1/100 s): with other work on the machine, CPU time compares runs better than
# the wall clock does.
cpu() { local st; read -ra st < /proc/$$/stat; echo $(((st[15] + st[16]) / 100)); }
step() { echo; echo "==> $* ($((SECONDS - start)) s, CPU $(cpu) s)"; }

build_preset() {
  cmake --preset "$1" -G Ninja >/dev/null && cmake --build --preset "$1" -j"$jobs"
}

# Builds and tests one preset; records a failure instead of stopping, so that one run reports
# both halves. With a second preset, that one is built meanwhile, niced, its output kept in a
# log: the tests wait on subprocesses and browsers and leave about a core idle.
run_preset() {
  local preset=$1 next=${2:-} built=0 next_pid=""
  step "configure and build the $preset preset"
  build_preset "$preset" && built=1 || failed+=("$preset build")
  if [[ -n "$next" ]]; then
    nice -n 10 bash -c "$(declare -f build_preset); jobs=$jobs; build_preset $next" \
      > "$repo/.build-$next.log" 2>&1 &
    next_pid=$!
    echo "(building the $next preset meanwhile: .build-$next.log)"
  fi
  if ((built)); then
    step "ctest --preset $preset"
    ctest --preset "$preset" --parallel "$jobs" || failed+=("$preset tests")
  fi
  if [[ -n "$next_pid" ]]; then
    step "the $next preset's build, finishing"
    local status=0
    wait "$next_pid" || status=$?
    if ((status == 0)); then
      tail -n 2 "$repo/.build-$next.log"
    else
      cat "$repo/.build-$next.log"
      failed+=("$next build")
    fi
  fi
}

step "install dependencies"
scripts/install_deps.sh

# The code style (Google, 100 columns; .clang-format) is part of the suite.
step "clang-format --dry-run --Werror"
mapfile -t sources < <(git ls-files '*.cc' '*.h' 2>/dev/null ||
                       find pipeline extractors graph tests bench -name '*.cc' -o -name '*.h')
clang-format --dry-run --Werror "${sources[@]}" || failed+=("clang-format")

if [[ "${SKIP_ASAN:-0}" == 1 ]]; then
  run_preset release
  step "SKIP_ASAN=1: not building the asan preset"
else
  run_preset release asan
  if [[ " ${failed[*]} " != *" asan build "* ]]; then
    step "ctest --preset asan"
    ctest --preset asan --parallel "$jobs" || failed+=("asan tests")
  fi
fi

echo
if ((${#failed[@]})); then
  echo "test.sh: FAILED: ${failed[*]} ($((SECONDS - start)) s, CPU $(cpu) s)"
  exit 1
fi
echo "test.sh: all passed ($((SECONDS - start)) s, CPU $(cpu) s)"
