#!/usr/bin/env python3
"""Runs wrk against each server, interleaved, and appends one JSON line per run to a results file.

    wrk_driver.py RESULTS.jsonl --server NAME=URL=PID[,PID...] ... [--seconds 10] [--rounds 3]
                  [--wrk-cpus 0] [--quiet-cores 0.15] [--retries 3] [--max-wait 600]

For every run it records what wrk reports (requests/s, p99 latency, errors, non-2xx), the server's resident
memory after the run (VmRSS summed over its processes), the server's CPU time during the run (per request
and as cores busy), and the CPU time that neither the server nor wrk used (`foreign_cores`): other work on the
machine. A run with foreign_cores above --quiet-cores is disturbed: the driver waits for a quiet machine and
repeats it (up to --retries times; the last attempt is kept, marked disturbed).
Standard library only.
"""
import argparse
import json
import os
import re
import resource
import subprocess
import sys
import time

CASES = [  # (case id, connections, extra wrk arguments)
    ("keepalive-c1", 1, []),
    ("keepalive-c16", 16, []),
    ("keepalive-c128", 128, []),
    ("close-c16", 16, ["-H", "Connection: close"]),
]
TICK = os.sysconf("SC_CLK_TCK")


def machine_busy_seconds():
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    return (sum(fields[:8]) - idle) / TICK


def process_cpu_split(pids):
    """(user, system) CPU seconds of the processes, all threads."""
    user = system = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                parts = f.read().rsplit(")", 1)[1].split()
            user += int(parts[11])  # utime (field 14)
            system += int(parts[12])  # stime (field 15)
        except (FileNotFoundError, ProcessLookupError):
            pass
    return user / TICK, system / TICK


def resident_kib(pids):
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except FileNotFoundError:
            pass
    return total


def children_cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def expand_pids(pids):
    """A server's processes: the given pids and their children (nginx's workers)."""
    found = list(pids)
    for pid in pids:
        try:
            with open(f"/proc/{pid}/task/{pid}/children") as f:
                found += [int(x) for x in f.read().split()]
        except FileNotFoundError:
            pass
    return found


def wait_until_quiet(max_cores, log, limit):
    """Waits until the machine's busy CPU over 2 s stays below max_cores (our servers idle meanwhile), at most
    `limit` seconds."""
    waited = 0
    while waited < limit:
        a = machine_busy_seconds()
        time.sleep(2)
        busy = (machine_busy_seconds() - a) / 2
        if busy <= max_cores:
            return waited
        waited += 2
        if waited % 60 == 0:
            log(f"  waiting for a quiet machine ({busy:.2f} cores busy elsewhere, {waited} s so far)")
    log(f"  machine still busy after {limit} s; going on (the run is marked disturbed if it is again)")
    return waited


UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0}


def parse_wrk(text):
    def number(pattern, default=None):
        m = re.search(pattern, text)
        return float(m.group(1)) if m else default

    p99 = re.search(r"^\s*99%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    return {
        "requests_per_s": number(r"Requests/sec:\s+([\d.]+)", 0.0),
        "requests": int(number(r"(\d+) requests in", 0)),
        "p99_ms": float(p99.group(1)) * UNITS[p99.group(2)] if p99 else None,
        "socket_errors": sum(int(x) for x in errors.groups()) if errors else 0,
        # connect, read, write, timeout: a server that closes after each response without saying
        # `Connection: close` makes wrk count one read error per request (the request itself succeeded)
        "socket_error_kinds": dict(zip(("connect", "read", "write", "timeout"), map(int, errors.groups())))
        if errors else {},
        "non_2xx": int(number(r"Non-2xx or 3xx responses: (\d+)", 0)),
    }


def run_once(server, case, args, log):
    name, url, pids = server
    case_id, connections, extra = case
    pids = expand_pids(pids)
    wrk = ["wrk", "-t1", f"-c{connections}", f"-d{args.seconds}s", "--latency", *extra, url]
    if args.wrk_cpus:
        wrk = ["taskset", "-c", args.wrk_cpus, *wrk]
    busy0, split0, wrk0 = machine_busy_seconds(), process_cpu_split(pids), children_cpu_seconds()
    started = time.monotonic()
    output = subprocess.run(wrk, capture_output=True, text=True, check=True).stdout
    elapsed = time.monotonic() - started
    busy = machine_busy_seconds() - busy0
    split1 = process_cpu_split(pids)
    server_user, server_system = split1[0] - split0[0], split1[1] - split0[1]
    server_cpu = server_user + server_system
    wrk_cpu = children_cpu_seconds() - wrk0
    result = parse_wrk(output)
    result.update(
        server=name, case=case_id, connections=connections,
        rss_kib=resident_kib(pids),
        server_cores=server_cpu / elapsed,
        server_cpu_us_per_request=server_cpu / max(1, result["requests"]) * 1e6,
        server_user_us_per_request=server_user / max(1, result["requests"]) * 1e6,
        server_system_us_per_request=server_system / max(1, result["requests"]) * 1e6,
        wrk_cores=wrk_cpu / elapsed,
        foreign_cores=max(0.0, (busy - server_cpu - wrk_cpu) / elapsed),
    )
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("results")
    parser.add_argument("--server", action="append", required=True, help="NAME=URL=PID[,PID...]")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--wrk-cpus", default="")
    parser.add_argument("--quiet-cores", type=float, default=0.15)
    parser.add_argument("--retries", type=int, default=3)
    parser.add_argument("--max-wait", type=int, default=600, help="longest wait for a quiet machine before a repeat")
    parser.add_argument("--warmup", type=int, default=2, help="seconds of c=16 load per server before round 1")
    args = parser.parse_args()
    servers = []
    for spec in args.server:
        name, url, pids = spec.split("=", 2)
        servers.append((name, url, [int(p) for p in pids.split(",")]))

    def log(message):
        print(message, file=sys.stderr, flush=True)

    for name, url, _ in servers:
        subprocess.run(["wrk", "-t1", "-c16", f"-d{args.warmup}s", url], capture_output=True, check=True)
    with open(args.results, "a") as out:
        for round_index in range(args.rounds):
            for case in CASES:
                # Servers interleaved, the order rotated each round so none always runs first.
                shift = round_index % len(servers)
                for server in servers[shift:] + servers[:shift]:
                    for attempt in range(args.retries + 1):
                        result = run_once(server, case, args, log)
                        result.update(round=round_index + 1, attempt=attempt + 1,
                                      disturbed=result["foreign_cores"] > args.quiet_cores)
                        if not result["disturbed"]:
                            break
                        if attempt < args.retries:
                            log(f"  {server[0]} {case[0]}: {result['foreign_cores']:.2f} cores used elsewhere; "
                                "waiting for a quiet machine and repeating")
                            wait_until_quiet(args.quiet_cores, log, args.max_wait)
                    out.write(json.dumps(result) + "\n")
                    out.flush()
                    log(f"round {round_index + 1} {case[0]:15s} {server[0]:12s} {result['requests_per_s']:9.0f} req/s "
                        f"p99 {result['p99_ms'] or 0:7.2f} ms  RSS {result['rss_kib'] / 1024:6.1f} MiB  "
                        f"server {result['server_cores']:.2f} cores, {result['server_user_us_per_request']:.1f}+"
                        f"{result['server_system_us_per_request']:.1f} µs/req user+sys  "
                        f"elsewhere {result['foreign_cores']:.2f}")


if __name__ == "__main__":
    main()
