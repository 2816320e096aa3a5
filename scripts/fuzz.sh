#!/usr/bin/env bash
# Fuzzing with libFuzzer + AddressSanitizer (issue 7): builds each fuzz target of the Fuzzing/ package and runs
# it for a given time, then prints per target executions, exec/s, coverage and what went wrong.
#   scripts/fuzz.sh                      # every target, 600 s each, one after the other
#   scripts/fuzz.sh 60 fuzz-json         # one target for a minute
#   scripts/fuzz.sh 20 --all             # every target, 20 s each (a smoke run)
#   FUZZ_SKIP_BUILD=1 scripts/fuzz.sh …  # reuse the binaries already built
# Targets: fuzz-request-head fuzz-chunked fuzz-json fuzz-request-body fuzz-analyze-text fuzz-html fuzz-api.
# Seeds: Fuzzing/Corpus/<target>/ (committed, read only). Inputs the fuzzer finds: .build/fuzz/<target>/corpus/
# (kept between runs). Crash, leak, timeout and out-of-memory inputs: .build/fuzz/<target>/artifacts/; replay
# one with `Fuzzing/.build/release/<target> <file>`. Log: .build/fuzz/<target>/fuzz.log.
# Exit status: 0 when every target ran its time with no crash, leak, timeout (hang ≥ 5 s) or OOM; 1 otherwise.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
ALL=(fuzz-request-head fuzz-chunked fuzz-json fuzz-request-body fuzz-analyze-text fuzz-html fuzz-api)

SECONDS_EACH=600
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then SECONDS_EACH="$1"; shift; fi
TARGETS=()
for arg in "$@"; do
  case "$arg" in
    --all) TARGETS+=("${ALL[@]}") ;;
    fuzz-*) TARGETS+=("$arg") ;;
    *) echo "usage: scripts/fuzz.sh [SECONDS] [--all | TARGET...]   targets: ${ALL[*]}" >&2; exit 2 ;;
  esac
done
((${#TARGETS[@]})) || TARGETS=("${ALL[@]}")
for t in "${TARGETS[@]}"; do
  [[ " ${ALL[*]} " == *" $t "* ]] || { echo "unknown target $t (known: ${ALL[*]})" >&2; exit 2; }
done

# Per target: dictionary, longest input, memory limit (MB).
dict_of() {
  case "$1" in
    fuzz-request-head | fuzz-chunked) echo http.dict ;;
    fuzz-json | fuzz-request-body) echo json.dict ;;
    fuzz-analyze-text) echo text.dict ;;
    fuzz-html) echo html.dict ;;
    fuzz-api) echo api.dict ;;
  esac
}
max_len_of() {
  case "$1" in
    fuzz-request-head | fuzz-chunked) echo 4096 ;;
    fuzz-json | fuzz-request-body | fuzz-api) echo 8192 ;;
    fuzz-analyze-text | fuzz-html) echo 16384 ;;
  esac
}
RSS_LIMIT_MB="${FUZZ_RSS_LIMIT_MB:-2048}"
HANG_SECONDS="${FUZZ_TIMEOUT:-5}"

log() { printf '[fuzz] %s\n' "$*"; }

# The build the issue gives, plus `-Xswiftc -sanitize=fuzzer,address`. SwiftPM passes its --sanitize options
# to swiftc in Set order, which changes from run to run, and swiftc keeps only the last `-sanitize=` it is
# given: half of the builds compile without coverage (libFuzzer then reports "1 inline 8-bit counters" and
# fuzzes blind), the other half without AddressSanitizer, and every flip rebuilds everything. The trailing
# combined flag wins either way; SWIFT_DETERMINISTIC_HASHING keeps SwiftPM's order, hence the build, stable.
# (SwiftPM's own --sanitize=fuzzer is still needed: without it the executable is linked to expect a `main`.)
FLAGS=(-c release --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address
       -Xswiftc -parse-as-library -Xlinker --no-gc-sections)
