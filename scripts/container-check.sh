#!/usr/bin/env bash
# Proves the Dockerfile's two stages without a Docker engine:
#   1. build the release binary exactly as the build stage does;
#   2. make a minimal Debian bookworm root (debootstrap --variant=minbase) holding only the packages the run
#      stage installs, add the same non-root user, copy binary + resource bundles + Public/ as the Dockerfile;
#   3. in a private network namespace, chroot in as that user with the image's environment, start the server,
#      call /healthz, /, /v1/analyze and `newslens healthcheck`, stop it with SIGTERM, expect exit status 0.
# The Debian root is cached under .build/container-root (git-ignored); delete it to start over.
# Needs root, debootstrap (apt-get install debootstrap), util-linux unshare, iproute2, curl.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$(pwd)"
DOCKERFILE="$REPO/Dockerfile"
ROOT="${CONTAINER_ROOT:-$REPO/.build/container-root}"
LOG="$REPO/.build/container-check"
log() { printf '[container-check] %s\n' "$*"; }
fail() { printf '[container-check] FAIL: %s\n' "$*" >&2; exit 1; }

# What the Dockerfile says, read from its "container-check:" lines and ENV lines so the two cannot drift.
marked() { sed -n "s/^# container-check: $1 //p" "$DOCKERFILE" | head -n1; }
BUILD_CMD="$(marked 'swift')"; BUILD_CMD="swift $BUILD_CMD"
PACKAGES="$(marked packages)"
read -r RUN_USER RUN_UID <<<"$(marked user)"
mapfile -t IMAGE_ENV < <(sed -n 's/^ENV \([A-Z_]*=[^ ]*\)$/\1/p' "$DOCKERFILE")
[[ -n "$PACKAGES" && -n "$RUN_USER" && ${#IMAGE_ENV[@]} -gt 0 ]] || fail "could not read the Dockerfile's marked lines"
PORT="$(printf '%s\n' "${IMAGE_ENV[@]}" | sed -n 's/^NEWSLENS_PORT=//p')"
PORT="${PORT:-8080}"

if [[ "${1:-}" != "--inside-netns" ]]; then
  [[ $(id -u) -eq 0 ]] || fail "run as root (debootstrap and chroot need it)"
  for tool in debootstrap unshare ip curl; do
    command -v "$tool" >/dev/null || fail "$tool is missing (Debian: apt-get install -y debootstrap util-linux iproute2 curl)"
  done

  # ---- 1. build stage ----
  log "build stage: $BUILD_CMD"
  $BUILD_CMD 2>&1 | grep -v "warning: the use of \`mktemp'" | tail -n 3
  BIN_DIR="$($BUILD_CMD --show-bin-path | tail -n1)"
  STAGING="$LOG/staging"
  rm -rf "$STAGING"; mkdir -p "$STAGING"
  cp "$BIN_DIR/newslens" "$STAGING/"
  cp -R "$BIN_DIR"/*.resources "$STAGING/"
  strip "$STAGING/newslens"
  log "staged: $(cd "$STAGING" && ls -d -- * | tr '\n' ' ')($(du -sh "$STAGING/newslens" | cut -f1) binary)"

  # ---- 2. run stage root ----
  STAMP="$ROOT/.newslens-packages"
  if [[ ! -f "$STAMP" || "$(cat "$STAMP")" != "$PACKAGES" ]]; then
    # The mirror this machine's apt already uses (deb822 or one-line sources).
    MIRROR="$(sed -n 's/^URIs: *\([^ ]*\).*/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | grep -v security | head -n1 || true)"
    [[ -n "$MIRROR" ]] || MIRROR="$(awk '$1=="deb" && $2 !~ /security/ {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)"
    [[ -n "$MIRROR" ]] || fail "no Debian mirror found in /etc/apt/sources.list*"
    log "run stage: debootstrap --variant=minbase bookworm with: $PACKAGES (mirror from apt sources)"
    rm -rf "$ROOT"; mkdir -p "$(dirname "$ROOT")" "$LOG"
    debootstrap --variant=minbase --include="$(tr ' ' ',' <<<"$PACKAGES")" bookworm "$ROOT" "$MIRROR" \
      >"$LOG/debootstrap.log" 2>&1 || { tail -n 20 "$LOG/debootstrap.log"; fail "debootstrap failed"; }
    chroot "$ROOT" apt-get clean
    echo "$PACKAGES" >"$STAMP"
  else
    log "run stage: reusing cached root $ROOT"
  fi
  for pkg in $PACKAGES; do
    chroot "$ROOT" dpkg-query -W -f='${Status}\n' "$pkg" 2>/dev/null | grep -q "install ok installed" \
      || fail "package $pkg is not installed in the root"
  done
  # As the Dockerfile: user and group, /data owned by them, /app with binary, bundles and Public/.
  if ! chroot "$ROOT" id -u "$RUN_USER" >/dev/null 2>&1; then
    chroot "$ROOT" groupadd --gid "$RUN_UID" "$RUN_USER"
    chroot "$ROOT" useradd --uid "$RUN_UID" --gid "$RUN_USER" --home-dir /app --no-create-home \
      --shell /usr/sbin/nologin "$RUN_USER"
  fi
  rm -rf "$ROOT/app" "$ROOT/data"
  mkdir -p "$ROOT/app" "$ROOT/data"
  chroot "$ROOT" chown "$RUN_USER:$RUN_USER" /data
  cp -R "$STAGING"/. "$ROOT/app/"
  cp -R "$REPO/Public" "$ROOT/app/Public"
  missing="$(chroot "$ROOT" ldd /app/newslens | grep 'not found' || true)"
  [[ -z "$missing" ]] || fail "libraries missing in the run stage: $missing"
  log "shared libraries: $(chroot "$ROOT" ldd /app/newslens | awk '{print $1}' | tr '\n' ' ')"

  # ---- 3. run it, isolated like a container: own network namespace, /proc mounted ----
  exec unshare --net --mount --fork -- bash "$0" --inside-netns
fi

# ---- inside the private network and mount namespaces ----
ip link set lo up
mount -t proc proc "$ROOT/proc"
mount --make-private /proc 2>/dev/null || true
[[ -e "$ROOT/dev/null" ]] || mount --bind /dev "$ROOT/dev"
OUT="$LOG/server.log"
SAMPLE="$REPO/Tests/browser/fixtures/ferry-article.txt"
# A command as the image's user, in WORKDIR /app, with exactly the image's environment. Each step execs the
# next, so a background job's $! is the final process itself.
IN_IMAGE=(chroot --userspec="$RUN_UID:$RUN_UID" "$ROOT" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=/app
  "${IMAGE_ENV[@]}" /bin/sh -c 'cd /app && exec "$@"' sh)

# The engine's resource bundle must be found beside the moved binary (the build folder is not in the root).
"${IN_IMAGE[@]}" /app/newslens analyze - <"$SAMPLE" >"$LOG/analyze-cli.json" 2>"$LOG/analyze-cli.err" \
  || { cat "$LOG/analyze-cli.err"; fail "newslens analyze failed inside the image"; }
cli="$(python3 - "$LOG/analyze-cli.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
assert a["quotes"] and a["participants"], "no quotes or no participants: resources not found?"
print("%d quotes, %d participants" % (len(a["quotes"]), len(a["participants"])))
PY
)" || fail "newslens analyze inside the image gave no usable analysis"
log "newslens analyze inside the image (resources found beside the binary): $cli"

log "starting: newslens serve as $RUN_USER (uid $RUN_UID) with ${IMAGE_ENV[*]}"
"${IN_IMAGE[@]}" /app/newslens serve >"$OUT" 2>&1 &
SERVER=$!
cleanup() { kill -KILL "$SERVER" 2>/dev/null || true; umount "$ROOT/proc" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$OUT"; fail "the server exited while starting"; }
  sleep 0.1
done

# chroot, env and sh each exec the next, so $SERVER is the newslens process itself.
[[ "$(readlink "/proc/$SERVER/exe")" == */app/newslens ]] || fail "process $SERVER is not /app/newslens"
uid="$(awk '/^Uid:/ {print $2}' "/proc/$SERVER/status")"
[[ "$uid" == "$RUN_UID" ]] || fail "the server runs as uid $uid, not $RUN_UID"
listen="$(ss -ltnH "sport = :$PORT" 2>/dev/null | awk '{print $4}' | head -n1 || true)"
log "pid $SERVER listening on ${listen:-?} as uid $uid ($RUN_USER)"
[[ -z "$listen" || "$listen" == "0.0.0.0:$PORT" || "$listen" == "*:$PORT" ]] || fail "listens on $listen, not 0.0.0.0"

health="$(curl -fsS "http://127.0.0.1:$PORT/healthz")" || { cat "$OUT"; fail "GET /healthz failed"; }
log "GET /healthz -> $health"
page="$(curl -fsS "http://127.0.0.1:$PORT/")" || fail "GET / failed"
grep -q "<title>NewsLens</title>" <<<"$page" || fail "GET / did not serve Public/index.html"
log "GET / -> index.html ($(wc -c <<<"$page") bytes)"
status="$(curl -sS -o "$LOG/analyze.json" -w '%{http_code}' -H 'Content-Type: text/plain; charset=utf-8' \
  --data-binary "@$SAMPLE" "http://127.0.0.1:$PORT/v1/analyze")"
[[ "$status" == 200 ]] || { cat "$LOG/analyze.json"; echo; fail "POST /v1/analyze answered $status"; }
summary="$(python3 - "$LOG/analyze.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
quotes = a["quotes"]
assert a["article"]["paragraphs"], "no paragraphs"
assert quotes, "no quotes found (are the engine's resources found next to the binary?)"
speakers = sorted({q["speaker"]["name"] for q in quotes if q.get("speaker") and q["speaker"].get("name")})
print("%d paragraphs, %d quotes, speakers: %s" % (len(a["article"]["paragraphs"]), len(quotes), ", ".join(speakers) or "none"))
PY
)" || fail "POST /v1/analyze answered 200 but not a usable analysis"
log "POST /v1/analyze -> 200: $summary"
"${IN_IMAGE[@]}" /app/newslens healthcheck >"$LOG/healthcheck.txt" 2>&1 || { cat "$LOG/healthcheck.txt"; fail "newslens healthcheck said unhealthy"; }
log "newslens healthcheck -> exit 0: $(cat "$LOG/healthcheck.txt")"

log "sending SIGTERM"
started=$(date +%s%N)
kill -TERM "$SERVER"
set +e
wait "$SERVER"; code=$?
set -e
elapsed=$(( ($(date +%s%N) - started) / 1000000 ))
[[ $code -eq 0 ]] || { tail -n 20 "$OUT"; fail "exit status after SIGTERM was $code, not 0"; }
log "stopped after SIGTERM: exit status 0 in ${elapsed} ms"
if "${IN_IMAGE[@]}" /app/newslens healthcheck >"$LOG/healthcheck-after.txt" 2>&1; then
  fail "healthcheck still healthy after the server stopped"
fi
log "newslens healthcheck after stop -> exit 1: $(cat "$LOG/healthcheck-after.txt")"
log "server log (last lines):"; tail -n 5 "$OUT" | sed 's/^/    /'
log "PASS"
