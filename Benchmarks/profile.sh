#!/usr/bin/env bash
# Where a request's user-space instructions go: `newslens serve` under valgrind's callgrind, one stored
# article, then wrk for each case; callgrind's counters are zeroed before and dumped after each case, so a
# dump holds exactly that case's requests. Prints instructions per request and the costliest functions.
#
#   Benchmarks/profile.sh [seconds-per-case=10] [top=40]
#
# Instruction counts are repeatable (unlike times on a shared machine); kernel work is not counted.
# valgrind 3.19 cannot read Swift 6.3's DWARF 5, so it runs a copy with the debug info stripped (symbols stay).
# Output: Benchmarks/results/profile-CASE.txt (callgrind_annotate, inclusive) and the raw callgrind files in a
# temp dir that is kept (its path is printed).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=${1:-10}
top=${2:-40}
shared=${SHARED:-$root/../shared}
[[ -d $shared || -n ${SHARED:-} ]] || shared=$root/../../shared
command -v valgrind >/dev/null && command -v wrk >/dev/null || { echo "needs valgrind and wrk" >&2; exit 1; }
[[ ${SKIP_BUILD:-0} == 1 ]] || swift build -c release --product newslens
work=$(mktemp -d)
objcopy --strip-debug "$root/.build/release/newslens" "$work/newslens"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" \
    "$work/newslens" serve --port "$port" --public "$work/none" --io-queues 1 --log-level warning 2>"$work/valgrind.log" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 120); do curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null && break; sleep 0.5; done
sample=$(ls "$shared"/corpus/*.txt | head -1)
location=$(curl -fsS -o /dev/null -D - -X POST -H 'Content-Type: text/plain; charset=utf-8' --data-binary "@$sample" \
    "http://127.0.0.1:$port/v1/articles" | tr -d '\r' | awk 'tolower($1) == "location:" {print $2}')
url="http://127.0.0.1:$port$location"
wrk -t1 -c16 -d3s "$url" >/dev/null  # warm-up: lazily built caches, first-touch allocations
mkdir -p "$root/Benchmarks/results"
dumps=0
for case in keepalive-c16 close-c16; do
    extra=()
    [[ $case == close-* ]] && extra=(-H 'Connection: close')
    callgrind_control -z "$server" >/dev/null
    requests=$(wrk -t1 -c16 -d"${seconds}s" "${extra[@]}" "$url" | awk '/requests in/ {print $1}')
    callgrind_control -d "$case" "$server" >/dev/null
    dumps=$((dumps + 1))
    dump=$work/callgrind.out.$dumps
    for _ in $(seq 100); do grep -q '^totals:' "$dump" 2>/dev/null && break; sleep 0.2; done
    total=$(callgrind_annotate "$dump" 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}')
    {
        echo "case $case: $requests requests, $total instructions, $((total / requests)) instructions per request"
        callgrind_annotate --inclusive=yes "$dump" 2>/dev/null > "$dump.txt"
        grep -E '^ *[0-9,]+ \(' "$dump.txt" | sed -E 's/\[[^]]*\]$//' | cut -c1-200 | awk -v top="$top" 'NR <= top' 
    } > "$root/Benchmarks/results/profile-$case.txt"
    head -1 "$root/Benchmarks/results/profile-$case.txt"
done
echo "callgrind files: $work" >&2
