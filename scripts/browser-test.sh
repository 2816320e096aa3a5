#!/usr/bin/env bash
# Browser test of the web page (Tests/browser) against the real server:
# builds `newslens`, starts `newslens serve --public Public` on a free loopback port, runs the Selenium tests
# in headless Chromium, stops the server with SIGTERM. Screenshots: .build/browser-test/*.png
#   scripts/browser-test.sh              # as CI runs it
#   scripts/browser-test.sh --url URL    # against a server you started yourself (nothing is built)
# Needs: chromium and chromium-driver (Debian), selenium and pytest (PyPI).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=.build/browser-test
mkdir -p "$OUT"
log() { printf '[browser-test] %s\n' "$*"; }

missing=()
command -v chromium >/dev/null || missing+=("chromium (apt-get install -y chromium)")
command -v chromedriver >/dev/null || missing+=("chromedriver (apt-get install -y chromium-driver)")
python3 -c 'import selenium, pytest' 2>/dev/null || missing+=("selenium and pytest (pip install selenium pytest)")
if ((${#missing[@]})); then
  printf '[browser-test] missing: %s\n' "${missing[@]}" >&2
  exit 1
fi

if [[ "${1:-}" == "--url" ]]; then
  export NEWSLENS_URL="${2:?--url needs an address}"
  exec python3 -m pytest Tests/browser -q -p no:cacheprovider
fi

log "building newslens"
swift build --product newslens 2>&1 | tail -n 1
BIN="$(swift build --show-bin-path)/newslens"
PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
log "starting newslens serve on 127.0.0.1:$PORT"
"$BIN" serve --host 127.0.0.1 --port "$PORT" --public Public >"$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill -KILL "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 150); do
  "$BIN" healthcheck --port "$PORT" >/dev/null 2>&1 && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$OUT/server.log"; log "the server exited while starting"; exit 1; }
  sleep 0.1
done

set +e
NEWSLENS_URL="http://127.0.0.1:$PORT" NEWSLENS_BIN="$BIN" python3 -m pytest Tests/browser -q -p no:cacheprovider
result=$?
kill -TERM "$SERVER"
wait "$SERVER"
stopped=$?
set -e
trap - EXIT
log "server stopped with exit status $stopped; screenshots in $OUT/"
if ((stopped != 0)); then
  tail -n 20 "$OUT/server.log"
  log "the server did not exit cleanly on SIGTERM"
  exit 1
fi
exit "$result"
