#!/usr/bin/env bash
# Builds the release WebAssembly package into www/pkg (for the demo) and
# prints its size, raw and gzipped. Run scripts/setup.sh first.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"   # wasm-opt from npm's binaryen

wasm-pack build --target web --profile wasm-release --out-dir www/pkg --no-pack >/dev/null 2>build.log || { cat build.log; exit 1; }
rm -f build.log
raw=$(stat -c %s www/pkg/sourcelight_bg.wasm)
gz=$(gzip -9 -c www/pkg/sourcelight_bg.wasm | wc -c)
js=$(gzip -9 -c www/pkg/sourcelight.js | wc -c)
printf 'www/pkg/sourcelight_bg.wasm: %d bytes raw, %d bytes gzipped (+ %d bytes gzipped JS glue)\n' "$raw" "$gz" "$js"
