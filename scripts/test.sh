#!/usr/bin/env bash
# The test command: installs the dependencies, builds the release preset (build/) and runs every
# test, then builds the asan preset (build-asan/: clang -O1 with AddressSanitizer,
# UndefinedBehaviorSanitizer and libFuzzer coverage, so that scripts/fuzz.sh reuses it)
# and runs every test again under the sanitizers. Exits non-zero when a build or a test fails.
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

# Configures, builds and tests one preset; records a failure instead of stopping, so that one
# run reports both halves.
run_preset() {
  local preset=$1
  step "configure and build the $preset preset"
  if ! cmake --preset "$preset" -G Ninja >/dev/null || ! cmake --build --preset "$preset" -j"$jobs"; then
    failed+=("$preset build")
    return
  fi
  step "ctest --preset $preset"
  ctest --preset "$preset" --parallel "$jobs" || failed+=("$preset tests")
}

step "install dependencies"
scripts/install_deps.sh

# The code style (Google, 100 columns; .clang-format) is part of the suite.
step "clang-format --dry-run --Werror"
mapfile -t sources < <(git ls-files '*.cc' '*.h' 2>/dev/null ||
                       find pipeline extractors graph tests bench -name '*.cc' -o -name '*.h')
clang-format --dry-run --Werror "${sources[@]}" || failed+=("clang-format")

run_preset release
if [[ "${SKIP_ASAN:-0}" == 1 ]]; then
  step "SKIP_ASAN=1: not building the asan preset"
else
  run_preset asan
fi

echo
if ((${#failed[@]})); then
  echo "test.sh: FAILED: ${failed[*]} ($((SECONDS - start)) s, CPU $(cpu) s)"
  exit 1
fi
echo "test.sh: all passed ($((SECONDS - start)) s, CPU $(cpu) s)"
