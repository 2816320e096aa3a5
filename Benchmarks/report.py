#!/usr/bin/env python3
"""Turns the raw results of run.sh into tables, target checks and the SVG chart.

    report.py RESULTS_DIR [BENCHMARKS.md]

RESULTS_DIR holds what run.sh wrote: http.jsonl (one line per wrk run, from wrk_driver.py), http-meta.json
(how the servers were set up), extraction.txt and memory.txt (the benchmark tools' output). Prints the report;
with BENCHMARKS.md, also replaces the text between its `<!-- results:NAME -->` and `<!-- /results:NAME -->`
markers and writes RESULTS_DIR/http.svg. Standard library only.
"""
import json
import os
import re
import statistics
import sys

SERVERS = ["newslens", "nginx", "hummingbird"]
LABELS = {"newslens": "NewsLens", "nginx": "nginx", "hummingbird": "Hummingbird 2"}
CASES = [("keepalive-c1", "keep-alive, 1 conn"), ("keepalive-c16", "keep-alive, 16 conns"),
         ("keepalive-c128", "keep-alive, 128 conns"), ("close-c16", "Connection: close, 16 conns")]
COLORS = {"newslens": "#d9480f", "nginx": "#1c7ed6", "hummingbird": "#7048e8"}


def medians(rows):
    table = {}
    for server in SERVERS:
        for case, _ in CASES:
            runs = [r for r in rows if r["server"] == server and r["case"] == case]
            if not runs:
                continue
            table[(server, case)] = {
                "rps": statistics.median(r["requests_per_s"] for r in runs),
                "p99": statistics.median(r["p99_ms"] for r in runs if r["p99_ms"] is not None),
                "rss": statistics.median(r["rss_kib"] for r in runs) / 1024,
                "rss_max": max(r["rss_kib"] for r in runs) / 1024,
                "cpu_us": statistics.median(r["server_cpu_us_per_request"] for r in runs),
                "user_us": statistics.median(r.get("server_user_us_per_request", 0) for r in runs),
                "sys_us": statistics.median(r.get("server_system_us_per_request", 0) for r in runs),
                "cores": statistics.median(r["server_cores"] for r in runs),
                "runs": len(runs),
                "disturbed": sum(1 for r in runs if r.get("disturbed")),
                "errors": sum(r["socket_errors"] + r["non_2xx"] for r in runs),
                # read errors only, about one per request: closes without `Connection: close` (see the note)
                "eof_closes": all(r["socket_errors"] == r.get("socket_error_kinds", {}).get("read", -1)
                                  and r["non_2xx"] == 0 and r["socket_errors"] <= r["requests"] + 16 for r in runs)
                and sum(r["socket_errors"] for r in runs) > 0,
            }
    return table


def ratio(a, b):
    return f"{a / b:.2f}×" if a and b else "–"


def http_section(rows, meta):
    t = medians(rows)
    lines = []
    if meta:
        if meta.get("seconds", 10) < 10 or meta.get("rounds", 3) < 3:
            lines.append(f"**Smoke run** ({meta.get('seconds')} s per run, {meta.get('rounds')} round(s)): it shows "
                         "that the script works end to end; its figures are not a measurement.")
            lines.append("")
        load = f"; load average before: {meta['load_before']}" if meta.get("load_before") else ""
        lines.append(f"Run of {meta.get('date', '?')} (commit {meta.get('commit', '?')}{load}): {meta.get('setup', '')}")
        lines.append("")
    lines.append("| case | server | req/s | p99 ms | RSS MiB | server CPU µs/req (user + sys) | req/s vs nginx | req/s vs HB | "
                 "p99 vs nginx | p99 vs HB | RSS vs nginx | RSS vs HB |")
    lines.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for case, label in CASES:
        base_n, base_h = t.get(("nginx", case)), t.get(("hummingbird", case))
        for server in SERVERS:
            m = t.get((server, case))
            if not m:
                continue
            flag = f" ({m['disturbed']} disturbed)" if m["disturbed"] else ""
            if m["eof_closes"]:
                flag += f" ({m['errors']} wrk read errors¹)"
            elif m["errors"]:
                flag += f" ({m['errors']} errors)"
            lines.append(
                f"| {label} | {LABELS[server]}{flag} | {m['rps']:,.0f} | {m['p99']:.2f} | {m['rss']:.1f} | {m['cpu_us']:.1f} ({m['user_us']:.1f} + {m['sys_us']:.1f}) | "
                f"{ratio(m['rps'], base_n and base_n['rps'])} | {ratio(m['rps'], base_h and base_h['rps'])} | "
                f"{ratio(m['p99'], base_n and base_n['p99'])} | {ratio(m['p99'], base_h and base_h['p99'])} | "
                f"{ratio(m['rss'], base_n and base_n['rss'])} | {ratio(m['rss'], base_h and base_h['rss'])} |")
    lines.append("")
    lines.append("Medians of the rounds; RSS is the server's resident memory after each run (nginx: master + workers); "
                 "CPU µs/req is the server's CPU time (user + system, all its threads) per request.")
    if any(m["eof_closes"] for m in t.values()):
        lines.append("")
        lines.append("¹ The server closed each connection after its response without a `Connection: close` header "
                     "(RFC 9112 §9.6 asks for one); wrk then counts a read error per request, but the requests "
                     "succeeded and are counted.")
    lines.append("")
    lines += http_targets(t)
    return "\n".join(lines), t


