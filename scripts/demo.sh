#!/usr/bin/env bash
# The one command for a fresh machine: installs what is missing, builds the
# WebAssembly package and serves the demo on localhost.
#   PORT=8080 bash scripts/demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
port="${PORT:-8080}"
echo
echo "sourcelight demo: open http://127.0.0.1:$port/ (Ctrl-C stops the server)"
exec python3 scripts/serve.py dist --port "$port"
