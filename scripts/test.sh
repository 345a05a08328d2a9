#!/usr/bin/env bash
# Runs every test: installs what is missing, then
#   1. cargo test: the engine, the command line, the seed article's scores;
#   2. wasm-pack test in headless Chromium and Firefox: the DOM layer;
#   3. Playwright end-to-end tests of the demo in headless Chromium.
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

step "end-to-end tests (Playwright, headless Chromium)"
node --test tests/e2e/

echo
echo "All tests passed in $(( $(date +%s) - started )) s."
