#!/usr/bin/env bash
# The VS Code extension's checks, one per ctest test:
#   vscode_test.sh typecheck | lint | unit OUT_DIR
#   vscode_test.sh package OUT_DIR PERFHINT | interop OUT_DIR PERFHINT
# Uses editors/vscode/node_modules as scripts/bootstrap installed it (npm ci); nothing is
# downloaded here.
set -euo pipefail
extension="$(cd "$(dirname "$0")/../../editors/vscode" && pwd)"
step=$1
# Paths given relative to the caller's directory stay valid after the cd below.
args=()
for arg in "${@:2}"; do args+=("$(realpath -m "$arg")"); done
set -- "$step" "${args[@]}"
if ! cmp -s "$extension/package-lock.json" "$extension/node_modules/.perfhint-lock-stamp"; then
  echo "FAIL: editors/vscode/node_modules is missing or stale; run scripts/bootstrap" >&2
  exit 1
fi
cd "$extension"

# Bundles each test file with esbuild (the sources are TypeScript) and runs them with node --test.
run_node_tests() {
  local out=$1
  shift
  mkdir -p "$out"
  local bundles=()
  for name in "$@"; do
    node scripts/bundle.mjs --test "test/$name.test.ts" "$out/$name.test.js"
    bundles+=("$out/$name.test.js")
  done
  node --test --test-reporter=spec "${bundles[@]}"
}

case $step in
  typecheck) node_modules/.bin/tsc --noEmit -p . ;;
  lint) npm run --silent lint ;;
  unit) run_node_tests "$2" binary settings ruleListing ;;
  interop)
    PERFHINT_BINARY=$3 PERFHINT_SAMPLE="$extension/../../tests/editors/sample.py" \
      run_node_tests "$2" interop
    ;;
  package)
    out=$2
    mkdir -p "$out"
    rm -f "$out/perfhint.vsix"
    node scripts/package.mjs --out "$out/perfhint.vsix"
    # The package holds the manifest, the README and the bundle; with --binary also bin/perfhint,
    # executable.
    check_vsix() {
      python3 - "$@" <<'PYTHON'
import sys, zipfile
archive = zipfile.ZipFile(sys.argv[1])
expected = sorted(['[Content_Types].xml', 'extension.vsixmanifest', 'extension/dist/extension.js',
                   'extension/package.json', 'extension/readme.md'] + sys.argv[2:])
names = sorted(archive.namelist())
if names != expected:
    sys.exit(f"FAIL: {sys.argv[1]} holds {names}, expected {expected}")
for name in sys.argv[2:]:
    if not (archive.getinfo(name).external_attr >> 16) & 0o100:
        sys.exit(f"FAIL: {name} in {sys.argv[1]} is not executable")
PYTHON
    }
    check_vsix "$out/perfhint.vsix"
    rm -f "$out/perfhint-linux-x64.vsix"
    node scripts/package.mjs --out "$out/perfhint-linux-x64.vsix" --binary "$3" --target linux-x64
    check_vsix "$out/perfhint-linux-x64.vsix" extension/bin/perfhint
    [[ ! -e bin ]] || { echo "FAIL: packaging left editors/vscode/bin behind" >&2; exit 1; }
    # Loading the bundle with a stand-in for the editor's `vscode` module proves it is complete.
    node -e "
      const Module = require('module');
      const stub = new Proxy(function () {}, {
        get: (target, key) => (key === 'prototype' ? {} : stub),
        apply: () => stub,
        construct: () => stub,
      });
      const load = Module._load;
      Module._load = (request, ...rest) => (request === 'vscode' ? stub : load(request, ...rest));
      let extension;
      try {
        extension = require('./dist/extension.js');
      } catch (error) {
        console.error('FAIL: dist/extension.js does not load: ' + error.message);
        process.exit(1);
      }
      if (typeof extension.activate !== 'function' || typeof extension.deactivate !== 'function') {
        console.error('FAIL: dist/extension.js exports no activate/deactivate');
        process.exit(1);
      }
    "
    echo "packaged $out/perfhint.vsix"
    ;;
  *)
    echo "unknown step $step" >&2
    exit 2
    ;;
esac
