#!/usr/bin/env bash
set -uo pipefail
BOARD=1 CALLS=base /tmp/tl2/inv.sh > /tmp/tl2/inv.out 2>&1
p=$(ls -t "$(dirname "$0")/../results/"tasklist-*-before-plans-100000.txt | head -1)
/tmp/tl2/exp.sh "$p" /tmp/tl2/exp.txt
CALLS=indexes USERS=none "$(dirname "$0")/inv.sh" > /tmp/tl2/inv2.out 2>&1
echo done
