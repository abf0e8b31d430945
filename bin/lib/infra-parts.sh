# Parts of the local stack: prepare_/start_/health_/urls_ functions per part. Source after infra-common.sh.
# shellcheck shell=bash

PARTS=(postgres kafka s3 keycloak mail sms traces web)

SMALL_JVM=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k)
KC_VERSION_DIR="$(ls -d "$LS_DIR"/keycloak/target/keycloak-[0-9]* 2>/dev/null | sort -V | tail -n 1 || true)"

# Everything the parts need from the local-stack build.
build_outputs() {
  echo "$LS_DIR/postgres/target/classes/cn/beian/localstack/PostgresMain.class"
  echo "$LS_DIR/postgres/target/lib"
  echo "$LS_DIR/kafka/target/classes/cn/beian/localstack/kafka/KafkaReady.class"
  echo "$LS_DIR/kafka/target/lib"
  echo "$LS_DIR/sms/target/classes/cn/beian/localstack/sms/SmsGatewayMain.class"
  echo "$LS_DIR/sms/target/lib"
  echo "$LS_DIR/traces/target/classes/cn/beian/localstack/traces/TraceSinkMain.class"
  echo "$LS_DIR/traces/target/lib"
  echo "$LS_DIR/web/target/classes/cn/beian/localstack/web/StandInWebMain.class"
  echo "$LS_DIR/web/target/lib"
  echo "$LS_DIR/tools/target/tools/s3proxy.jar"
  echo "$LS_DIR/tools/target/tools/greenmail-standalone.jar"
  echo "${KC_VERSION_DIR:-$LS_DIR/keycloak/target/keycloak-missing}/bin/kc.sh"
}

# ---------------------------------------------------------------- PostgreSQL (zonky embedded-postgres)

