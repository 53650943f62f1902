#!/usr/bin/env bash
# Runs the whole system on this machine, without containers: PostgreSQL, Kafka, Keycloak and the four services.
# Everything comes from Maven; data stays in .local/ (git-ignored), so a restart keeps every complaint.
# Ports and paths: OPENYSB_PG_PORT, OPENYSB_KAFKA_PORT, OPENYSB_KEYCLOAK_PORT, OPENYSB_INTAKE_PORT, ... (see
# local-stack/src/main/java/org/openysb/localstack/StackConfig.java). SKIP_BUILD=1 reuses the last build.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "Building (tests skipped; run the test command from README.md for those) …"
  ./mvnw -B -q install -DskipTests -DskipE2E
fi
exec java -Xmx512m -cp "local-stack/target/local-stack.jar:local-stack/target/lib/*" \
  -Dopenysb.repo.root="$PWD" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  org.openysb.localstack.LocalStack
