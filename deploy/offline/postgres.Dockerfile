# The playlist database of docker-compose.yml (named postgres:15 there) built from Debian's
# postgresql package (deploy/offline-images.sh): like the official image, it creates the cluster
# on first start in /var/lib/postgresql/data with POSTGRES_USER, POSTGRES_PASSWORD and
# POSTGRES_DB, listens on every interface of the compose network, and runs in the foreground.
ARG BASE_IMAGE=jam-offline/debian:bookworm
FROM ${BASE_IMAGE}
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin \
 && ln -s /usr/lib/postgresql/*/bin/initdb /usr/lib/postgresql/*/bin/postgres /usr/local/bin/ \
 && mkdir -p /var/lib/postgresql/data /var/run/postgresql \
 && chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql
COPY postgres-entrypoint.sh /usr/local/bin/postgres-entrypoint.sh
ENV PGDATA=/var/lib/postgresql/data
USER postgres
EXPOSE 5432
STOPSIGNAL SIGINT
ENTRYPOINT ["/bin/sh", "/usr/local/bin/postgres-entrypoint.sh"]