pg_postmaster_pid() { # pid of a postmaster running on our data directory, if any
  local f="$BEIAN_DATA/postgres/postmaster.pid" pid
  [ -s "$f" ] || return 1
  pid="$(head -n 1 "$f")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

pg_stop_orphan() { # a postmaster outliving its JVM (e.g. after kill -9): fast shutdown (SIGINT) so data survives
  local pid i
  pid="$(pg_postmaster_pid)" || return 0
  info "postgres: stopping orphaned postmaster $pid (fast shutdown)"
  kill -INT "$pid" 2>/dev/null || true
  for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  warn "postgres: postmaster $pid still running after 10s"
}

start_postgres() {
  pg_stop_orphan
  launch postgres java -Xmx256m "${SMALL_JVM[@]}" \
    -cp "$LS_DIR/postgres/target/classes:$LS_DIR/postgres/target/lib/*" cn.beian.localstack.PostgresMain
}

health_postgres() {
  port_open "$BEIAN_PG_PORT" || return 1
  if command -v psql >/dev/null 2>&1; then
    PGPASSWORD="$BEIAN_DB_PASSWORD" PGCONNECT_TIMEOUT=3 psql -h 127.0.0.1 -p "$BEIAN_PG_PORT" -U "$BEIAN_DB_USER" \
      -d national -tAc 'select 1' >/dev/null 2>&1
  else
    log_since_start postgres | grep BEIAN-POSTGRES-READY >/dev/null
  fi
}

stop_postgres() {
  # SIGTERM to the JVM runs zonky's shutdown hook: pg_ctl stop -m fast (the postmaster runs in its own session).
  stop_group postgres 30 || true
  pg_stop_orphan
}

urls_postgres() {
  local db
  echo "  PostgreSQL 17   jdbc:postgresql://localhost:$BEIAN_PG_PORT/<db>   user $BEIAN_DB_USER / $BEIAN_DB_PASSWORD"
  printf '                  databases:'; for db in subject website materials review notification national; do printf ' %s' "$db"; done; echo
}

# ---------------------------------------------------------------- Kafka (KRaft, combined broker+controller)

kafka_cp() { echo "$LS_DIR/kafka/target/classes:$LS_DIR/kafka/target/lib/*"; }

start_kafka() {
  local dir="$BEIAN_DATA/kafka" conf="$BEIAN_DATA/kafka-conf"
  mkdir -p "$conf"
  cat >"$conf/server.properties" <<PROPS
# Written by bin/infra on every start (ports follow BEIAN_PORT_OFFSET); data in log.dirs is kept.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@localhost:$BEIAN_KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://localhost:$BEIAN_KAFKA_PORT,CONTROLLER://localhost:$BEIAN_KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://localhost:$BEIAN_KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$dir
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
delete.topic.enable=true
num.network.threads=2
num.io.threads=4
log.retention.hours=168
PROPS
  cat >"$conf/tools-log.properties" <<'PROPS'
org.slf4j.simpleLogger.defaultLogLevel=warn
PROPS
  # Format once: StorageTool.main calls System.exit, so it runs in its own JVM before the broker.
  launch kafka bash -c '
    set -e
    if [ ! -f "$1/meta.properties" ]; then
      id="$(java -cp "$3" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn kafka.tools.StorageTool random-uuid)"
      echo "formatting $1 with cluster id $id"
      java -cp "$3" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn kafka.tools.StorageTool format -t "$id" -c "$2/server.properties"
    fi
    exec java -Xms128m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
      -Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd\ HH:mm:ss.SSS \
      -Dorg.slf4j.simpleLogger.log.org.apache.kafka.common.config=warn \
      -cp "$3" kafka.Kafka "$2/server.properties"' kafka-start "$dir" "$conf" "$(kafka_cp)"
}

kafka_admin() { # kafka_admin [--list | --create TOPIC]
  java "${SMALL_JVM[@]}" -Xmx128m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$(kafka_cp)" \
    cn.beian.localstack.kafka.KafkaReady "localhost:$BEIAN_KAFKA_PORT" "$@"
}

health_kafka() {
  # cheap checks first (the broker logs "Kafka Server started"), then a real AdminClient round trip
  port_open "$BEIAN_KAFKA_PORT" || return 1
  if [ -f "$(log_file kafka)" ] && ! log_since_start kafka | grep 'Kafka Server started' >/dev/null; then return 1; fi
  kafka_admin
}

stop_kafka() { stop_group kafka 40 || true; }

urls_kafka() {
  echo "  Kafka 4.1 KRaft localhost:$BEIAN_KAFKA_PORT (PLAINTEXT; controller localhost:$BEIAN_KAFKA_CONTROLLER_PORT)"
}

# ---------------------------------------------------------------- S3 (s3proxy, filesystem backend)

s3_curl() { # s3_curl ARGS... : curl with AWS SigV4 signing against the local endpoint
  # s3proxy requires x-amz-content-sha256 (curl 7.88 does not add it); UNSIGNED-PAYLOAD is accepted.
  curl -sS --max-time 5 --aws-sigv4 "aws:amz:us-east-1:s3" --user "$BEIAN_S3_ACCESS_KEY:$BEIAN_S3_SECRET_KEY" \
    -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" "$@"
}

start_s3() {
  local conf="$BEIAN_DATA/s3-conf"
  mkdir -p "$BEIAN_DATA/s3" "$conf"
  cat >"$conf/s3proxy.properties" <<PROPS
# Written by bin/infra on every start. The endpoint host must be the one clients use (presigned URLs).
s3proxy.endpoint=http://localhost:$BEIAN_S3_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$BEIAN_S3_ACCESS_KEY
s3proxy.credential=$BEIAN_S3_SECRET_KEY
s3proxy.cors-allow-all=true
s3proxy.ignore-unknown-headers=true
jclouds.provider=filesystem
jclouds.filesystem.basedir=$BEIAN_DATA/s3
jclouds.regions=us-east-1
PROPS
  launch s3 java -Xmx256m "${SMALL_JVM[@]}" -jar "$LS_DIR/tools/target/tools/s3proxy.jar" \
    --properties "$conf/s3proxy.properties"
}

health_s3() {
  port_open "$BEIAN_S3_PORT" || return 1
  local code
  code="$(s3_curl -o /dev/null -w '%{http_code}' "http://localhost:$BEIAN_S3_PORT/$BEIAN_S3_BUCKET?list-type=2" || true)"
  if [ "$code" = 404 ]; then # bucket missing: create it (PUT Bucket), then check again
    s3_curl -o /dev/null -X PUT "http://localhost:$BEIAN_S3_PORT/$BEIAN_S3_BUCKET" || true
    code="$(s3_curl -o /dev/null -w '%{http_code}' "http://localhost:$BEIAN_S3_PORT/$BEIAN_S3_BUCKET?list-type=2" || true)"
  fi
  [ "$code" = 200 ]
}

stop_s3() { stop_group s3 15 || true; }

urls_s3() {
  echo "  S3 (s3proxy)    http://localhost:$BEIAN_S3_PORT   bucket $BEIAN_S3_BUCKET   key $BEIAN_S3_ACCESS_KEY / $BEIAN_S3_SECRET_KEY (region us-east-1, path-style)"
}

# ---------------------------------------------------------------- Keycloak (start-dev, H2 in $BEIAN_DATA/keycloak)

KC_HOME="$BEIAN_DATA/keycloak"

kc_prepare_home() {
  [ -n "$KC_VERSION_DIR" ] || die "keycloak distribution missing under $LS_DIR/keycloak/target"
  local version; version="$(basename "$KC_VERSION_DIR")"
  if [ "$(cat "$KC_HOME/.beian-dist" 2>/dev/null || true)" != "$version" ]; then
    info "keycloak: laying out $version in $KC_HOME (jars hard-linked when possible)"
    rm -rf "$KC_HOME/bin" "$KC_HOME/conf" "$KC_HOME/lib" "$KC_HOME/providers" "$KC_HOME/themes"
    mkdir -p "$KC_HOME/lib"
    # Immutable jars: hard links (no copy) if on the same file system; everything Keycloak rewrites (lib/quarkus on
    # re-augmentation, conf, data) is a real copy so several stacks never write into the Maven build output.
    cp -al "$KC_VERSION_DIR/lib/lib" "$KC_HOME/lib/lib" 2>/dev/null || cp -a "$KC_VERSION_DIR/lib/lib" "$KC_HOME/lib/lib"
    local f
    for f in "$KC_VERSION_DIR"/lib/*; do
      [ "$(basename "$f")" = lib ] || cp -a "$f" "$KC_HOME/lib/"
    done
    for f in bin conf providers themes version.txt LICENSE.txt README.md; do
      [ -e "$KC_VERSION_DIR/$f" ] && cp -a "$KC_VERSION_DIR/$f" "$KC_HOME/"
    done
    echo "$version" >"$KC_HOME/.beian-dist"
  fi
  # start-dev re-augments a fresh home (about 30 s of the stack's start on 2 cores) unless it finds a build for the
  # same options: the first healthy start leaves one next to the distribution (kc_save_augmentation), later fresh
  # homes start from a copy of it.
  local cache; cache="$(kc_augmentation_cache)"
  if [ -f "$cache/.complete" ] && [ ! -f "$KC_HOME/.beian-augmented" ]; then
    rm -rf "$KC_HOME/lib/quarkus"
    cp -a "$cache/quarkus" "$KC_HOME/lib/quarkus"
    touch "$KC_HOME/.beian-augmented"
  fi
  mkdir -p "$KC_HOME/data/import"
  # Imported only when the realm does not exist yet (H2 data in $KC_HOME/data/h2 persists it). The console's client
  # also trusts this stack's own review-service origin, whatever its port offset (the file lists ports 8104, 18104).
  sed "s#\"http://127.0.0.1:18104\"#\"http://127.0.0.1:18104\", \"http://localhost:$BEIAN_REVIEW_PORT\", \"http://127.0.0.1:$BEIAN_REVIEW_PORT\"#" \
    "$LS_DIR/keycloak/beian-realm.json" >"$KC_HOME/data/import/beian-realm.json"
}

start_keycloak() {
  kc_prepare_home
  launch keycloak env JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
    KC_BOOTSTRAP_ADMIN_USERNAME="${BEIAN_KEYCLOAK_ADMIN:-admin}" \
    KC_BOOTSTRAP_ADMIN_PASSWORD="${BEIAN_KEYCLOAK_ADMIN_PASSWORD:-admin-local}" \
    "$KC_HOME/bin/kc.sh" start-dev \
    --http-host=127.0.0.1 \
    --http-port="$BEIAN_KEYCLOAK_PORT" \
    --http-management-port="$BEIAN_KEYCLOAK_MGMT_PORT" \
    --hostname="http://localhost:$BEIAN_KEYCLOAK_PORT" \
    --health-enabled=true \
    --metrics-enabled=false \
    --import-realm
}

# Where the augmented build of this distribution for start-dev's options is kept (under the Maven build output: a
# clean build drops it with the distribution; the options are the same for every stack).
kc_augmentation_cache() { echo "$LS_DIR/keycloak/target/augmented-dev-$(basename "$KC_VERSION_DIR")"; }

# After a healthy start: keep this home's augmented build for the next fresh home, once (a copy renamed into place, so
# two stacks starting at once never see half of one).
healthy_keycloak() {
  local cache tmp; cache="$(kc_augmentation_cache)"
  [ ! -f "$cache/.complete" ] || return 0
  tmp="$cache.tmp.$$"
  rm -rf "$tmp" && mkdir -p "$tmp" && cp -a "$KC_HOME/lib/quarkus" "$tmp/quarkus" && touch "$tmp/.complete" \
    && { mv -T "$tmp" "$cache" 2>/dev/null || rm -rf "$tmp"; }
  touch "$KC_HOME/.beian-augmented"
}

health_keycloak() {
  http_ok "http://localhost:$BEIAN_KEYCLOAK_MGMT_PORT/health/ready" &&
    http_ok "http://localhost:$BEIAN_KEYCLOAK_PORT/realms/$BEIAN_REALM/.well-known/openid-configuration"
}

stop_keycloak() { stop_group keycloak 30 || true; }

urls_keycloak() {
  echo "  Keycloak 26     http://localhost:$BEIAN_KEYCLOAK_PORT/realms/$BEIAN_REALM   (issuer; admin console http://localhost:$BEIAN_KEYCLOAK_PORT/admin  ${BEIAN_KEYCLOAK_ADMIN:-admin} / ${BEIAN_KEYCLOAK_ADMIN_PASSWORD:-admin-local})"
  echo "                  token endpoint http://localhost:$BEIAN_KEYCLOAK_PORT/realms/$BEIAN_REALM/protocol/openid-connect/token   health http://localhost:$BEIAN_KEYCLOAK_MGMT_PORT/health/ready"
}

# ---------------------------------------------------------------- SMTP sink (GreenMail standalone)

start_mail() {
  launch mail java -Xmx256m "${SMALL_JVM[@]}" \
    -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$BEIAN_SMTP_PORT" \
    -Dgreenmail.auth.disabled \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$BEIAN_MAIL_API_PORT" \
    -jar "$LS_DIR/tools/target/tools/greenmail-standalone.jar"
}

health_mail() {
  port_open "$BEIAN_SMTP_PORT" && http_ok "http://127.0.0.1:$BEIAN_MAIL_API_PORT/api/service/readiness"
}

stop_mail() { stop_group mail 15 || true; }

urls_mail() {
  echo "  SMTP (GreenMail) smtp://127.0.0.1:$BEIAN_SMTP_PORT (no auth, no TLS)   API http://127.0.0.1:$BEIAN_MAIL_API_PORT/api/user/<address>/messages/INBOX"
}

# ---------------------------------------------------------------- SMS gateway stand-in

start_sms() {
  launch sms java -Xmx128m "${SMALL_JVM[@]}" \
    -cp "$LS_DIR/sms/target/classes:$LS_DIR/sms/target/lib/*" cn.beian.localstack.sms.SmsGatewayMain
}

health_sms() { http_ok "http://127.0.0.1:$BEIAN_SMS_PORT/health"; }

stop_sms() { stop_group sms 10 || true; }

urls_sms() {
  echo "  SMS gateway     http://127.0.0.1:$BEIAN_SMS_PORT/api/v1/sms/send (Bearer $BEIAN_SMS_API_KEY)   read: GET /api/v1/sms/messages?phone=&since="
}

# ---------------------------------------------------------------- trace sink (OTLP/HTTP stand-in for a collector)

start_traces() {
  launch traces java -Xmx192m "${SMALL_JVM[@]}" \
    -cp "$LS_DIR/traces/target/classes:$LS_DIR/traces/target/lib/*" cn.beian.localstack.traces.TraceSinkMain
}

health_traces() { http_ok "http://127.0.0.1:$BEIAN_TRACES_PORT/health"; }

stop_traces() { stop_group traces 10 || true; }

urls_traces() {
  echo "  Trace sink      http://127.0.0.1:$BEIAN_TRACES_PORT/v1/traces (OTLP/HTTP)   read: GET /api/v1/spans?traceId= | ?attribute=beian.order.id=<id>"
}

# ---------------------------------------------------------------- stand-in internet (what website probes reach)

start_web() {
  launch web java -Xmx128m "${SMALL_JVM[@]}" \
    -cp "$LS_DIR/web/target/classes:$LS_DIR/web/target/lib/*" cn.beian.localstack.web.StandInWebMain
}

health_web() { http_ok "http://127.0.0.1:$BEIAN_WEB_PORT/health"; }

stop_web() { stop_group web 10 || true; }

urls_web() {
  echo "  Stand-in web    http://127.0.0.1:$BEIAN_WEB_PORT/ and https://127.0.0.1:$BEIAN_WEB_TLS_PORT/ (any Host, self-signed)   set a site: PUT /_standin/sites/<host> {\"page\":\"GOOD\",\"filingNumber\":\"…\"}"
}

part_port() { # main port of a part (for "port already taken" checks)
  case "$1" in
    postgres) echo "$BEIAN_PG_PORT" ;; kafka) echo "$BEIAN_KAFKA_PORT" ;; s3) echo "$BEIAN_S3_PORT" ;;
    keycloak) echo "$BEIAN_KEYCLOAK_PORT" ;; mail) echo "$BEIAN_SMTP_PORT" ;; sms) echo "$BEIAN_SMS_PORT" ;;
    traces) echo "$BEIAN_TRACES_PORT" ;; web) echo "$BEIAN_WEB_PORT" ;;
  esac
}

part_timeout() {
  case "$1" in
    keycloak) echo "${BEIAN_INFRA_KEYCLOAK_TIMEOUT:-180}" ;;
    *) echo "$INFRA_TIMEOUT" ;;
  esac
}
