#!/usr/bin/env bash
# Where a request's user-space instructions go: `newslens serve` under valgrind's callgrind, one stored
# article, then wrk for each case; callgrind's counters are zeroed before and dumped after each case, so a
# dump holds exactly that case's requests. Prints instructions per request and the costliest functions.
# PEERS=1 also runs nginx under callgrind on the same bytes, for comparison (the Hummingbird peer crashes
# under valgrind 3.19 as soon as Swift concurrency starts its threads).
#
#   Benchmarks/profile.sh [seconds-per-case=10] [top=40]
#
# Instruction counts are repeatable (unlike times on a shared machine); kernel work is not counted.
# valgrind 3.19 cannot read Swift 6.3's DWARF 5, so it runs copies with the debug info stripped (symbols stay).
# Output: Benchmarks/results/profile-SERVER-CASE.txt (callgrind_annotate, inclusive) and the raw callgrind
# files in a temp dir that is kept (its path is printed).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=${1:-10}
top=${2:-40}
shared=${SHARED:-$root/../shared}
[[ -d $shared || -n ${SHARED:-} ]] || shared=$root/../../shared
command -v valgrind >/dev/null && command -v wrk >/dev/null || { echo "needs valgrind and wrk" >&2; exit 1; }
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
    swift build -c release --product newslens
fi
work=$(mktemp -d)
chmod 755 "$work"  # nginx workers run as nobody when started by root
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_http() { for _ in $(seq 240); do curl -fsS -o /dev/null "$1" 2>/dev/null && return; sleep 0.5; done; echo "no answer from $1" >&2; exit 1; }
mkdir -p "$root/Benchmarks/results"

# profile NAME URL PID: each case against URL, counters of the callgrind process PID zeroed and dumped around it.
profile() {
    local name=$1 url=$2 pid=$3 dumps=0
    wrk -t1 -c16 -d3s "$url" >/dev/null  # warm-up: lazily built caches, first-touch allocations
    for case in keepalive-c16 close-c16; do
        local extra=()
        [[ $case == close-* ]] && extra=(-H 'Connection: close')
        callgrind_control -z "$pid" >/dev/null
        local requests
        requests=$(wrk -t1 -c16 -d"${seconds}s" "${extra[@]}" "$url" | awk '/requests in/ {print $1}')
        callgrind_control -d "$case" "$pid" >/dev/null
        dumps=$((dumps + 1))
        local dump=$work/$name.out.$dumps
        for _ in $(seq 100); do grep -q '^totals:' "$dump" 2>/dev/null && break; sleep 0.2; done
        local total
        total=$(callgrind_annotate "$dump" 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}')
        {
            echo "$name $case: $requests requests, $total instructions, $((total / requests)) instructions per request"
            callgrind_annotate --inclusive=yes "$dump" 2>/dev/null > "$dump.txt"
            grep -E '^ *[0-9,]+ \(' "$dump.txt" | sed -E 's/\[[^]]*\]$//' | cut -c1-200 | awk -v top="$top" 'NR <= top'
        } > "$root/Benchmarks/results/profile-$name-$case.txt"
        head -1 "$root/Benchmarks/results/profile-$name-$case.txt"
    done
}

objcopy --strip-debug "$root/.build/release/newslens" "$work/newslens"
port=$(free_port)
valgrind --tool=callgrind --callgrind-out-file="$work/newslens.out" \
    "$work/newslens" serve --port "$port" --public "$work/none" --io-queues 1 --log-level warning 2>"$work/newslens.log" &
ours=$!; pids+=("$ours")
wait_http "http://127.0.0.1:$port/healthz"
sample=$(ls "$shared"/corpus/*.txt | head -1)
location=$(curl -fsS -o /dev/null -D - -X POST -H 'Content-Type: text/plain; charset=utf-8' --data-binary "@$sample" \
    "http://127.0.0.1:$port/v1/articles" | tr -d '\r' | awk 'tolower($1) == "location:" {print $2}')
mkdir -p "$work/www/v1/articles"
curl -fsS -o "$work/www$location" "http://127.0.0.1:$port$location"
profile newslens "http://127.0.0.1:$port$location" "$ours"
kill "$ours"

if [[ ${PEERS:-0} == 1 ]]; then
    nginx_port=$(free_port)
    cat > "$work/nginx.conf" <<CONF
master_process off; daemon off; worker_processes 1; pid $work/nginx.pid; error_log $work/nginx-error.log warn;
events { worker_connections 4096; }
http {
    access_log off; sendfile on; tcp_nopush on; tcp_nodelay on; keepalive_requests 1000000;
    open_file_cache max=1000 inactive=60s; open_file_cache_valid 60s;
    types { } default_type application/json;
    server { listen 127.0.0.1:$nginx_port; root $work/www; }
}
CONF
    valgrind --tool=callgrind --callgrind-out-file="$work/nginx.out" nginx -c "$work/nginx.conf" -p "$work" 2>"$work/nginx.log" &
    nginx=$!; pids+=("$nginx")
    wait_http "http://127.0.0.1:$nginx_port$location"
    profile nginx "http://127.0.0.1:$nginx_port$location" "$nginx"
    kill "$nginx"

fi
echo "callgrind files: $work" >&2
