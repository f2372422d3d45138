"""PostgreSQL's statement log (log_min_duration_statement) summed by statement shape: literals, $n parameters and
parameter lists folded, long texts cut in the middle. Shared by bench/board-profile.py and bench/rest-profile.py."""
import collections
import re


def shapes(log_text, db, phases=False, width=220):
    """{shape: [count, server ms]} for the entries of database db. With phases, the extended protocol's parse and
    bind entries count too, each shape prefixed by its phase; without, only execute and simple statements."""
    entries = re.split(r"\n(?=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)", log_text)
    kinds = "parse|bind|execute|statement" if phases else "execute|statement"
    summed = collections.defaultdict(lambda: [0, 0.0])
    for entry in entries:
        if f"@{db} " not in entry:
            continue
        m = re.search(rf"duration: ([0-9.]+) ms  ({kinds})[^:]*: (.*)", entry, re.S)
        if not m:
            continue
        sql = " ".join(m.group(3).split())
        sql = re.sub(r"'[^']*'", "?", sql)
        sql = re.sub(r"\$\d+", "?", sql)
        sql = re.sub(r"(\?\s*,\s*)+\?", "?..", sql)
        shape = sql if len(sql) <= width else sql[:width // 2 + 10] + " … " + sql[-(width // 2 - 10):]
        entry_sum = summed[(m.group(2) + " " if phases else "") + shape]
        entry_sum[0] += 1
        entry_sum[1] += float(m.group(1))
    return summed
