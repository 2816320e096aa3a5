#!/usr/bin/env bash
# NewsLens measured beside its peers on this machine, in one run. See BENCHMARKS.md for the method.
#
#   Benchmarks/run.sh [all|http|extraction|memory|report]...     (default: all)
#
# http:       builds newslens and the Hummingbird 2 peer in release mode, starts newslens and stores the sample
#             article (POST /v1/articles), starts the peer with the same JSON bytes on the same route and nginx
#             serving them as a static file at the same path, then runs wrk (one thread) against each:
#             keep-alive with 1, 16 and 128 connections and `Connection: close` with 16, servers interleaved,
#             ROUNDS rounds. Medians, p99, RSS and ratios go to Benchmarks/results/ and BENCHMARKS.md.
# extraction: `newslens analyze --benchmark` (plain text: words/s) and `newslens extract-html --benchmark`
#             (pages/s) over ../shared/corpus and ../shared/data, on one core (thread CPU time).
# memory:     store-bench at 1k, 10k and 100k articles: resident memory per stored article vs its JSON.
#
# Settings (environment):
#   DURATION=10 ROUNDS=3          wrk seconds per run and rounds (SECONDS_PER_RUN and REPS are the same);
#                                 DURATION=2 ROUNDS=1 MAX_WAIT=0 is a smoke run: it proves the script works
#                                 end to end, and its table is marked as a smoke run, not a measurement
#   PIN=1                         servers on CPU SERVER_CPUS (1), wrk on WRK_CPUS (0), WORKERS=1 worker each;
#   PIN=0                         nothing pinned, WORKERS defaults to the CPU count
#   MAX_LOAD=1.0 MAX_WAIT=3600    wait (up to MAX_WAIT s) for a 1-minute load average below MAX_LOAD first
#   QUIET_CORES=0.15 RETRIES=3    a run during which other processes used more CPU than this is repeated (after
#                                 waiting up to MAX_WAIT s for a quiet machine), up to RETRIES times
#   SKIP_BUILD=1                  use the release binaries already built (NEWSLENS=path: another newslens binary)
#   SHARED=../shared              the shared data folder (../../shared is tried too, for worktrees)
# Needs wrk and nginx (Debian's wrk and nginx-light; installed with apt-get when missing and run as root).
# Prints the machine's load before it starts and its total run time at the end. A full run (all sections,
# defaults) takes about 10 minutes after the builds (http 6.5 min, extraction under 1, memory about 2); the
# first release builds add 5 to 15 minutes (Hummingbird and SwiftNIO from scratch).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/Benchmarks/results"
shared=${SHARED:-$root/../shared}
[[ -d $shared || -n ${SHARED:-} ]] || shared=$root/../../shared  # a worktree one level deeper
seconds=${DURATION:-${SECONDS_PER_RUN:-10}}
rounds=${ROUNDS:-${REPS:-3}}
started_at=$(date +%s)
pin=${PIN:-1}
if [[ $pin == 1 ]]; then
    server_cpus=${SERVER_CPUS:-1}; wrk_cpus=${WRK_CPUS:-0}; workers=${WORKERS:-1}
    server_prefix=(taskset -c "$server_cpus")
else
    server_cpus=""; wrk_cpus=""; workers=${WORKERS:-$(nproc)}
    server_prefix=()
