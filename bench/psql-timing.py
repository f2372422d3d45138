#!/usr/bin/env python3
# usage: bench/psql-timing.py DB N label[|setting;setting]=SQL ... ; each SQL N times (interleaved), each in its own transaction with SET LOCAL settings (plain execution, no EXPLAIN: its per-row timing roughly doubles these statements); median/min/max ms
import subprocess, sys, re, statistics
db, n = sys.argv[1], int(sys.argv[2])
items = []
for a in sys.argv[3:]:
    head, sql = a.split('=', 1)
    label, _, settings = head.partition('|')
    items.append((label, settings, sql.rstrip().rstrip(';')))
script = ""
for i in range(n):
    for label, settings, sql in items:
        script += "\\timing off\nbegin;\n" + "".join(f"set local {s.replace(':', ' = ')};\n" for s in settings.split(';') if s) + f"\\echo MARK {label}\n\\timing on\n{sql};\n\\timing off\ncommit;\n"
out = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-X", "-At", "-q"], input=script, capture_output=True, text=True).stdout
times = {l: [] for l, _, _ in items}; cur = None; results = {}
for line in out.splitlines():
    if line.startswith("MARK "): cur = line[5:]; continue
    m = re.match(r"Time: ([\d.]+) ms", line)
    if m and cur: times[cur].append(float(m.group(1))); cur = None
    elif cur: results.setdefault(cur, line)
for l, _, _ in items:
    t = sorted(times[l])
    print(f"{l:28s} median {statistics.median(t):7.1f}  min {t[0]:7.1f}  max {t[-1]:7.1f}  n={len(t)}  row1={results.get(l,'')[:50]}")
