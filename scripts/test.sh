#!/usr/bin/env bash
# Runs the whole test suite (unit and integration tests) against a real PostgreSQL + pgvector.
# The database comes from scripts/db.sh: VECTOR_JPA_JDBC_URL / DATABASE_URL, else Testcontainers, else a local cluster.
# The read-replica tests get a streaming replica of it from 'scripts/db.sh --replica' (VECTOR_JPA_REPLICA_JDBC_URL;
# with Testcontainers they start a replica container themselves).
# Extra arguments go to Maven, e.g. scripts/test.sh -pl vector-jpa-core -am -Dit.test=SomeIntegrationTests
set -euo pipefail
cd "$(dirname "$0")/.."
# The sample application's page is tested in a real browser: Debian's chromium + chromium-driver, driven by Selenium.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  echo "Installing chromium and chromium-driver for the sample application's browser test" >&2
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >&2
fi
url=$(scripts/db.sh)
if [ "$url" != testcontainers ]; then
  export VECTOR_JPA_JDBC_URL="$url"
  if [ -z "${VECTOR_JPA_REPLICA_JDBC_URL:-}" ]; then
    # a failure here (a remote server without a configured replica) leaves the replica tests to say what is missing
    replica=$(scripts/db.sh --replica) && export VECTOR_JPA_REPLICA_JDBC_URL="$replica" || true
  fi
fi
exec ./mvnw -B -ntp verify "$@"