fi
sections=("$@")
[[ ${#sections[@]} -eq 0 ]] && sections=(all)
wants() { [[ " ${sections[*]} " == *" all "* || " ${sections[*]} " == *" $1 "* ]]; }
mkdir -p "$results"
work=$(mktemp -d)
chmod 755 "$work"  # nginx workers run as nobody when started by root
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    [[ -f $work/nginx.pid ]] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
    wait 2>/dev/null || true
    [[ -n ${KEEP_WORK:-} ]] && echo "kept $work" >&2 || rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
load1() { cut -d' ' -f1 /proc/loadavg; }
machine_report() {  # what else the machine is doing, so figures can be judged
    echo "== $(date -u '+%Y-%m-%d %H:%M:%S UTC') on $(hostname): $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)"
    echo "   busiest processes (%CPU since start):"
    ps -eo pcpu=,comm= --sort=-pcpu | grep -v ' ps$' | head -5 | sed 's/^/     /'
}
finish() {
    local took=$(( $(date +%s) - started_at ))
    machine_report >&2
    echo "== run.sh ${sections[*]} took $((took / 60)) min $((took % 60)) s" >&2
}
machine_report >&2
if wants http; then
    echo "   http: 4 cases x 3 servers x $rounds rounds x $seconds s = about $(( (12 * rounds * (seconds + 1) + 30) / 60 )) min of wrk (plus repeats of disturbed runs)" >&2
fi

wait_for_quiet() {
    local max=${MAX_LOAD:-1.0} limit=${MAX_WAIT:-3600} waited=0
    while python3 -c "import sys; sys.exit(0 if float('$(load1)') >= $max else 1)"; do
        if (( waited >= limit )); then
            echo "machine still busy (load $(load1)) after ${limit}s; measuring anyway, disturbed runs are repeated" >&2
            return
        fi
        (( waited % 120 == 0 )) && echo "waiting for load < $max (now $(load1))" >&2
        sleep 15; waited=$((waited + 15))
    done
}
wait_http() {  # url
    for _ in $(seq 300); do curl -fsS -o /dev/null "$1" 2>/dev/null && return; sleep 0.1; done
    echo "no answer from $1" >&2; exit 1
}

newslens=${NEWSLENS:-$root/.build/release/newslens}
store_bench=$root/.build/release/store-bench
peer=$root/Benchmarks/.build/release/hummingbird-peer
if [[ ${SKIP_BUILD:-0} != 1 ]]; then
    if wants http || wants extraction; then swift build -c release --product newslens; fi
    if wants memory; then swift build -c release --product store-bench; fi
    if wants http; then swift build -c release --package-path Benchmarks --product hummingbird-peer; fi
fi

# MARK: HTTP

if wants http; then
    if ! { command -v wrk && command -v nginx; } >/dev/null; then
        if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
            echo "installing wrk and nginx-light" >&2
            { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light; } >&2
        fi
        { command -v wrk && command -v nginx; } >/dev/null || { echo "needs wrk and nginx (apt-get install -y wrk nginx-light)" >&2; exit 1; }
    fi
    ours_port=$(free_port); peer_port=$(free_port); nginx_port=$(free_port)
    "${server_prefix[@]}" "$newslens" serve --host 127.0.0.1 --port "$ours_port" --public "$work/no-web-page" \
        --io-queues "$workers" --log-level warning 2>"$work/newslens.log" &
    ours_pid=$!; pids+=("$ours_pid")
    wait_http "http://127.0.0.1:$ours_port/healthz"
    sample=$(ls "$shared"/corpus/*.txt | head -1)
    location=$(curl -fsS -o /dev/null -D - -X POST -H 'Content-Type: text/plain; charset=utf-8' --data-binary "@$sample" \
        "http://127.0.0.1:$ours_port/v1/articles" | tr -d '\r' | awk 'tolower($1) == "location:" {print $2}')
    [[ $location == /v1/articles/* ]] || { echo "POST /v1/articles gave no Location" >&2; exit 1; }
    id=${location#/v1/articles/}
    mkdir -p "$work/www/v1/articles"
    curl -fsS -o "$work/www/v1/articles/$id" "http://127.0.0.1:$ours_port$location"

    "${server_prefix[@]}" "$peer" "$peer_port" "$workers" "$id=$work/www/v1/articles/$id" 2>"$work/peer.log" &
    peer_pid=$!; pids+=("$peer_pid")

    cat > "$work/nginx.conf" <<CONF
worker_processes $workers; daemon off; pid $work/nginx.pid; error_log $work/nginx-error.log warn;
events { worker_connections 4096; }
http {
    access_log off; sendfile on; tcp_nopush on; tcp_nodelay on; keepalive_requests 1000000; keepalive_timeout 75s;
    open_file_cache max=1000 inactive=60s; open_file_cache_valid 60s;  # no open/fstat/close per request
    types { } default_type application/json;
    server {
        listen 127.0.0.1:$nginx_port backlog=1024; root $work/www;
        location = /healthz { return 200 '{"status":"ok"}'; }
    }
}
CONF
    "${server_prefix[@]}" nginx -c "$work/nginx.conf" -p "$work" &
    nginx_pid=$!; pids+=("$nginx_pid")
    url_path=/v1/articles/$id
    wait_http "http://127.0.0.1:$peer_port$url_path"
    wait_http "http://127.0.0.1:$nginx_port$url_path"
    for port in "$ours_port" "$peer_port" "$nginx_port"; do  # the same bytes everywhere
        cmp -s "$work/www/v1/articles/$id" <(curl -fsS "http://127.0.0.1:$port$url_path") \
            || { echo "port $port serves other bytes" >&2; exit 1; }
    done
    header_bytes() { curl -fsS -o /dev/null -D - "http://127.0.0.1:$1$url_path" | wc -c; }
    body_bytes=$(wc -c < "$work/www/v1/articles/$id")
    if [[ $pin == 1 ]]; then
        setup="servers pinned to CPU $server_cpus with $workers worker each (newslens --io-queues $workers, nginx worker_processes $workers, Hummingbird $workers event loop), wrk -t1 pinned to CPU $wrk_cpus"
    else
        setup="nothing pinned; $workers workers each (newslens --io-queues, nginx worker_processes, Hummingbird event loops), wrk -t1"
    fi
    python3 - "$results/http-meta.json" <<PY
import json, sys, datetime
json.dump({"date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"), "commit": "$(git rev-parse --short HEAD)",
           "seconds": $seconds, "rounds": $rounds, "load_before": "$(cut -d' ' -f1-3 /proc/loadavg)",
           "setup": "$setup; ${seconds} s per run, ${rounds} round(s); body ${body_bytes} bytes; response headers: newslens $(header_bytes "$ours_port"), nginx $(header_bytes "$nginx_port"), Hummingbird $(header_bytes "$peer_port") bytes"},
          open(sys.argv[1], "w"))
PY
    wait_for_quiet
    echo "load before the run: $(load1)" >&2
    : > "$results/http.jsonl"
    python3 "$root/Benchmarks/wrk_driver.py" "$results/http.jsonl" --seconds "$seconds" --rounds "$rounds" \
        --wrk-cpus "$wrk_cpus" --quiet-cores "${QUIET_CORES:-0.15}" --retries "${RETRIES:-3}" --max-wait "${MAX_WAIT:-3600}" \
        --server "newslens=http://127.0.0.1:$ours_port$url_path=$ours_pid" \
        --server "nginx=http://127.0.0.1:$nginx_port$url_path=$(cat "$work/nginx.pid")" \
        --server "hummingbird=http://127.0.0.1:$peer_port$url_path=$peer_pid"
    kill "$ours_pid" "$peer_pid" "$(cat "$work/nginx.pid")" 2>/dev/null || true
fi

# MARK: extraction

if wants extraction; then
    mkdir -p "$work/text" "$work/html"
    python3 - "$shared" "$work/text" <<'PY'
import glob, json, os, shutil, sys
shared, out = sys.argv[1], sys.argv[2]
for path in glob.glob(os.path.join(shared, "corpus", "*.txt")):
    shutil.copy(path, out)
sys.path.insert(0, os.path.join(shared, "eval"))
import gum_eval  # rebuilds a GUM document as the plain text the evaluation posts
for path in sorted(glob.glob(os.path.join(shared, "data", "gum-news", "dep", "*.conllu"))):
    text = gum_eval.load_doc(path)[0]
    open(os.path.join(out, os.path.basename(path) + ".txt"), "w").write(text)
truth = json.load(open(os.path.join(shared, "data", "aeb", "ground-truth.json")))
for key, page in sorted(truth.items()):
    open(os.path.join(out, f"aeb-{key[:16]}.txt"), "w").write(page["articleBody"])
PY
    for page in "$shared"/data/aeb/html/*.html.gz; do
        gzip -dc "$page" > "$work/html/$(basename "$page" .gz)"
    done
    {
        echo "# run of $(date '+%Y-%m-%d %H:%M') (commit $(git rev-parse --short HEAD); load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
        "$newslens" analyze --benchmark "${TEXT_PASSES:-10}" "$work"/text/*.txt
        "$newslens" extract-html --benchmark "${HTML_PASSES:-10}" "$work"/html/*.html
    } | tee "$results/extraction.txt"
fi

# MARK: memory

if wants memory; then
    echo "# run of $(date '+%Y-%m-%d %H:%M') (commit $(git rev-parse --short HEAD))" > "$results/memory.txt"
    for count in 1000 10000 100000; do
        echo "=== $count articles" >> "$results/memory.txt"
        "$store_bench" "$count" | tee -a "$results/memory.txt"
    done
fi

python3 "$root/Benchmarks/report.py" "$results" "$root/BENCHMARKS.md"
echo "tables written to BENCHMARKS.md, chart to Benchmarks/results/http.svg, raw figures in Benchmarks/results/" >&2
finish
