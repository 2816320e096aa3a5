#!/usr/bin/env bash
# Schemathesis (PyPI) against the live server's /openapi.json: builds `newslens`, starts
# `newslens serve` (memory store, web page from Public/) on a free loopback port, runs
# `st run --checks all` (every phase: examples, coverage, fuzzing, stateful; positive and negative data),
# then stops the server with SIGTERM and requires it to exit 0.
#   scripts/schemathesis.sh                  # as CI runs it
#   scripts/schemathesis.sh --max-examples 300
# Installs schemathesis with pip when `st` is missing. Settings: scripts/schemathesis.toml.
# Log and server output: .build/schemathesis/
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=.build/schemathesis
mkdir -p "$OUT"
log() { printf '[schemathesis] %s\n' "$*"; }

MAX_EXAMPLES=100
if [[ "${1:-}" == "--max-examples" ]]; then MAX_EXAMPLES="${2:?--max-examples needs a number}"; fi

if ! command -v st >/dev/null; then
  log "installing schemathesis (pip)"
  python3 -m pip install -q schemathesis
fi
log "$(st --version)"

. scripts/newslens-server.sh
start_newslens --public Public --log-level warning
log "newslens serve on 127.0.0.1:$PORT; st run --checks all --max-examples $MAX_EXAMPLES"

set +e
# One worker: schemathesis' generator is not thread-safe on every Python (spurious internal errors).
st --no-color --config-file scripts/schemathesis.toml run "http://127.0.0.1:$PORT/openapi.json" \
  --checks all --mode all --workers 1 --max-examples "$MAX_EXAMPLES" 2>&1 | tee "$OUT/st.log"
result=${PIPESTATUS[0]}
stop_newslens
if ((STOPPED != 0)); then
  tail -n 20 "$OUT/server.log"
  log "the server did not exit cleanly on SIGTERM (status $STOPPED)"
  exit 1
fi
if ((result != 0)); then
  log "FAILED: schemathesis found problems (log: $OUT/st.log)"
  exit "$result"
fi
log "ok: no failures"
