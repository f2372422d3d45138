#!/bin/bash
# usage: bench/auth-cost.sh JAR [LABEL]   (N=200 requests by default; PostgreSQL on 127.0.0.1:5432, user postgres)
# Measures — transactions committed per GET /engine-rest/engine on a throwaway
# PostgreSQL database: the COMMITs the application's connections send while N requests run, read from
# the server log (log_statement=all set on this database only), and pg_stat_database.xact_commit beside it
set -u
JAR=${1:?jar}; LABEL=${2:-run}; DB=infra_auth_$$; PORT=18091; N=${N:-200}
LOG=/var/log/postgresql/postgresql-15-main.log
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $DB" >/dev/null
psql -h 127.0.0.1 -U postgres -qc "ALTER DATABASE $DB SET log_statement = 'all'" >/dev/null
SPRING_PROFILES_ACTIVE=postgres DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB DB_USER=postgres DB_PASSWORD=x \
  ADMIN_USER=admin ADMIN_PASSWORD='Kx7#mQ2v-Lp9!zRw' SERVER_PORT=$PORT CAMUNDA_BPM_JOB_EXECUTION_ENABLED=false \
  java -Xmx512m -jar $JAR > bench/results/auth-cost-$LABEL.log 2>&1 &
PID=$!
for i in $(seq 1 120); do curl -s -o /dev/null http://127.0.0.1:$PORT/actuator/health && break; sleep 1; done
q() { psql -h 127.0.0.1 -U postgres -d $DB -Atc "select xact_commit from pg_stat_database where datname='$DB'"; }
curl -s -o /dev/null -w 'warm-up status %{http_code}\n' -u 'admin:Kx7#mQ2v-Lp9!zRw' http://127.0.0.1:$PORT/engine-rest/engine
sleep 2
start=$(wc -l < $LOG); before=$(q)
for i in $(seq 1 $N); do curl -s -o /dev/null -u 'admin:Kx7#mQ2v-Lp9!zRw' http://127.0.0.1:$PORT/engine-rest/engine; done
sleep 2; after=$(q)
commits=$(tail -n +$((start+1)) $LOG | grep "@$DB " | grep -c ": COMMIT$")
echo "$LABEL: $N requests: $commits COMMITs from the application ($(echo "scale=2; $commits / $N" | bc) per request); pg_stat_database.xact_commit +$((after-before)) (includes psql's own and background work)"
kill $PID; wait $PID 2>/dev/null
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE $DB WITH (FORCE)" >/dev/null
