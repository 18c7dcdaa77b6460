#!/usr/bin/env bash
# Installs the Debian packages that kgextract needs to build and test. Idempotent: when every
# package is already installed it does not touch apt at all; otherwise it runs `apt-get update`
# once and installs only the missing ones. Needs root (or sudo) when something is missing.
#
#   scripts/install_deps.sh
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config     # toolchain
  clang-format                         # the code style check of scripts/test.sh
  libicu-dev                           # ICU: UTF-8 checks, word and sentence breaking
  libre2-dev                           # RE2: the rule engines
  libboost-graph-dev                   # Boost.Graph: the knowledge graph
  nlohmann-json3-dev                   # nlohmann_json: the node-link JSON export
  libgoogle-perftools-dev              # tcmalloc: a faster allocator for the CLI
  time                                 # /usr/bin/time: peak memory in scripts/bench.sh
  libgtest-dev libgmock-dev            # GoogleTest: unit tests
  python3 python3-networkx             # CLI tests; NetworkX round trip of the exports
  libxml2-utils                        # xmllint: GraphML schema validation in the tests
  iso-codes wamerican                  # sources of data/gazetteers and data/lexicon
)

installed() {
  [[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" == "installed" ]]
}

missing=()
for p in "${packages[@]}"; do
  installed "$p" || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  echo "install_deps: all ${#packages[@]} packages are installed"
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
