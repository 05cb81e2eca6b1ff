#!/usr/bin/env bash
# Makes a PostgreSQL server with the pgvector extension available and prints its JDBC URL.
#
# Order of preference:
#   1. an existing server: VECTOR_JPA_JDBC_URL (jdbc:postgresql://...) or DATABASE_URL (postgres[ql]://...)
#      is checked (it answers, and has or can create the vector extension);
#   2. a Docker engine that answers: prints "testcontainers" (tests start pgvector/pgvector:pg17 themselves);
#   3. Debian/Ubuntu: installs PostgreSQL and pgvector when absent, starts a private cluster on a free
#      local port, creates role + database "vectorjpa" and the extension. Idempotent; fast when done.
#
# Usage: scripts/db.sh            prints the JDBC URL (or "testcontainers") on stdout, progress on stderr
#        scripts/db.sh --env      prints "export VECTOR_JPA_JDBC_URL=..." for eval
#        scripts/db.sh --replica  also makes a streaming replica of the local cluster (a second cluster on another
#                                 port, made with pg_basebackup -R) and prints the replica's JDBC URL instead
#        scripts/db.sh --replica --env   prints "export VECTOR_JPA_REPLICA_JDBC_URL=..."
#        scripts/db.sh --stop     stops the local cluster (and its replica)
# Environment: VECTOR_JPA_HOME (state dir, default /var/lib/vector-jpa as root, else ~/.vector-jpa), VECTOR_JPA_PG_PORT (preferred port, 54329),
#              VECTOR_JPA_PG_REPLICA_PORT (preferred replica port, primary port + 1),
#              VECTOR_JPA_REPLICA_JDBC_URL (--replica: an existing replica to check and print instead),
#              VECTOR_JPA_NO_DOCKER=1 (skip the Docker probe).
set -euo pipefail

if [ "$(id -u)" = 0 ]; then default_home=/var/lib/vector-jpa; else default_home=$HOME/.vector-jpa; fi
STATE_DIR="${VECTOR_JPA_HOME:-$default_home}"
PGDATA_DIR="$STATE_DIR/pgdata"
URL_FILE="$STATE_DIR/jdbc-url"
PORT_FILE="$STATE_DIR/port"
DB_NAME=vectorjpa
DB_USER=vectorjpa
DB_PASSWORD=vectorjpa
PGVECTOR_MIN_VERSION=0.8.0
REPLICA_DIR="$STATE_DIR/replica"
REPLICA_PORT_FILE="$STATE_DIR/replica-port"
REPLICA_URL_FILE="$STATE_DIR/replica-jdbc-url"

log() { echo "db.sh: $*" >&2; }
die() { echo "db.sh: ERROR: $*" >&2; exit 1; }

mode=url
replica=""
for arg in "$@"; do
  case "$arg" in
    --env) mode=env ;;
    --stop) mode=stop ;;
    --replica) replica=1 ;;
    *) die "unknown argument '$arg' (use --env, --replica or --stop)" ;;
  esac
done

emit() {
  local url=$1 variable=VECTOR_JPA_JDBC_URL
  if [ -n "$replica" ]; then
    if [ "$url" != testcontainers ]; then
      variable=VECTOR_JPA_REPLICA_JDBC_URL
      url=$(make_replica "$url") || exit 1
    fi
  fi
  if [ "$mode" = env ]; then
    if [ "$url" = testcontainers ]; then echo "unset $variable"; else printf 'export %s=%q\n' "$variable" "$url"; fi
  else
    echo "$url"
  fi
}

# ---------------------------------------------------------------- --replica: a streaming replica of the local cluster
# The replica is a second cluster copied from the primary with pg_basebackup -R (which writes primary_conninfo and
# standby.signal), so it follows the primary by physical streaming replication: every database, role and extension
# of the primary, read-only. It connects through the primary's Unix socket as "postgres" (initdb's default pg_hba
# trusts local replication connections). Idempotent: an existing replica is started when stopped, and rebuilt when it
# belongs to another primary or cannot stream any more.
replica_of_local_cluster() {
  # the URL must point at the cluster this script manages: localhost (or 127.0.0.1) on its port
  local url=$1 hostport
  hostport=${url#jdbc:postgresql://}; hostport=${hostport%%/*}
  [ -f "$PORT_FILE" ] && [ -f "$PGDATA_DIR/PG_VERSION" ] || return 1
  case "$hostport" in
    "localhost:$(cat "$PORT_FILE")"|"127.0.0.1:$(cat "$PORT_FILE")") return 0 ;;
    *) return 1 ;;
  esac
}

