# One image for every Jam Session service. The service is picked at run time with
#   SERVICE=gateway | session | recommender | cleanup | all   (default: all, the one-JVM server)
# or as the container's argument:  docker run jam-session gateway
#
# Build:  docker build -t jam-session .
# Builds with the classic builder (Debian's docker.io) and with BuildKit alike: no `# syntax`
# line, no RUN --mount, no COPY --chmod. The base images are build arguments, e.g. a mirror:
#   docker build --build-arg RUNTIME_IMAGE=registry.example/eclipse-temurin:17-jre -t jam-session .
# Without any registry, deploy/offline-images.sh builds the same images from Debian packages.

ARG NODE_IMAGE=node:20-bookworm-slim
ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-17
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre

############################################################################
# Node.js for the web client (the web module runs `npm ci` and `npm run build`).
FROM ${NODE_IMAGE} AS node

############################################################################
# Build: Maven + JDK 17, with Node copied in from the official node image.
FROM ${BUILD_IMAGE} AS build
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules /usr/local/lib/node_modules
RUN ln -s /usr/local/lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s /usr/local/lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && node --version && npm --version
WORKDIR /src
COPY . .
# Only the launcher and what it depends on (every service, the web client); tests run in CI.
# (The dependencies download on every build: cache mounts would need BuildKit.)
RUN mvn -B -q -pl launcher -am package -DskipTests \
 && cp launcher/target/jam-session.jar /jam-session.jar

############################################################################
# Runtime: a JRE, curl for the health check, an unprivileged user.
FROM ${RUNTIME_IMAGE}
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 jam \
 && useradd --system --uid 10001 --gid jam --home-dir /app --no-create-home --shell /usr/sbin/nologin jam \
 && mkdir -p /app/cache \
 && chown -R jam:jam /app
WORKDIR /app
COPY --from=build --chown=root:root /jam-session.jar /app/jam-session.jar
COPY --chown=root:root deploy/docker-entrypoint.sh /app/entrypoint.sh
COPY --chown=root:root deploy/healthcheck.sh /app/healthcheck.sh
RUN chmod 0755 /app/entrypoint.sh /app/healthcheck.sh

ENV SERVICE=all \
    PORT=4000 \
    MANAGEMENT_PORT=9100 \
    CACHE_DIR=/app/cache \
    JAVA_OPTS="-XX:MaxRAMPercentage=60 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"

USER jam:jam
# 4000: gateway HTTP (and the all-in-one); 9100: /health /ready /metrics of the other services;
# 5701: Hazelcast member port (CLUSTER_PORT).
EXPOSE 4000 9100 5701
# Liveness: the gateway answers /health on PORT, every other service on MANAGEMENT_PORT.
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 CMD ["/app/healthcheck.sh"]
ENTRYPOINT ["/app/entrypoint.sh"]
