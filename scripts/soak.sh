#!/usr/bin/env bash
# Soak test: the load test of the suite (8 searchers + 2 writers on one domain-scoped repository, pool of 10) run for
# 10 minutes (SOAK_SECONDS to change it), sampling the test JVM's heap and the pool's server connections every 30 s
# (SOAK_SAMPLE_SECONDS). The report (QPS, p50/p99, errors, samples) is printed and left in
# vector-jpa-core/target/reliability-load.txt; docs/reliability.md records a run.
# The database comes from scripts/db.sh, like scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${SOAK_SECONDS:-600}
sample=${SOAK_SAMPLE_SECONDS:-30}
url=$(scripts/db.sh)
if [ "$url" != testcontainers ]; then
  export VECTOR_JPA_JDBC_URL="$url"
fi
echo "soak: ${seconds} s, samples every ${sample} s (started $(date -u +%FT%TZ))"
./mvnw -B -ntp -q -pl vector-jpa-core -am verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=LoadIntegrationTests -Dvector-jpa.load.seconds="$seconds" -Dvector-jpa.load.sample-seconds="$sample" \
  -Djacoco.skip=true
cat vector-jpa-core/target/reliability-load.txt
