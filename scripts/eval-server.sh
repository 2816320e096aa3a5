#!/usr/bin/env bash
# The shared checks that talk to a running server, against the real `newslens serve` (memory store) on a
# free loopback port:
#   - eval/score.py on every gold file of shared/corpus (POST /v1/analyze, text/plain),
#   - eval/aeb_eval.py (HTML article extraction through POST /v1/analyze, application/json {"html", "url"}),
#   - http/probe.py with --path /healthz --post-path /v1/analyze (RFC 9112 framing, limits, slow clients).
# Then SIGTERM, which must end the server with exit status 0.
# The shared material lives beside the clone (../shared, ../../shared for a worktree, or SHARED=DIR);
# without it this script says so and exits 0, so a clone elsewhere still runs the rest of CI.
#   scripts/eval-server.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# ../shared beside a clone, or ../../shared for a worktree one level deeper (as the browser test looks).
SHARED="${SHARED:-}"
if [[ -z "$SHARED" ]]; then
  for candidate in ../shared ../../shared; do
    if [[ -d "$candidate/eval" ]]; then SHARED="$candidate"; break; fi
  done
  SHARED="${SHARED:-../shared}"
fi
OUT=.build/eval-server
log() { printf '[eval-server] %s\n' "$*"; }
if [[ ! -d "$SHARED/eval" || ! -f "$SHARED/http/probe.py" ]]; then
  log "skipped: the shared material ($SHARED/eval, $SHARED/http/probe.py) is not beside this clone"
  exit 0
fi
mkdir -p "$OUT"

. scripts/newslens-server.sh
start_newslens --log-level warning
failed=()

log "score.py on $SHARED/corpus"
python3 "$SHARED/eval/score.py" --server "$URL" "$SHARED"/corpus/*.gold.json >"$OUT/score.log" 2>&1 || failed+=(score.py)
grep -E '^FIGURE|passed' "$OUT/score.log" || true

log "aeb_eval.py (HTML through POST /v1/analyze)"
python3 "$SHARED/eval/aeb_eval.py" --server "$URL" >"$OUT/aeb.log" 2>&1 || failed+=(aeb_eval.py)
grep -E '^FIGURE aeb_(f1|precision|recall|requests_failed)|passed' "$OUT/aeb.log" || true

log "probe.py --path /healthz --post-path /v1/analyze"
python3 "$SHARED/http/probe.py" "127.0.0.1:$PORT" --path /healthz --post-path /v1/analyze >"$OUT/probe.log" 2>&1 || failed+=(probe.py)
grep -E '^FAIL|passed' "$OUT/probe.log" || true

stop_newslens
((STOPPED == 0)) || failed+=("SIGTERM exit status $STOPPED")
if ((${#failed[@]})); then
  log "FAILED: ${failed[*]} (logs in $OUT/)"
  exit 1
fi
log "ok"
