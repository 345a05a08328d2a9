#!/usr/bin/env bash
# Runs every test: installs what is missing, then
#   1. cargo test: the engine, the command line, the seed article's scores;
#   2. wasm-pack test in headless Chromium and Firefox: the DOM layer;
#   3. the release build (dist/, within the size budget), a build that
#      panics on purpose (for the test that sourcelight recovers), and a
#      TypeScript check of the npm package's types, as a user's project
#      sees them;
#   4. end-to-end tests: in headless Chromium (Playwright) the demo, the 48
#      shared pages and the checked lists, web components, drafts, a long
#      article, the embed, the bookmarklet and the extension; in headless
#      Firefox (geckodriver) the extension.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n==> %s\n' "$*"; }

# Runs a command with its output in a log; shows the test lines when it
# passes and the whole log when it fails.
quiet() {
  local log
  log=$(mktemp)
  if "$@" >"$log" 2>&1; then
    grep -E '^(test |test result)' "$log" || true
    rm -f "$log"
  else
    cat "$log"
    rm -f "$log"
    echo "FAILED: $*" >&2
    exit 1
  fi
}

step "cargo test (native)"
cargo test --quiet
cargo test --quiet --test seed -- --nocapture 2>/dev/null | sed -n '/scored by score.py/,/^documents/p'

step "wasm-pack test --headless --chrome"
quiet wasm-pack test --headless --chrome --chromedriver "$(command -v chromedriver)"

step "wasm-pack test --headless --firefox"
quiet wasm-pack test --headless --firefox --geckodriver "$(command -v geckodriver)"

step "release build"
bash scripts/build.sh

step "a build that panics on purpose (features panic-test, reinit), for tests/e2e/api.test.mjs"
quiet wasm-pack build --target web --dev --out-dir target/panic-pkg -- --features reinit,panic-test
cp src/web/index.js target/panic-pkg/

step "TypeScript check of the npm package (tsc --noEmit on tests/types/example.ts)"
types=target/types-check
rm -rf "$types" && mkdir -p "$types/node_modules/sourcelight"
tar -xzf dist/sourcelight-*.tgz --strip-components=1 -C "$types/node_modules/sourcelight"
cp tests/types/example.ts tests/types/tsconfig.json "$types/"
tsc -p "$types" && echo "types: ok"

step "end-to-end tests (headless Chromium with Playwright; the extension in headless Firefox too)"
node --test tests/e2e/

echo
echo "All tests passed in $(( $(date +%s) - started )) s."
