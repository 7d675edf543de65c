# The Prometheus image of docker-compose.yml (named prom/prometheus:v2.53.2 there) built from
# Debian's prometheus package (deploy/offline-images.sh): the official image's entrypoint,
# data directory and user, so the compose file's command line applies unchanged. The web UI's
# time-zone library keeps its bundled files; its 210 MB of unpacked source data goes.
ARG BASE_IMAGE=jam-offline/debian:bookworm
FROM ${BASE_IMAGE}
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends prometheus wget \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin \
 && rm -rf /usr/share/javascript/moment-timezone/data \
 && mkdir -p /prometheus /etc/prometheus \
 && chown -R nobody:nogroup /prometheus \
 && prometheus --version
USER nobody
EXPOSE 9090
VOLUME ["/prometheus"]
WORKDIR /prometheus
ENTRYPOINT ["/usr/bin/prometheus"]
CMD ["--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus"]
