#!/usr/bin/env bash
# Installs what building and testing sourcelight needs, and skips whatever
# is already there, so running it twice costs seconds. Everything comes from
# the package registries (crates.io, npm, Debian); nothing is downloaded
# from elsewhere. See ../shared/TOOLCHAIN.md for why each step is done so.
set -euo pipefail
cd "$(dirname "$0")/.."

have() { command -v "$1" >/dev/null 2>&1; }
step() { printf '\n==> %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  step "Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! have wasm-pack; then
  step "wasm-pack (cargo install, about 2 minutes)"
  cargo install --locked wasm-pack
fi

# wasm-pack would download wasm-bindgen from GitHub; give it the one that
# matches Cargo.lock instead (installs without --locked: see TOOLCHAIN.md).
want=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $want"; then
  step "wasm-bindgen-cli $want (cargo install, about 2 minutes)"
  cargo install --force wasm-bindgen-cli --version "$want"
fi

missing=()
have chromium || missing+=(chromium)
have chromedriver || missing+=(chromium-driver)
have firefox || have firefox-esr || missing+=(firefox-esr)
if [ ${#missing[@]} -gt 0 ]; then
  step "Debian packages: ${missing[*]}"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi

if ! have geckodriver; then
  step "geckodriver (cargo install, about 90 seconds)"
  cargo install --locked geckodriver
fi

# binaryen (wasm-opt and wasm2js for release builds), terser (minifies the
# package's JavaScript), playwright-core (end-to-end tests, driving the
# system's Chromium: no browser download), typescript (the check of the
# package's types), and for tests/e2e/speed.mjs only, compromise, retext,
# retext-intensify and esbuild (to bundle them into its page).
# The lock file installed last is kept beside the packages, to tell when
# the lock has changed since.
if ! cmp -s package-lock.json node_modules/.installed-lock.json 2>/dev/null; then
  step "npm packages (binaryen, terser, playwright-core, typescript; compromise, retext, esbuild for the speed benchmark)"
  npm ci --no-audit --no-fund
  cp package-lock.json node_modules/.installed-lock.json
fi
