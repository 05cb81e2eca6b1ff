#!/usr/bin/env bash
# Regenerates the property table of docs/configuration.md from the configuration metadata that
# spring-boot-configuration-processor writes for the starter (target/classes/META-INF/spring-configuration-metadata.json).
# ConfigurationDocsUnitTests fails the build whenever the table is out of date.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q -pl vector-jpa-starter -am test -Dtest=ConfigurationDocsUnitTests \
  -Dsurefire.failIfNoSpecifiedTests=false -Dvector-jpa.docs.write=true "$@"
echo "docs/configuration.md is up to date"
