#!/usr/bin/env bash
# Throughput of `newslens serve` against nginx on loopback, as measured for the server notes:
# wrk, one thread, a ~4 KB static JSON from each server (and /healthz from ours), keep-alive with 16 and 128
# connections and a new connection per request (Connection: close), rounds interleaved, medians printed.
#   apt-get install -y wrk nginx-light     # once
#   scripts/http-bench.sh [seconds-per-run] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-5}
rounds=${2:-3}
command -v wrk >/dev/null && command -v nginx >/dev/null || { echo "needs wrk and nginx (apt-get install -y wrk nginx-light)"; exit 1; }
swift build -c release --product newslens >/dev/null
work=$(mktemp -d)
trap 'kill $(cat "$work/nginx.pid" 2>/dev/null) "$ours" 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/www"
python3 - "$work/www/bench.json" <<'PY'
import json, sys
quotes = [{"id": i, "speaker": "Taro Aso", "kind": "direct",
           "text": "What is most important is that the five parties maintain close solidarity"} for i in range(30)]
open(sys.argv[1], "w").write(json.dumps({"quotes": quotes}))
PY
nginx_port=$((20000 + RANDOM % 15000)); ours_port=$((35000 + RANDOM % 15000))
cat > "$work/nginx.conf" <<CONF
worker_processes auto; daemon off; pid $work/nginx.pid; error_log $work/error.log warn;
events { worker_connections 4096; }
http { access_log off; sendfile on; tcp_nopush on; keepalive_requests 1000000;
       types { application/json json; }
       server { listen 127.0.0.1:$nginx_port; root $work/www; } }
CONF
nginx -c "$work/nginx.conf" -p "$work" &
.build/release/newslens serve --port "$ours_port" --public "$work/www" --log-level warning &
ours=$!
sleep 1
run() { wrk -t1 "$@" -d"${seconds}s" | awk '/Requests\/sec/ {print $2}'; }
: > "$work/results"
for round in $(seq "$rounds"); do
    for target in "nginx http://127.0.0.1:$nginx_port/bench.json" "newslens http://127.0.0.1:$ours_port/bench.json" \
                  "newslens-healthz http://127.0.0.1:$ours_port/healthz"; do
        set -- $target
        echo "$1 c16 $(run -c16 "$2")" >> "$work/results"
        echo "$1 c128 $(run -c128 "$2")" >> "$work/results"
        echo "$1 close16 $(run -c16 -H 'Connection: close' "$2")" >> "$work/results"
    done
done
python3 - "$work/results" <<'PY'
import collections, statistics, sys
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    server, case, value = line.split()
    runs[(server, case)].append(float(value))
for server in ("nginx", "newslens", "newslens-healthz"):
    cells = []
    for case in ("c16", "c128", "close16"):
        ours = statistics.median(runs[(server, case)])
        base = statistics.median(runs[("nginx", case)])
        cells.append(f"{case} {ours:9.0f} req/s ({ours / base:.2f}x nginx)")
    print(f"{server:17s} " + "   ".join(cells))
PY
