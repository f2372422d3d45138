#!/usr/bin/env python3
"""Turns MyBatis debug lines (==>  Preparing: … / ==> Parameters: …) from the application log into
executable SQL, one statement per line, for EXPLAIN ANALYZE in psql. Reads stdin, writes stdout."""
import re, sys
sql = None
for line in sys.stdin:
    if '==>  Preparing: ' in line:
        sql = line.split('==>  Preparing: ', 1)[1].strip()
    elif '==> Parameters: ' in line and sql:
        raw = line.split('==> Parameters: ', 1)[1].strip()
        params = re.findall(r'(.*?)\((String|Integer|Long|Boolean|Timestamp|Date)\)(?:, |$)', raw) if raw else []
        parts = sql.split('?')
        out = parts[0]
        for (value, kind), part in zip(params, parts[1:]):
            if kind in ('Integer', 'Long'):
                out += value
            elif kind == 'Boolean':
                out += 'true' if value == 'true' else 'false'
            else:
                out += "'" + value.replace("'", "''") + "'"
            out += part
        print(out + ';')
        sql = None
