#!/usr/bin/env bash
# Runs the whole test suite (unit and integration tests) against a real PostgreSQL + pgvector.
# The database comes from scripts/db.sh: VECTOR_JPA_JDBC_URL / DATABASE_URL, else Testcontainers, else a local cluster.
# Extra arguments go to Maven, e.g. scripts/test.sh -pl vector-jpa-core -am -Dit.test=SomeIntegrationTests
set -euo pipefail
cd "$(dirname "$0")/.."
url=$(scripts/db.sh)
if [ "$url" != testcontainers ]; then
  export VECTOR_JPA_JDBC_URL="$url"
fi
exec ./mvnw -B -ntp verify "$@"
