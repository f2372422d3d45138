#!/usr/bin/env python3
# prototype of the semi-join rewrite (string level, whitespace-normalized SQL)
import re, sys
FROM = "from ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_ WHERE "
BLOCK = re.compile(r"\( (RES\.ASSIGNEE_ is null and )?I\.TYPE_ = 'candidate'((?: and \((?: I\.USER_ID_ = \S+| or| I\.GROUP_ID_ IN \((?: \S+ ,?)+\)| I\.GROUP_ID_ LIKE \S+)+ \))?(?: and I\.GROUP_ID_ is not null)?(?: and I\.USER_ID_ is not null)?) \)")
def rewrite(sql):
    s = " ".join(sql.split())
    if s.count(FROM) != 1: return None
    m = list(BLOCK.finditer(s))
    if len(m) != 1: return None
    b = m[0]
    inner = b.group(0)[2:-2]
    assign = b.group(1) or ""
    cond = inner[len(assign):]
    repl = "( " + assign + "EXISTS ( select 1 from ACT_RU_IDENTITYLINK I where I.TASK_ID_ = RES.ID_ and " + cond + " ) )"
    s2 = s[:b.start()] + repl + s[b.end():]
    s2 = s2.replace(FROM, "from ACT_RU_TASK RES WHERE ")
    rest = s2.replace(repl, "")
    if re.search(r"\bI\.", rest): return None
    if s2.startswith("SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ from"):
        s2 = s2.replace("SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ from", "SELECT COUNT(*) FROM (SELECT RES.ID_ from", 1)
    elif s2.startswith("select distinct RES."):
        s2 = "select " + s2[len("select distinct "):]
    else: return None
    return s2
if __name__ == "__main__":
    for line in sys.stdin:
        r = rewrite(line.strip().rstrip(';'))
        print(r + ";" if r else "NONE")
