#!/usr/bin/env bash
# Builds and runs the sample application against a real PostgreSQL + pgvector (provisioned by scripts/db.sh).
# Extra arguments go to the application, e.g. scripts/run-sample.sh --server.port=8081
set -euo pipefail
cd "$(dirname "$0")/.."
url=$(scripts/db.sh)
./mvnw -B -ntp -q -pl sample-app -am -DskipTests package
if [ "$url" = testcontainers ]; then
  # A Docker engine answers: Spring Boot's Testcontainers support starts pgvector/pgvector:pg17.
  exec ./mvnw -B -ntp -q -pl sample-app spring-boot:test-run -Dspring-boot.run.arguments="$*"
fi
exec java -jar sample-app/target/vector-jpa-sample-app-0.1.0-SNAPSHOT.jar --spring.datasource.url="$url" "$@"
