# The Jam Session image built from Debian packages alone (deploy/offline-images.sh): the same
# layout, user, entrypoint and health check as the Dockerfile at the root, with Debian's
# openjdk-17-jre-headless and the jar built on the host. Classic builder only, no BuildKit syntax.
ARG BASE_IMAGE=jam-offline/debian:bookworm
FROM ${BASE_IMAGE}
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-17-jre-headless curl ca-certificates \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin \
 && groupadd --system --gid 10001 jam \
 && useradd --system --uid 10001 --gid jam --home-dir /app --no-create-home --shell /usr/sbin/nologin jam \
 && mkdir -p /app/cache \
 && chown -R jam:jam /app
WORKDIR /app
COPY docker-entrypoint.sh /app/entrypoint.sh
COPY healthcheck.sh /app/healthcheck.sh
RUN chmod 0755 /app/entrypoint.sh /app/healthcheck.sh
COPY jam-session.jar /app/jam-session.jar

ENV SERVICE=all \
    PORT=4000 \
    MANAGEMENT_PORT=9100 \
    CACHE_DIR=/app/cache \
    JAVA_OPTS="-XX:MaxRAMPercentage=60 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"

USER jam:jam
EXPOSE 4000 9100 5701
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 CMD ["/app/healthcheck.sh"]
ENTRYPOINT ["/app/entrypoint.sh"]
