#!/usr/bin/env python3
"""pathological-requests.py - the resource-limit inputs of issue 7, sent to a running `newslens serve`.

Usage: python3 Benchmarks/pathological-requests.py 127.0.0.1:8080 [--pid PID] [--path /v1/analyze]

Each input goes to POST /v1/analyze on its own connection: 1 MiB of prose, 100,000 paragraphs, a million
quotation marks, deeply nested HTML, deeply nested JSON (arrays, objects, and nesting inside the article
object), JSON with very long strings and many keys, and a body over the 4 MiB limit. For each it prints the
status, the wall time to the full answer, the server's CPU time for it (user + system, with --pid: on a
shared machine the wall time includes waiting for a core) and the problem detail (for 4xx), then the
server's peak resident memory (VmHWM, with --pid). Figures, not pass/fail, except that every request must get a complete answer
with a status in the expected set (exit status 1 otherwise): an answer, or a clear 413/422 (400 for JSON
the parser refuses).
"""
import argparse
import json
import os
import socket
import sys
import time

MiB = 1 << 20


def prose(size, quoted_every=4):
    """News-like paragraphs, one in `quoted_every` with a quotation (1: every paragraph)."""
    plain = ('The city council approved the harbour plan on Monday after a long debate. Officials from the '
             'Port Authority said the vote was 5 to 2 and that the ferry service would resume in March.\n\n')
    quoted = ('"We are pleased with the plan," said Mayor Ana Silva, adding that the council would meet '
              'again in the spring to review the first month of the new timetable.\n\n')
    unit = plain * (quoted_every - 1) + quoted
    return (unit * (size // len(unit) + 1))[:size]


def families():
    text = 'text/plain; charset=utf-8'
    html = 'text/html; charset=utf-8'
    js = 'application/json'
    depth = 100_000
    yield '1 MiB of prose', text, prose(MiB).encode(), {200}
    yield '1 MiB of prose, a quote in every paragraph', text, prose(MiB, 1).encode(), {200, 422}
    yield '100,000 paragraphs', text, ''.join(f'Paragraph {i} said Ana.\n\n' for i in range(100_000)).encode(), {200, 422}
    yield 'a million quotation marks', text, ('"' * 1_000_000).encode(), {422}
    yield 'a million curly quotes', text, ('\u201c' * 1_000_000).encode(), {413, 422}
    yield '100,000 paragraphs of one quote mark', text, ('"\n\n' * 100_000).encode(), {422}
    yield f'HTML nested {depth} deep', html, (b'<html><body>' + b'<div>' * depth + b'"Deep," she said.' + b'</div>' * depth), {200, 422}
    yield f'HTML unclosed {depth} deep', html, (b'<html><body>' + b'<div><p><b><i>' * (depth // 4) + b'text'), {200, 422}
    yield 'HTML, 200,000 attributes', html, (b'<html><body><p ' + b' '.join(b'a%d="v"' % i for i in range(200_000)) + b'>x</p>'), {200, 422}
    yield f'JSON arrays nested {depth} deep', js, (b'[' * depth + b']' * depth), {400, 422}
    yield f'JSON objects nested {depth} deep', js, (b'{"a":' * depth + b'1' + b'}' * depth), {400, 422}
    yield f'JSON text inside {depth} nested arrays', js, (b'{"text":' + b'[' * depth + b'"x"' + b']' * depth + b'}'), {400, 422}
    yield 'JSON, a 3 MiB string', js, json.dumps({'text': prose(3 * MiB, 8)}).encode(), {200, 422}
    yield 'JSON, 3 MiB of \\u escapes', js, (b'{"text":"' + b'\\u00e9' * (3 * MiB // 6) + b'"}'), {200, 422}
    yield 'JSON, 200,000 keys', js, (b'{' + b','.join(b'"k%d":1' % i for i in range(200_000)) + b',"text":"Ana said hi."}'), {200, 422}
    yield 'body over 4 MiB', text, b'a' * (4 * MiB + 1), {413}


def exchange(host, port, path, content_type, body, timeout=60):
    head = (f'POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: {content_type}\r\n'
            f'Content-Length: {len(body)}\r\nConnection: close\r\n\r\n').encode()
    started = time.monotonic()
    with socket.create_connection((host, port), timeout=timeout) as s:
        s.sendall(head)
        try:
            s.sendall(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # answered (413) before the whole body was sent
        data = b''
        while True:
            try:
                chunk = s.recv(1 << 16)
            except ConnectionResetError:
                break
            if not chunk:
                break
            data += chunk
    seconds = time.monotonic() - started
    head_end = data.find(b'\r\n\r\n')
    if head_end < 0:
        return None, seconds, 'no complete response'
    status = int(data.split(b' ', 2)[1])
    detail = ''
    if status >= 400:
        try:
            detail = json.loads(data[head_end + 4:]).get('detail', '')
        except ValueError:
            detail = data[head_end + 4:head_end + 200].decode('utf-8', 'replace')
    return status, seconds, detail


def peak_rss_mib(pid):
    try:
        with open(f'/proc/{pid}/status') as f:
            for line in f:
                if line.startswith('VmHWM:'):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def cpu_seconds(pid):
    try:
        with open(f'/proc/{pid}/stat') as f:
            fields = f.read().rsplit(')', 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf('SC_CLK_TCK')
    except (OSError, IndexError, ValueError):
        return None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('target', help='host:port of newslens serve')
    parser.add_argument('--pid', type=int, help="the server's process id, for its peak memory")
    parser.add_argument('--path', default='/v1/analyze')
    args = parser.parse_args()
    host, port = args.target.rsplit(':', 1)
    failures = 0
    if args.pid:
        print(f'server peak RSS before: {peak_rss_mib(args.pid):.1f} MiB')
    print(f'{"input":42} {"bytes":>9} {"status":>6} {"wall s":>7} {"cpu s":>6} {"peak MiB":>8}  detail')
    for label, content_type, body, expected in families():
        before = cpu_seconds(args.pid) if args.pid else None
        status, seconds, detail = exchange(host, int(port), args.path, content_type, body)
        after = cpu_seconds(args.pid) if args.pid else None
        cpu = f'{after - before:6.2f}' if before is not None and after is not None else f'{"-":>6}'
        peak = f'{peak_rss_mib(args.pid):8.1f}' if args.pid else f'{"-":>8}'
        ok = status in expected
        failures += 0 if ok else 1
        print(f'{label:42} {len(body):>9} {str(status):>6} {seconds:7.3f} {cpu} {peak}  '
              f'{"" if ok else "UNEXPECTED "}{detail[:100]}')
    print('all answered as expected' if failures == 0 else f'{failures} unexpected answers')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
