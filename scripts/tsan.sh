#!/usr/bin/env bash
# ThreadSanitizer run of the concurrency tests (issue 7): `swift test --sanitize=thread` over every test whose
# suite name contains "Live" (tests against the real server on an ephemeral port) or "Concurrency" (many
# threads on one shared value). Name a suite that way and this script picks it up:
#   @Suite struct LiveUploadTests { … }      @Suite struct StoreConcurrencyTests { … }
#   scripts/tsan.sh                          # every Live/Concurrency suite
#   scripts/tsan.sh LiveProtocolTests        # only suites matching a narrower pattern
# Builds in .build/tsan (a scratch path of its own: the ordinary debug build is left alone).
# Tests run one at a time (--no-parallel): under ThreadSanitizer code runs 5-15 times slower, and suites run
# side by side on a small machine miss their wall-clock deadlines for reasons that have nothing to do with races.
# TSAN_SKIP (a regular expression of suites, passed to --skip) leaves suites out when needed.
# Fails when a test fails, when ThreadSanitizer reports anything (halt_on_error, and the log is checked for
# "WARNING: ThreadSanitizer"), or when the filter selects no test. Log: .build/tsan/tsan.log
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .build/tsan
LOG=.build/tsan/tsan.log

# Test identifiers read "Module.Suite/test()" (nested: "Module.Outer/Inner/test()"); the pattern matches a
# suite component, never a test function's name.
PATTERN="${1:-(Live|Concurrency)}"
FILTER="${PATTERN}[A-Za-z0-9_]*/"
SKIP="${TSAN_SKIP:-}"
SKIP_ARGS=()
[[ -n "$SKIP" ]] && SKIP_ARGS=(--skip "$SKIP")

export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1${TSAN_OPTIONS:+:$TSAN_OPTIONS}"
# The sanitizer's own report names both threads and their stacks; Swift's backtracer would only add noise.
export SWIFT_BACKTRACE=enable=no

printf '[tsan] swift test --sanitize=thread --no-parallel --filter %q %s(log: %s)\n' "$FILTER" \
  "${SKIP:+--skip $(printf '%q' "$SKIP") }" "$LOG"
swift test --scratch-path .build/tsan --sanitize=thread --no-parallel --filter "$FILTER" "${SKIP_ARGS[@]}" 2>&1 | tee "$LOG" \
  | grep -vE '^\[[0-9]+/[0-9]+\] (Compiling|Emitting|Write|Linking|Applying)'
status=${PIPESTATUS[0]}

races=$(grep -c 'WARNING: ThreadSanitizer' "$LOG")
# Swift Testing: "Test run with N tests in M suites passed"; XCTest: "Executed N tests".
ran=$(grep -oE 'Test run with [0-9]+ tests?|Executed [0-9]+ tests?' "$LOG" | grep -oE '[0-9]+' | awk '{s += $1} END {print s + 0}')
# Skipped suites are reported as passed too (with no test run): leave them out of the list.
suites=$(grep -oE 'Suite [A-Za-z0-9_]+ (passed|failed)' "$LOG" | awk '{print $2 "/"}' | sort -u \
         | { if [[ -n "$SKIP" ]]; then grep -vE "$SKIP"; else cat; fi; } | tr -d '/' | paste -sd' ')

echo
echo "[tsan] suites: ${suites:-none}"
[[ -n "$SKIP" ]] && echo "[tsan] skipped: $SKIP"
echo "[tsan] tests run: ${ran:-0}; ThreadSanitizer reports: $races; swift test exit status: $status"
if ((races > 0)); then
  echo "[tsan] FAILED: data races or other ThreadSanitizer reports (see $LOG)"
  exit 1
fi
if ((status != 0)); then
  echo "[tsan] FAILED: swift test failed (see $LOG)"
  exit 1
fi
if [[ -z "$ran" || "$ran" == 0 ]]; then
  echo "[tsan] FAILED: the filter selected no test"
  exit 1
fi
echo "[tsan] ok: no ThreadSanitizer report"
