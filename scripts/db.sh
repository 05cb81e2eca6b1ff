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
#        scripts/db.sh --stop     stops the local cluster
# Environment: VECTOR_JPA_HOME (state dir, default /var/lib/vector-jpa as root, else ~/.vector-jpa), VECTOR_JPA_PG_PORT (preferred port, 54329),
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

log() { echo "db.sh: $*" >&2; }
die() { echo "db.sh: ERROR: $*" >&2; exit 1; }

mode=url
case "${1:-}" in
  --env) mode=env ;;
  --stop) mode=stop ;;
  "") ;;
  *) die "unknown argument '$1' (use --env or --stop)" ;;
esac

emit() {
  local url=$1
  if [ "$mode" = env ]; then
    if [ "$url" = testcontainers ]; then echo "unset VECTOR_JPA_JDBC_URL"; else printf 'export VECTOR_JPA_JDBC_URL=%q\n' "$url"; fi
  else
    echo "$url"
  fi
}

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

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
pg_bindir() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  return 1
}

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

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

bindir=$(pg_bindir || true)
if [ "$mode" = stop ]; then
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
