# syntax=docker/dockerfile:1
#
# One image for every Jam Session service. The service is picked at run time with
#   SERVICE=gateway | session | recommender | cleanup | all   (default: all, the one-JVM server)
# or as the container's argument:  docker run jam-session gateway
#
# Build:  docker build -t jam-session .
# The build needs no Docker engine features beyond BuildKit (cache mounts).

############################################################################
# Node.js for the web client (the web module runs `npm ci` and `npm run build`).
FROM node:20-bookworm-slim AS node

############################################################################
# Build: Maven + JDK 17, with Node copied in from the official node image.
FROM maven:3.9-eclipse-temurin-17 AS build
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules /usr/local/lib/node_modules
RUN ln -s /usr/local/lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s /usr/local/lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && node --version && npm --version
WORKDIR /src
COPY . .
# Only the launcher and what it depends on (every service, the web client); tests run in CI.
RUN --mount=type=cache,target=/root/.m2 \
    --mount=type=cache,target=/root/.npm \
    mvn -B -q -pl launcher -am package -DskipTests \
 && cp launcher/target/jam-session.jar /jam-session.jar

############################################################################
# Runtime: a JRE, curl for the health check, an unprivileged user.
FROM eclipse-temurin:17-jre
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 jam \
 && useradd --system --uid 10001 --gid jam --home-dir /app --no-create-home --shell /usr/sbin/nologin jam \
 && mkdir -p /app/cache \
 && chown -R jam:jam /app
WORKDIR /app
COPY --from=build --chown=root:root /jam-session.jar /app/jam-session.jar
COPY --chown=root:root --chmod=0755 deploy/docker-entrypoint.sh /app/entrypoint.sh
COPY --chown=root:root --chmod=0755 deploy/healthcheck.sh /app/healthcheck.sh

ENV SERVICE=all \
    PORT=4000 \
    MANAGEMENT_PORT=9100 \
    CACHE_DIR=/app/cache \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"

USER jam:jam
# 4000: gateway HTTP (and the all-in-one); 9100: /health /ready /metrics of the other services;
# 5701: Hazelcast member port (CLUSTER_PORT).
EXPOSE 4000 9100 5701
# Liveness: the gateway answers /health on PORT, every other service on MANAGEMENT_PORT.
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 CMD ["/app/healthcheck.sh"]
ENTRYPOINT ["/app/entrypoint.sh"]
