#!/bin/bash
# two-replicas.sh APP_DIR DATA_DIR [PORT_A] [PORT_B]: replica A on the embedded engines of DATA_DIR (an imported set,
# e.g. the 200,000-firm one of README → Performance), replica B on A's engines (NEO4J_URI, DB_URL) with A's keys, both
# -Xmx4g; waits until both are ready and prints their pids. Stop them with: pkill -f 'duijie-replica'.
set -e
APP=$1; DATA=$2; PA=${3:-18201}; PB=${4:-18202}
NEO4J_PORT=18687; PG_PORT=18432
: "${DUIJIE_ADMIN_PASSWORD:?set DUIJIE_ADMIN_PASSWORD}"
mkdir -p /tmp/duijie-replica-b
DUIJIE_DATA_DIR=$DATA DUIJIE_NEO4J_PAGE_CACHE=2g DUIJIE_NEO4J_PORT=$NEO4J_PORT DUIJIE_POSTGRES_PORT=$PG_PORT PORT=$PA \
  nohup java -Xmx4g -Dduijie-replica=A -jar $APP/quarkus-run.jar > /tmp/duijie-replica-a.log 2>&1 &
echo "A pid $!"
until curl -sf localhost:$PA/q/health/ready > /dev/null; do sleep 1; done
KEYS=$DATA/keys
DUIJIE_DATA_DIR=/tmp/duijie-replica-b PORT=$PB NEO4J_URI=bolt://127.0.0.1:$NEO4J_PORT \
  DB_URL=postgresql://127.0.0.1:$PG_PORT/duijie DB_USERNAME=postgres \
  SMALLRYE_JWT_SIGN_KEY_LOCATION=file:$KEYS/jwt-private.pem MP_JWT_VERIFY_PUBLICKEY_LOCATION=file:$KEYS/jwt-public.pem \
  QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY=$(cat $KEYS/session.key) \
  nohup java -Xmx4g -Dduijie-replica=B -jar $APP/quarkus-run.jar > /tmp/duijie-replica-b.log 2>&1 &
echo "B pid $!"
until curl -sf localhost:$PB/q/health/ready > /dev/null; do sleep 1; done
echo "both ready"
