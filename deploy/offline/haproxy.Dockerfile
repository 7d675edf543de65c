# The load balancer image of docker-compose.yml (named haproxy:2.8-alpine there) built from
# Debian's haproxy package (deploy/offline-images.sh): the same config path and the same
# foreground, master-worker start as the official image; wget for the compose health check.
ARG BASE_IMAGE=jam-offline/debian:bookworm
FROM ${BASE_IMAGE}
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends haproxy wget \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin \
 && mkdir -p /usr/local/etc/haproxy /var/lib/haproxy \
 && haproxy -v
STOPSIGNAL SIGUSR1
USER haproxy
CMD ["haproxy", "-W", "-db", "-f", "/usr/local/etc/haproxy/haproxy.cfg"]