def http_targets(t):
    out = ["Targets:", ""]

    def check(ok, text):
        out.append(f"- {'met' if ok else 'NOT met'}: {text}")

    for case in ("keepalive-c16", "keepalive-c128"):
        ours, n, h = t.get(("newslens", case)), t.get(("nginx", case)), t.get(("hummingbird", case))
        if not (ours and n and h):
            continue
        check(ours["rps"] >= n["rps"], f"{case} ≥ 1.0× nginx ({ours['rps'] / n['rps']:.2f}×)")
        check(ours["rps"] >= 1.5 * h["rps"], f"{case} ≥ 1.5× Hummingbird ({ours['rps'] / h['rps']:.2f}×)")
        check(ours["p99"] <= h["p99"], f"{case} p99 no worse than Hummingbird's ({ours['p99']:.2f} vs {h['p99']:.2f} ms)")
    ours, n = t.get(("newslens", "close-c16")), t.get(("nginx", "close-c16"))
    if ours and n:
        check(ours["rps"] >= n["rps"], f"close-c16 ≥ 1.0× nginx ({ours['rps'] / n['rps']:.2f}×)")
    return out


def svg_chart(t, title):
    width, height, left, bottom, top = 760, 380, 70, 60, 40
    plot_w, plot_h = width - left - 20, height - top - bottom
    peak = max((m["rps"] for m in t.values()), default=1)
    step = 10 ** (len(str(int(peak))) - 1)
    y_max = ((int(peak) // step) + 1) * step
    group_w = plot_w / len(CASES)
    bar_w = group_w / (len(SERVERS) + 1)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
             f'<rect width="{width}" height="{height}" fill="white"/>',
             f'<text x="{width / 2}" y="22" text-anchor="middle" font-size="15">{title}</text>']
    for k in range(6):
        value = y_max * k / 5
        y = top + plot_h - plot_h * k / 5
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="#ddd"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{value / 1000:.0f}k</text>')
    parts.append(f'<text x="16" y="{top + plot_h / 2}" transform="rotate(-90 16 {top + plot_h / 2})" '
                 f'text-anchor="middle">requests/s (median)</text>')
    for g, (case, label) in enumerate(CASES):
        x0 = left + g * group_w + bar_w / 2
        for s, server in enumerate(SERVERS):
            m = t.get((server, case))
            if not m:
                continue
            h = plot_h * m["rps"] / y_max
            x = x0 + s * bar_w
            y = top + plot_h - h
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w - 4:.1f}" height="{h:.1f}" fill="{COLORS[server]}">'
                         f'<title>{LABELS[server]}, {label}: {m["rps"]:,.0f} req/s, p99 {m["p99"]:.2f} ms</title></rect>')
            parts.append(f'<text x="{x + (bar_w - 4) / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle" font-size="10">'
                         f'{m["rps"] / 1000:.1f}k</text>')
        parts.append(f'<text x="{left + g * group_w + group_w / 2:.1f}" y="{top + plot_h + 18}" '
                     f'text-anchor="middle">{label}</text>')
    for s, server in enumerate(SERVERS):
        x = left + 10 + s * 150
        parts.append(f'<rect x="{x}" y="{height - 22}" width="12" height="12" fill="{COLORS[server]}"/>')
        parts.append(f'<text x="{x + 18}" y="{height - 12}">{LABELS[server]}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def run_line(text):
    """The `# run of ...` line run.sh writes first, as a sentence before the table."""
    m = re.match(r"# (run of .*)", text)
    return [f"R{m.group(1)[1:]}.", ""] if m else []


def extraction_section(text):
    words = re.search(r"analysis:\s+(\d+) words/s on CPU time \((\d+) µs per document\), (\d+) words/s wall", text)
    docs = re.search(r"documents (\d+), words (\d+), passes (\d+)", text)
    pages_cpu = re.search(r"FIGURE html_pages_per_s_cpu (\d+)", text)
    pages_wall = re.search(r"FIGURE html_pages_per_s (\d+)", text)
    pages = re.search(r"pages (\d+) passes (\d+) bytes/page (\d+)", text)
    lines = run_line(text) + ["| benchmark | one core (thread CPU time) | wall clock | target |", "|---|---:|---:|---|"]
    if words:
        rate = int(words.group(1))
        lines.append(f"| plain text analysis ({docs.group(1)} documents, {int(docs.group(2)):,} words × {docs.group(3)} passes) | "
                     f"{rate:,} words/s | {int(words.group(3)):,} words/s | ≥ 500,000 words/s: {'met' if rate >= 500_000 else 'NOT met'} |")
    if pages_wall:
        cpu = int(pages_cpu.group(1)) if pages_cpu else None
        shown = f"{cpu:,} pages/s" if cpu else "–"
        rate = cpu or int(pages_wall.group(1))
        lines.append(f"| HTML extraction ({pages.group(1)} pages, {int(pages.group(3)):,} bytes/page × {pages.group(2)} passes) | "
                     f"{shown} | {int(pages_wall.group(1)):,} pages/s | ≥ 600 pages/s: {'met' if rate >= 600 else 'NOT met'} |")
    return "\n".join(lines)


def memory_section(text):
    lines = run_line(text) + ["| articles | JSON per article | resident per article | ratio | target ≤ 3× |", "|---:|---:|---:|---:|---|"]
    for block in text.split("=== ")[1:]:
        count = int(block.split()[0])
        json_b = re.search(r"JSON per article:\s+(\d+) bytes", block)
        res = re.search(r"resident per article:\s+(\d+) bytes = ([\d.]+)x", block)
        if json_b and res:
            r = float(res.group(2))
            lines.append(f"| {count:,} | {int(json_b.group(1)):,} B | {int(res.group(1)):,} B | {r:.2f}× | {'met' if r <= 3 else 'NOT met'} |")
    return "\n".join(lines)


def replace_section(document, name, body):
    pattern = re.compile(rf"(<!-- results:{name} -->\n).*?(<!-- /results:{name} -->)", re.S)
    if not pattern.search(document):
        return document
    return pattern.sub(lambda m: m.group(1) + body.rstrip() + "\n" + m.group(2), document)


def main():
    results = sys.argv[1]
    target = sys.argv[2] if len(sys.argv) > 2 else None
    sections = {}
    http_path = os.path.join(results, "http.jsonl")
    if os.path.exists(http_path):
        rows = [json.loads(line) for line in open(http_path) if line.strip()]
        meta_path = os.path.join(results, "http-meta.json")
        meta = json.load(open(meta_path)) if os.path.exists(meta_path) else {}
        sections["http"], table = http_section(rows, meta)
        with open(os.path.join(results, "http.svg"), "w") as f:
            title = "GET /v1/articles/{id}: requests/s by server and connections (wrk, loopback)"
            if meta.get("seconds", 10) < 10 or meta.get("rounds", 3) < 3:
                title = "SMOKE RUN, not a measurement: requests/s by server and connections"
            f.write(svg_chart(table, title))
    for name, build in (("extraction", extraction_section), ("memory", memory_section)):
        path = os.path.join(results, f"{name}.txt")
        if os.path.exists(path):
            sections[name] = build(open(path).read())
    for name, body in sections.items():
        print(f"## {name}\n\n{body}\n")
    if target:
        document = open(target).read()
        for name, body in sections.items():
            document = replace_section(document, name, body)
        open(target, "w").write(document)


if __name__ == "__main__":
    main()
