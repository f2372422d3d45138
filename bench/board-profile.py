#!/usr/bin/env python3
"""Sums a board profile (bench/board-profile.sh): the PostgreSQL log on stdin, statements of database argv[1]
only, grouped by shape (literals and parameter lists folded), per call (argv[2] calls); then the async-profiler
wall-clock samples (collapsed stacks, argv[3]) inside DeadlineBoard.read, by the innermost frame of the board's own code (deadlines, platform.DatedTaskLinks)
and the two frames below it."""
import collections
import re
import sys

from pg_statements import shapes

db, calls, stacks = sys.argv[1], int(sys.argv[2]), sys.argv[3]

statements = shapes(sys.stdin.read(), db)
print(f'## statements ≥ 1 ms, per call: ms, count, shape ({sum(v[1] for v in statements.values()) / calls:.1f} ms per call in all)')
for shape, (count, ms) in sorted(statements.items(), key=lambda kv: -kv[1][1])[:12]:
    print(f'{ms / calls:8.1f} {count / calls:6.1f}  {shape}')

def short(frame):
    parts = frame.replace('/', '.').split('.')
    return '.'.join(parts[-2:])

samples = collections.Counter()
total = 0
for line in open(stacks):
    stack, n = line.rsplit(' ', 1)
    if 'DeadlineBoard.read' not in stack:
        continue
    frames = stack.split(';')
    own = [i for i, f in enumerate(frames) if re.search(r'enforcement[./](deadlines[./]|platform[./]DatedTaskLinks)', f)][-1]
    samples[' > '.join(short(f) for f in frames[own:own + 3])] += int(n)
    total += int(n)
print(f'## wall-clock samples inside DeadlineBoard.read: {total} (every 2 ms), by the innermost frame of the board\'s code')
for key, n in samples.most_common(12):
    print(f'{n:6d} {100 * n / total:5.1f} %  {key}')
