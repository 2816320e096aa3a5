# Sourced by the scripts that check a running `newslens serve` (eval-server.sh, schemathesis.sh,
# browser-test.sh): builds the debug binary, starts it on a free loopback port and waits for /readyz.
# The caller defines log() and OUT. start_newslens sets BIN, PORT, URL and SERVER and kills the server if
# the script exits early; stop_newslens sends SIGTERM, waits, and sets STOPPED to the exit status.

start_newslens() {  # extra `serve` arguments...
  log "building newslens"
  swift build --product newslens 2>&1 | tail -n 1
  BIN="$(swift build --show-bin-path)/newslens"
  PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  URL="http://127.0.0.1:$PORT"
  "$BIN" serve --host 127.0.0.1 --port "$PORT" "$@" >"$OUT/server.log" 2>&1 &
  SERVER=$!
  trap 'kill -KILL "$SERVER" 2>/dev/null || true' EXIT
  for _ in $(seq 1 300); do
    curl -fsS "$URL/readyz" >/dev/null 2>&1 && return 0
    kill -0 "$SERVER" 2>/dev/null || { cat "$OUT/server.log"; log "the server exited while starting"; exit 1; }
    sleep 0.1
  done
}

stop_newslens() {
  kill -TERM "$SERVER"
  set +e
  wait "$SERVER"
  STOPPED=$?
  set -e
  trap - EXIT
}
