#!/usr/bin/env bash
# Installs the Debian packages that kgextract needs to build and test. Idempotent: when every
# package is already installed it does not touch apt at all; otherwise it runs `apt-get update`
# once and installs only the missing ones. Needs root (or sudo) when something is missing.
#
#   scripts/install_deps.sh
#   scripts/install_deps.sh --list   # print the Debian packages, one a line, and do nothing else
#                                    # (tests/deps_test.py checks the tests' programs against it)
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config     # toolchain
  clang-format                         # the code style check of scripts/test.sh
  libicu-dev                           # ICU: UTF-8 checks, word and sentence breaking
  libre2-dev                           # RE2: the rule engines
  libboost-graph-dev                   # Boost.Graph: the knowledge graph
  nlohmann-json3-dev                   # nlohmann_json: the node-link JSON export, JSON Lines input
  libcmark-gfm-dev libcmark-gfm-extensions-dev  # cmark-gfm: Markdown input (CommonMark + tables)
  libgumbo-dev                         # gumbo: HTML5 input
  zlib1g-dev                           # zlib: gzip-compressed input
  libgoogle-perftools-dev              # tcmalloc: a faster allocator for the CLI
  time                                 # /usr/bin/time: peak memory in scripts/bench.sh
  libbenchmark-dev                     # Google Benchmark: bench/microbench.cc (scripts/bench.sh)
  libgtest-dev libgmock-dev            # GoogleTest: unit tests
  python3 python3-networkx             # CLI tests; NetworkX round trip of the exports
  libxml2-utils                        # xmllint: GraphML and GEXF schema validation in the tests
  libgraphviz-dev                      # Graphviz (libgvc, libcgraph): kgextract render
  graphviz                             # dot: the DOT and SVG round trips in the tests
  fonts-dejavu-core                    # the font of the pictures ("DejaVu Sans")
  python3-igraph                       # python-igraph: GraphML round trip in the tests
  chromium                             # headless browser test of the HTML viewer (driven by
                                       # tests/js's playwright-core, which runs on Debian's Node 18)
  iso-codes wamerican                  # sources of data/gazetteers and data/lexicon
  clang libclang-rt-14-dev             # the asan preset (clang) and libFuzzer: scripts/fuzz.sh
  llvm                                 # llvm-symbolizer: the clang sanitizers' stack traces and
                                       # LeakSanitizer's suppressions (without it they warn)
)

installed() {
  [[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" == "installed" ]]
}

# --list: every package this script may install (nodejs and npm included).
if [[ "${1:-}" == "--list" ]]; then
  printf '%s\n' "${packages[@]}" nodejs npm
  exit 0
fi

# Node.js and npm fetch the viewer's JavaScript library (graph/viewer) and the test readers
# (tests/js). A Node.js that is already installed (say from NodeSource) is used as it is:
# Debian's npm package would conflict with it.
command -v npm >/dev/null || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  installed "$p" || missing+=("$p")
done

# The npm packages, at the versions of the committed package-lock.json files.
npm_install() {
  local dir
  for dir in graph/viewer tests/js; do
    if [[ ! -d "$repo/$dir/node_modules" || "$repo/$dir/package-lock.json" -nt "$repo/$dir/node_modules" ]]; then
      echo "install_deps: npm ci in $dir"
      (cd "$repo/$dir" && npm ci --no-audit --no-fund --loglevel=error) && touch "$repo/$dir/node_modules"
    fi
  done
}
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if ((${#missing[@]} == 0)); then
  echo "install_deps: all ${#packages[@]} packages are installed"
  npm_install
  exit 0
fi

sudo=()
if ((EUID != 0)); then
  command -v sudo >/dev/null || { echo "install_deps: run as root to install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
echo "install_deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
  "${missing[@]}"
npm_install