make_replica() {
  local url=$1
  if [ -n "${VECTOR_JPA_REPLICA_JDBC_URL:-}" ]; then
    check_replica "$VECTOR_JPA_REPLICA_JDBC_URL"; echo "$VECTOR_JPA_REPLICA_JDBC_URL"; return
  fi
  replica_of_local_cluster "$url" \
    || die "--replica makes a replica of the local cluster only (${url%%\?*} is another server): set VECTOR_JPA_REPLICA_JDBC_URL to a replica of it"
  local bindir port rport
  bindir=$(pg_bindir) || die "PostgreSQL binaries not found"
  port=$(cat "$PORT_FILE")
  prepare_primary_for_replication "$bindir" "$port"
  if [ -f "$REPLICA_DIR/PG_VERSION" ] && ! same_system "$bindir" "$port"; then
    log "the replica in $REPLICA_DIR belongs to another primary: rebuilding it"
    remove_replica "$bindir"
  fi
  [ -f "$REPLICA_DIR/PG_VERSION" ] || base_backup "$bindir" "$port"
  rport=$(start_replica "$bindir" "$port")
  if ! await_streaming "$bindir" "$rport"; then
    log "the replica does not stream (it may need WAL the primary no longer has): rebuilding it"
    remove_replica "$bindir"; base_backup "$bindir" "$port"; rport=$(start_replica "$bindir" "$port")
    await_streaming "$bindir" "$rport" || die "the replica does not stream; see $STATE_DIR/replica.log"
  fi
  local replica_url=${url/:$port\//:$rport/}
  echo "$replica_url" > "$REPLICA_URL_FILE"
  log "replica ready on port $rport (streaming from port $port)"
  echo "$replica_url"
}

check_replica() {
  local libpq_url=${1#jdbc:} recovery
  recovery=$(psql "$libpq_url" -qAtc 'select pg_is_in_recovery()' 2>/dev/null) \
    || die "the configured replica does not answer: ${1%%\?*}"
  [ "$recovery" = t ] || die "the configured replica is not in recovery (not a standby): ${1%%\?*}"
}

# wal_level and max_wal_senders are the defaults of initdb (replica, 10) and need a restart to change, so they are
# only checked; wal_keep_size (reloadable) keeps enough WAL for a replica that was stopped for a while to catch up.
prepare_primary_for_replication() {
  local bindir=$1 port=$2 wal_level senders keep
  wal_level=$(psql_admin_at "$bindir" "$port" postgres "show wal_level")
  senders=$(psql_admin_at "$bindir" "$port" postgres "show max_wal_senders")
  if [ "$wal_level" = minimal ] || [ "$senders" = 0 ]; then
    local others
    others=$(psql_admin_at "$bindir" "$port" postgres \
      "select count(*) from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()")
    [ "$others" = 0 ] || die "the primary has wal_level=$wal_level, max_wal_senders=$senders and $others other connections: run 'scripts/db.sh --replica' again when it is idle (a restart is needed)"
    log "enabling replication on the primary (wal_level=replica, max_wal_senders=10): restarting it"
    psql_admin_at "$bindir" "$port" postgres "alter system set wal_level = replica" >/dev/null
    psql_admin_at "$bindir" "$port" postgres "alter system set max_wal_senders = 10" >/dev/null
    as_postgres "$bindir/pg_ctl" -D "$PGDATA_DIR" -m fast -w restart -o "-p $port" -l "$STATE_DIR/postgres.log" >/dev/null
  fi
  keep=$(psql_admin_at "$bindir" "$port" postgres "show wal_keep_size")
  if [ "$keep" = 0 ]; then
    psql_admin_at "$bindir" "$port" postgres "alter system set wal_keep_size = '512MB'" >/dev/null
    psql_admin_at "$bindir" "$port" postgres "select pg_reload_conf()" >/dev/null
  fi
  if [ "$(psql_admin_at "$bindir" "$port" postgres "select count(*) from pg_hba_file_rules where type = 'local' and 'replication' = any(database) and auth_method = 'trust'")" = 0 ]; then
    log "allowing local replication connections in pg_hba.conf (reload)"
    echo "local   replication     postgres                                trust" | as_postgres tee -a "$PGDATA_DIR/pg_hba.conf" >/dev/null
    psql_admin_at "$bindir" "$port" postgres "select pg_reload_conf()" >/dev/null
  fi
}

psql_admin_at() {
  as_postgres "$1/psql" -h "$STATE_DIR" -p "$2" -U postgres -d "$3" -v ON_ERROR_STOP=1 -qAtc "$4"
}

same_system() {
  local bindir=$1 port=$2 primary replica
  primary=$(psql_admin_at "$bindir" "$port" postgres "select system_identifier from pg_control_system()")
  replica=$(as_postgres "$bindir/pg_controldata" "$REPLICA_DIR" 2>/dev/null | sed -n 's/^Database system identifier: *//p')
  [ "$primary" = "$replica" ]
}

base_backup() {
  local bindir=$1 port=$2
  log "copying the primary into $REPLICA_DIR (pg_basebackup -R)"
  mkdir -p "$REPLICA_DIR"; [ "$(id -u)" = 0 ] && chown postgres:postgres "$REPLICA_DIR"
  chmod 700 "$REPLICA_DIR"
  as_postgres "$bindir/pg_basebackup" -h "$STATE_DIR" -p "$port" -U postgres -D "$REPLICA_DIR" -R -X stream -c fast >&2 \
    || die "pg_basebackup failed"
  cat <<CONF | as_postgres tee -a "$REPLICA_DIR/postgresql.conf" >/dev/null
# vector-jpa read replica
shared_buffers = 256MB
hot_standby = on
# queries on the replica hold back cleanup on the primary instead of being cancelled by it
hot_standby_feedback = on
CONF
}

start_replica() {
  local bindir=$1 port=$2 rport
  if ! as_postgres "$bindir/pg_ctl" -D "$REPLICA_DIR" status >/dev/null 2>&1; then
    rport=${VECTOR_JPA_PG_REPLICA_PORT:-$(cat "$REPLICA_PORT_FILE" 2>/dev/null || echo $((port + 1)))}
    while ! port_free "$rport" || [ "$rport" = "$port" ]; do rport=$((rport + 1)); done
    echo "$rport" > "$REPLICA_PORT_FILE"
    log "starting the replica on port $rport"
    rm -f "$REPLICA_DIR/postmaster.pid" 2>/dev/null || true
    as_postgres "$bindir/pg_ctl" -D "$REPLICA_DIR" -o "-p $rport" -l "$STATE_DIR/replica.log" -w -t 60 start >/dev/null \
      || die "the replica did not start; see $STATE_DIR/replica.log"
  fi
  cat "$REPLICA_PORT_FILE"
}

await_streaming() {
  local bindir=$1 rport=$2 i
  for i in $(seq 1 30); do
    [ "$(psql_admin_at "$bindir" "$rport" postgres "select status from pg_stat_wal_receiver" 2>/dev/null)" = streaming ] \
      && return 0
    sleep 1
  done
  return 1
}

remove_replica() {
  as_postgres "$1/pg_ctl" -D "$REPLICA_DIR" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$REPLICA_DIR"
}

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_bindir() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  return 1
}
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# ---------------------------------------------------------------- 1. an existing server
check_existing() {
  local url=$1 libpq_url
  libpq_url=${url#jdbc:}
  command -v psql >/dev/null || die "psql is needed to check $url (apt-get install postgresql-client)"
  psql "$libpq_url" -v ON_ERROR_STOP=1 -qAtc 'select 1' >/dev/null 2>&1 \
    || die "the configured database does not answer: ${url%%\?*}"
  psql "$libpq_url" -v ON_ERROR_STOP=1 -qAtc 'CREATE EXTENSION IF NOT EXISTS vector' >/dev/null 2>&1 \
    || die "the configured database has no 'vector' extension and this role may not create it; an administrator must run: CREATE EXTENSION vector;"
  log "using the configured server (pgvector $(psql "$libpq_url" -qAtc "select extversion from pg_extension where extname='vector'"))"
}

if [ "$mode" != stop ]; then
  if [ -n "${VECTOR_JPA_JDBC_URL:-}" ]; then
    check_existing "$VECTOR_JPA_JDBC_URL"; emit "$VECTOR_JPA_JDBC_URL"; exit 0
  fi
  if [ -n "${DATABASE_URL:-}" ]; then
    check_existing "$DATABASE_URL"
    # postgres://user:pass@host:port/db?x=y -> jdbc:postgresql://host:port/db?x=y&user=..&password=..
    rest=${DATABASE_URL#*://}; creds=""; hostpart=$rest
    if [[ $rest == *@* ]]; then creds=${rest%%@*}; hostpart=${rest#*@}; fi
    sep='?'; [[ $hostpart == *\?* ]] && sep='&'
    jdbc="jdbc:postgresql://$hostpart"
    if [ -n "$creds" ]; then
      jdbc="$jdbc${sep}user=${creds%%:*}"
      [[ $creds == *:* ]] && jdbc="$jdbc&password=${creds#*:}"
    fi
    emit "$jdbc"; exit 0
  fi
  # ---------------------------------------------------------------- 2. Docker: Testcontainers does the rest
  if [ -z "${VECTOR_JPA_NO_DOCKER:-}" ] && command -v docker >/dev/null && timeout 5 docker info >/dev/null 2>&1; then
    log "a Docker engine answers: tests start pgvector/pgvector:pg17 through Testcontainers"
    emit testcontainers; exit 0
  fi
fi

# ---------------------------------------------------------------- 3. a local cluster

apt_updated=""
apt_update() { [ -n "$apt_updated" ] || { log "apt-get update"; apt-get update -qq >/dev/null; apt_updated=1; }; }

install_postgres() {
  [ -f /etc/debian_version ] || die "no PostgreSQL found and this is not Debian/Ubuntu: set VECTOR_JPA_JDBC_URL to a server with pgvector, or run Docker"
  [ "$(id -u)" = 0 ] || die "PostgreSQL must be installed: run this script as root once, or set VECTOR_JPA_JDBC_URL"
  apt_update
  log "installing PostgreSQL from the distribution"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib >&2
}

install_pgvector() {
  local bindir=$1 major=$2 pgconfig=$1/pg_config
  [ "$(id -u)" = 0 ] || die "pgvector must be installed: run this script as root once, or set VECTOR_JPA_JDBC_URL"
  apt_update
  if apt-cache show "postgresql-$major-pgvector" >/dev/null 2>&1; then
    log "installing postgresql-$major-pgvector"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-$major-pgvector" >&2
    return
  fi
  log "no pgvector package for PostgreSQL $major here: building it from Debian's source package (trixie)"
  if ! grep -rqs 'Types: deb-src' /etc/apt/sources.list.d/vector-jpa-src.sources 2>/dev/null; then
    cat > /etc/apt/sources.list.d/vector-jpa-src.sources <<SRC
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    apt_updated=""; apt_update
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-server-dev-$major" make gcc dpkg-dev >&2
  local build
  build=$(mktemp -d)
  ( cd "$build" && apt-get source -qq pgvector >&2 ) || die "apt-get source pgvector failed"
  local src
  src=$(find "$build" -maxdepth 1 -mindepth 1 -type d -name 'pgvector-*' | head -1)
  [ -n "$src" ] || die "pgvector source not found after apt-get source"
  log "compiling $(basename "$src")"
  ( cd "$src" && make -s OPTFLAGS="" PG_CONFIG="$pgconfig" >&2 && make -s install PG_CONFIG="$pgconfig" >&2 ) \
    || die "building pgvector failed"
  rm -rf "$build"
}


bindir=$(pg_bindir || true)
if [ "$mode" = stop ]; then
  [ -n "$bindir" ] && [ -f "$REPLICA_DIR/PG_VERSION" ] && as_postgres "$bindir/pg_ctl" -D "$REPLICA_DIR" -m fast stop >&2 || true
  [ -n "$bindir" ] && [ -f "$PGDATA_DIR/PG_VERSION" ] && as_postgres "$bindir/pg_ctl" -D "$PGDATA_DIR" -m fast stop >&2 || true
  exit 0
fi
if [ -z "$bindir" ]; then install_postgres; bindir=$(pg_bindir) || die "PostgreSQL installation failed"; fi
major=$("$bindir/postgres" --version | sed -E 's/.* ([0-9]+)(\.[0-9]+)?.*/\1/')
sharedir=$("$bindir/pg_config" --sharedir 2>/dev/null || echo "/usr/share/postgresql/$major")
if [ ! -f "$sharedir/extension/vector.control" ]; then
  install_pgvector "$bindir" "$major"
  sharedir=$("$bindir/pg_config" --sharedir)
  [ -f "$sharedir/extension/vector.control" ] || die "pgvector was not installed into $sharedir"
fi

mkdir -p "$STATE_DIR"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$STATE_DIR" 2>/dev/null || true
if [ ! -f "$PGDATA_DIR/PG_VERSION" ]; then
  log "initialising a cluster in $PGDATA_DIR"
  mkdir -p "$PGDATA_DIR"; [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDATA_DIR"
  chmod 700 "$PGDATA_DIR"
  as_postgres "$bindir/initdb" -D "$PGDATA_DIR" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
  cat >> "$PGDATA_DIR/postgresql.conf" <<CONF
# vector-jpa test cluster
listen_addresses = 'localhost'
unix_socket_directories = '$STATE_DIR'
max_connections = 200
shared_buffers = 1GB
maintenance_work_mem = 1GB
fsync = off
synchronous_commit = off
full_page_writes = off
# a streaming replica (scripts/db.sh --replica) may lag this much WAL behind
wal_keep_size = 512MB
CONF
fi

running=""
if as_postgres "$bindir/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; then running=1; fi
if [ -z "$running" ]; then
  port=${VECTOR_JPA_PG_PORT:-$(cat "$PORT_FILE" 2>/dev/null || echo 54329)}
  while ! port_free "$port"; do port=$((port + 1)); done
  echo "$port" > "$PORT_FILE"
  log "starting PostgreSQL $major on port $port"
  rm -f "$PGDATA_DIR/postmaster.pid" 2>/dev/null || true
  as_postgres "$bindir/pg_ctl" -D "$PGDATA_DIR" -o "-p $port" -l "$STATE_DIR/postgres.log" -w -t 60 start >/dev/null \
    || die "PostgreSQL did not start; see $STATE_DIR/postgres.log"
fi
port=$(cat "$PORT_FILE")
psql_admin() { as_postgres "$bindir/psql" -h "$STATE_DIR" -p "$port" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
if [ "$(psql_admin -d postgres -c "select 1 from pg_roles where rolname='$DB_USER'")" != 1 ]; then
  psql_admin -d postgres -c "CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD'" >/dev/null
fi
if [ "$(psql_admin -d postgres -c "select 1 from pg_database where datname='$DB_NAME'")" != 1 ]; then
  psql_admin -d postgres -c "CREATE DATABASE $DB_NAME OWNER $DB_USER" >/dev/null
fi
psql_admin -d "$DB_NAME" -c "SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS vector" >/dev/null
# pgvector installs as a trusted extension (0.5+); the owner of the database may recreate it in its schema.
psql_admin -d "$DB_NAME" -c "GRANT ALL ON SCHEMA public TO $DB_USER" >/dev/null
url="jdbc:postgresql://localhost:$port/$DB_NAME?user=$DB_USER&password=$DB_PASSWORD"
echo "$url" > "$URL_FILE"
log "ready: PostgreSQL $major, pgvector $(psql_admin -d "$DB_NAME" -c "select extversion from pg_extension where extname='vector'")"
emit "$url"