export SWIFT_DETERMINISTIC_HASHING=1
BIN_DIR="$ROOT/Fuzzing/.build/release"
if [[ -z "${FUZZ_SKIP_BUILD:-}" ]]; then
  for t in "${TARGETS[@]}"; do
    log "building $t"
    start=$(date +%s)
    # SwiftPM may not relink when only linker flags changed; a binary linked another way must not survive.
    rm -f "$BIN_DIR/$t"
    # The linker prints a warning per ASan helper symbol; only errors matter here.
    if ! (cd Fuzzing && swift build "${FLAGS[@]}" --product "$t" 2>&1 | grep -v 'warning: Cannot export local symbol' \
          | grep -E 'error|warning: unre|Compiling|Build of' | tail -n 20; exit "${PIPESTATUS[0]}"); then
      log "build of $t failed"; exit 1
    fi
    log "built $t in $(( $(date +%s) - start )) s"
  done
fi

export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:symbolize=1}"
failed=0
SUMMARY=()
for t in "${TARGETS[@]}"; do
  OUT="$ROOT/.build/fuzz/$t"
  mkdir -p "$OUT/corpus" "$OUT/artifacts"
  LOG="$OUT/fuzz.log"
  before=$(ls "$OUT/artifacts" | wc -l)
  log "running $t for $SECONDS_EACH s (log: ${LOG#"$ROOT"/})"
  # First corpus folder is where libFuzzer writes what it finds; the committed seeds are only read.
  "$BIN_DIR/$t" "$OUT/corpus" "Fuzzing/Corpus/$t" \
    -dict="Fuzzing/Dictionaries/$(dict_of "$t")" -max_len="$(max_len_of "$t")" \
    -max_total_time="$SECONDS_EACH" -timeout="$HANG_SECONDS" -rss_limit_mb="$RSS_LIMIT_MB" \
    -detect_leaks=1 -print_final_stats=1 -artifact_prefix="$OUT/artifacts/" >"$LOG" 2>&1
  status=$?
  # "Loaded 1 modules (N inline 8-bit counters)": N = 1 means the binary was linked without coverage.
  counters=$(grep -o 'Loaded 1 modules *([0-9]* inline' "$LOG" | grep -o '([0-9]*' | tr -d '(' | head -n 1)
  if [[ -z "$counters" || "$counters" -le 1 ]]; then
    log "$t has no coverage instrumentation (counters: ${counters:-none}); rebuild without FUZZ_SKIP_BUILD"
    failed=1
  fi
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$LOG" | grep -o '[0-9]*$' | tail -n 1)
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$LOG" | grep -o '[0-9]*$' | tail -n 1)
  rss=$(grep -o 'stat::peak_rss_mb: *[0-9]*' "$LOG" | grep -o '[0-9]*$' | tail -n 1)
  last=$(grep -E '^#[0-9]+.*cov: ' "$LOG" | tail -n 1)
  cov=$(grep -o 'cov: [0-9]*' <<<"$last" | grep -o '[0-9]*')
  ft=$(grep -o 'ft: [0-9]*' <<<"$last" | grep -o '[0-9]*')
  corp=$(grep -o 'corp: [0-9]*' <<<"$last" | grep -o '[0-9]*')
  found=$(( $(ls "$OUT/artifacts" | wc -l) - before ))
  problem=""
  if ((status != 0 || found > 0)); then
    failed=1
    kind=$(grep -oE 'ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer): [a-z-]+|invariant failed: .*|Fatal error: .*' "$LOG" \
           | head -n 1)
    unit=$(grep -o 'Test unit written to .*' "$LOG" | tail -n 1 | sed 's/Test unit written to //')
    problem="FAILED (exit $status): ${kind:-see log}${unit:+; input: ${unit#"$ROOT"/}}"
  fi
  line=$(printf '%-18s executions %10s  exec/s %7s  cov %5s  ft %6s  corpus %5s  peak rss %5s MB  %s' \
         "$t" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "${rss:-?}" "${problem:-ok, no crash/leak/timeout}")
  log "$line"
  SUMMARY+=("$line")
done

echo
echo "fuzz summary (${SECONDS_EACH} s per target, hang timeout ${HANG_SECONDS} s, rss limit ${RSS_LIMIT_MB} MB):"
printf '  %s\n' "${SUMMARY[@]}"
exit "$failed"
