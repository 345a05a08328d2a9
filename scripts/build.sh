#!/usr/bin/env bash
# Builds the static distribution into dist/, ready to copy to any static
# host: the WebAssembly package (pkg/), the one-tag embed (embed.js), the
# bookmarklet and its install page, the browser extension (extension/),
# the demo, and the npm package (sourcelight-VERSION.tgz). Prints the
# sizes; fails above the size budget (the wasm and its JS glue at most
# 250 KB gzipped). Run scripts/setup.sh first.
#
#   bash scripts/build.sh [--base https://example.org/sourcelight/]
#
# --base is the address dist/ will be served from, written into the
# bookmarklet's install page; without it the page uses its own address.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"   # wasm-opt from npm's binaryen

base=""
while [ $# -gt 0 ]; do
  case "$1" in
    --base) base="${2:?--base needs a URL}"; shift 2 ;;
    --base=*) base="${1#--base=}"; shift ;;
    *) echo "build.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
case "$base" in ""|*/) ;; *) base="$base/" ;; esac

out=target/wasm-pkg
log=$(mktemp)
{
  wasm-pack build --target web --profile wasm-release --out-dir "$out" -- --features reinit
  cp src/web/index.js "$out"/
  # the JavaScript a page loads, minified like the wasm (the names it
  # exports stay as they are)
  for js in index.js sourcelight.js; do
    terser "$out/$js" --module --compress --mangle -o "$out/$js"
  done
  node scripts/package.mjs "$out"
} >"$log" 2>&1 || { cat "$log"; exit 1; }
rm -f "$log"

# The extension runs in pages whose Content-Security-Policy may forbid
# compiling WebAssembly, which Chromium applies to extensions' content
# scripts too; so the extension gets the same code as plain JavaScript,
# made by binaryen's wasm2js from a build without post-MVP features.
ext=target/extension-pkg
log=$(mktemp)
{
  CARGO_TARGET_DIR=target/mvp RUSTFLAGS="-C target-cpu=mvp" \
    cargo build --profile wasm-release --target wasm32-unknown-unknown --lib --quiet
  rm -rf "$ext" && mkdir -p "$ext"
  # std's objects claim reference types; without the claim wasm-bindgen
  # keeps to plain imports, which wasm2js can translate
  wasm-opt target/mvp/wasm32-unknown-unknown/wasm-release/sourcelight.wasm --strip-target-features \
    --enable-bulk-memory --enable-sign-ext --enable-mutable-globals --enable-nontrapping-float-to-int \
    --enable-reference-types --enable-multivalue -o "$ext/input.wasm"
  wasm-bindgen --target bundler --out-name sourcelight --no-typescript --out-dir "$ext" "$ext/input.wasm"
  wasm2js --enable-bulk-memory --enable-sign-ext --enable-mutable-globals --enable-nontrapping-float-to-int -Oz \
    "$ext/sourcelight_bg.wasm" -o "$ext/sourcelight_bg.wasm.js"
  sed -i 's#"./sourcelight_bg.wasm"#"./sourcelight_bg.wasm.js"#' "$ext/sourcelight.js"
  # wasm2js grows memory into a new buffer without detaching the old one:
  # the glue's views of memory must follow the buffer, not wait for a detach
  sed -i -e 's/cachedUint8ArrayMemory0\.byteLength === 0/cachedUint8ArrayMemory0.buffer !== wasm.memory.buffer/g' \
    -e 's/cachedDataViewMemory0\.buffer\.detached === true/cachedDataViewMemory0.buffer !== wasm.memory.buffer/g' \
    "$ext/sourcelight_bg.js"
  grep -q 'cachedUint8ArrayMemory0.buffer !== wasm.memory.buffer' "$ext/sourcelight_bg.js"
  grep -q 'cachedDataViewMemory0.buffer !== wasm.memory.buffer' "$ext/sourcelight_bg.js"
  if grep -Eq 'cached[A-Za-z0-9]+Memory0\.(byteLength === 0|buffer\.detached === true)' "$ext/sourcelight_bg.js"; then
    echo "build: a memory view in the glue still waits for a detach; extend the fix above" >&2
    exit 1
  fi
} >"$log" 2>&1 || { cat "$log"; exit 1; }
rm -f "$log"

rm -rf dist
mkdir -p dist/pkg dist/extension/pkg
cp www/*.html www/*.js www/*.css dist/
cp "$out"/index.js "$out"/sourcelight.js "$out"/sourcelight_bg.wasm "$out"/sourcelight.d.ts dist/pkg/
cp extension/* dist/extension/
cp src/web/index.js "$ext"/sourcelight.js "$ext"/sourcelight_bg.js "$ext"/sourcelight_bg.wasm.js dist/extension/pkg/
python3 scripts/icons.py dist/extension/icons
# the npm package, as `npm publish` would send it
npm pack --silent --pack-destination dist "./$out" >/dev/null
if [ -n "$base" ]; then
  sed -i "s|<meta name=\"sourcelight-base\" content=\"\">|<meta name=\"sourcelight-base\" content=\"$base\">|" dist/bookmarklet.html
fi

raw=$(stat -c %s dist/pkg/sourcelight_bg.wasm)
gz=$(gzip -9 -c dist/pkg/sourcelight_bg.wasm | wc -c)
js=$(cat dist/pkg/index.js dist/pkg/sourcelight.js | gzip -9 | wc -c)
total=$((gz + js))
budget=250000
printf 'dist/pkg/sourcelight_bg.wasm: %d bytes raw, %d bytes gzipped; JS glue %d bytes gzipped; together %d of %d bytes\n' \
  "$raw" "$gz" "$js" "$total" "$budget"
if [ "$total" -gt "$budget" ]; then
  echo "build.sh: over the size budget of $budget bytes gzipped" >&2
  exit 1
fi
