#!/bin/sh
# Starts one Jam Session service from the shaded jar: SERVICE (or the first argument) picks it.
# The JVM replaces this shell (exec) so it receives SIGTERM directly and shuts down gracefully.
set -eu

service="${1:-${SERVICE:-all}}"
case "$service" in
  gateway)                    main=dev.jamsession.gateway.GatewayMain ;;
  session|session-service)    main=dev.jamsession.session.SessionServiceMain ;;
  recommender|recommender-service) main=dev.jamsession.recommender.RecommenderMain ;;
  cleanup|cleanup-service)    main=dev.jamsession.cleanup.CleanupMain ;;
  all|jam-session)            main=dev.jamsession.launcher.JamSession ;;
  *)
    echo "Unknown service '$service': use gateway, session, recommender, cleanup or all" >&2
    exit 64 ;;
esac

# A clustered service must announce an address the other containers can reach. Without an
# explicit CLUSTER_HOST, use this container's host name (resolvable on the Compose network).
if [ "$main" != dev.jamsession.launcher.JamSession ] && [ -z "${CLUSTER_HOST:-}" ]; then
  CLUSTER_HOST="$(hostname)"
  export CLUSTER_HOST
fi

# What Hazelcast asks for to use its fast paths (the same list as the jar's manifest, which only
# applies to `java -jar`).
OPENS="--add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED \
--add-opens java.management/sun.management=ALL-UNNAMED \
--add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED \
--add-exports java.base/jdk.internal.ref=ALL-UNNAMED"

# shellcheck disable=SC2086 # JAVA_OPTS and OPENS are word lists on purpose
exec java $OPENS -Djava.net.preferIPv4Stack=true ${JAVA_OPTS:-} -cp /app/jam-session.jar "$main"
