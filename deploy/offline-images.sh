#!/usr/bin/env bash
# Builds every image docker-compose.yml uses, under the names it uses, from Debian packages alone:
# for machines without access to a container registry (air-gapped sites, this project's CI).
#
#   deploy/offline-images.sh            # builds what is missing; about 3-6 minutes the first time
#   JAM_REBUILD=1 deploy/offline-images.sh   # rebuilds the images without Docker's layer cache
#                                            # (the debootstrap base is kept)
#
# 1. A Debian base made with debootstrap from the Debian mirror this machine's apt already uses
#    (read from /etc/apt/sources.list and /etc/apt/sources.list.d/; DEBIAN_MIRROR and
#    DEBIAN_SUITE override). It is cached as a tarball in OFFLINE_CACHE (default
#    ~/.cache/jam-session-offline) and imported as the image jam-offline/debian:<suite>-<recipe>; a base
#    older than OFFLINE_BASE_MAX_DAYS (default 7) is made again, so security updates arrive.
# 2. On it, with apt-get inside RUN (Debian's classic builder: no BuildKit features):
#      jam-session:local        openjdk-17-jre-headless + the jar built on this machine by Maven
#      haproxy:2.8-alpine       Debian's haproxy (the name is the one docker-compose.yml pulls
#      prom/prometheus:v2.53.2  Debian's prometheus  otherwise; the version is Debian's)
#      postgres:15              Debian's postgresql (initialised like the official image)
# Needs: root (debootstrap), docker, debootstrap, and Maven + JDK 17 + Node for the jar (or an
# existing launcher/target/jam-session.jar, or JAM_JAR).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

log() { printf '[offline-images %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

command -v docker >/dev/null || die "docker is not installed (apt-get install -y docker.io)"
docker info >/dev/null 2>&1 || die "no Docker engine answers (start dockerd)"
# Debian's docker.io ships the classic builder; with a newer client, keep using it.
export DOCKER_BUILDKIT=0

arch=$(dpkg --print-architecture 2>/dev/null || echo amd64)

# --- the Debian mirror and suite this machine's apt uses --------------------------------------
# Prints "URI SUITE" of the first main-archive entry (not -security, not -updates/-backports).
apt_mirror() {
  local f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -r "$f" ] || continue
    # one-line format: deb [options] URI SUITE COMPONENTS...
    sed -E 's/#.*//; s/\[[^]]*\]//' "$f" | awk '$1 == "deb" && $3 !~ /-(security|updates|backports)$/ && $3 !~ /\// { print $2, $3; exit }'
  done | head -n1 | grep . && return 0
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -r "$f" ] || continue
    # deb822 format: stanzas separated by blank lines, fields Types/URIs/Suites
    awk 'BEGIN { RS = ""; FS = "\n" }
      {
        types = ""; uris = ""; suites = ""; enabled = "yes"
        for (i = 1; i <= NF; i++) {
          line = $i; sub(/#.*/, "", line)
          if (line ~ /^Types:/)   { sub(/^Types:[ \t]*/, "", line); types = line }
          if (line ~ /^URIs:/)    { sub(/^URIs:[ \t]*/, "", line); uris = line }
          if (line ~ /^Suites:/)  { sub(/^Suites:[ \t]*/, "", line); suites = line }
          if (line ~ /^Enabled:/) { sub(/^Enabled:[ \t]*/, "", line); enabled = line }
        }
        if (enabled == "no" || types !~ /(^| )deb( |$)/) next
        split(uris, u, " "); n = split(suites, s, " ")
        for (j = 1; j <= n; j++) if (s[j] !~ /-(security|updates|backports)$/ && s[j] !~ /\//) { print u[1], s[j]; exit }
      }' "$f"
  done | head -n1 | grep . && return 0
  return 1
}

if [ -n "${DEBIAN_MIRROR:-}" ]; then
  mirror=$DEBIAN_MIRROR suite=${DEBIAN_SUITE:-bookworm}
else
  read -r mirror suite < <(apt_mirror) || die "no Debian mirror found in the apt sources; set DEBIAN_MIRROR"
  suite=${DEBIAN_SUITE:-$suite}
fi
recipe=r2 # the version of how the base is made: a change invalidates the cached tarball and image
base_image="jam-offline/debian:$suite-$recipe"
log "Debian $suite ($arch) from $mirror"

# --- 1. the base: debootstrap, cached ---------------------------------------------------------
cache=${OFFLINE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/jam-session-offline}
mkdir -p "$cache"
# The recipe's version is in the name: a change to how the base is made invalidates the cache.
tarball="$cache/debian-$suite-$arch-$recipe.tar"
max_days=${OFFLINE_BASE_MAX_DAYS:-7}

if [ -f "$tarball" ] && [ -n "$(find "$tarball" -mtime +"$max_days" 2>/dev/null)" ]; then
  log "cached base is older than $max_days days: making it again"
  rm -f "$tarball"
  docker image rm -f "$base_image" >/dev/null 2>&1 || true
fi

if [ ! -f "$tarball" ]; then
  command -v debootstrap >/dev/null || die "debootstrap is not installed (apt-get install -y debootstrap)"
  [ "$(id -u)" = 0 ] || die "debootstrap needs root"
  work=$(mktemp -d "$cache/rootfs.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  log "debootstrap --variant=minbase $suite (about 1-2 minutes)"
  debootstrap --variant=minbase --arch="$arch" "$suite" "$work" "$mirror" >"$cache/debootstrap.log" 2>&1 \
    || { tail -n 20 "$cache/debootstrap.log" >&2; die "debootstrap failed (log: $cache/debootstrap.log)"; }
  # apt inside RUN uses the same mirror, with the suite's updates and security archives when
  # the machine's apt has them; no recommends, no documentation, no caches in the layers.
  {
    echo "deb $mirror $suite main"
    apt_sources_extra="$( (grep -hsE '^[[:space:]]*deb[[:space:]]' /etc/apt/sources.list /etc/apt/sources.list.d/*.list || true) \
      | sed -E 's/\[[^]]*\]//' | awk -v s="$suite" '$3 == s"-updates" || $3 == s"-security" { print "deb", $2, $3, "main" }')"
    [ -n "$apt_sources_extra" ] && echo "$apt_sources_extra"
    for f in /etc/apt/sources.list.d/*.sources; do
      [ -r "$f" ] || continue
      awk -v s="$suite" 'BEGIN { RS = ""; FS = "\n" }
        { uris = ""; suites = ""
          for (i = 1; i <= NF; i++) { line = $i; sub(/#.*/, "", line)
            if (line ~ /^URIs:/) { sub(/^URIs:[ \t]*/, "", line); uris = line }
            if (line ~ /^Suites:/) { sub(/^Suites:[ \t]*/, "", line); suites = line } }
          split(uris, u, " "); n = split(suites, x, " ")
          for (j = 1; j <= n; j++) if (x[j] == s"-updates" || x[j] == s"-security") print "deb", u[1], x[j], "main" }' "$f"
    done
  } | awk '!seen[$0]++' >"$work/etc/apt/sources.list"
  cat >"$work/etc/apt/apt.conf.d/90jam-offline" <<'APT'
APT::Install-Recommends "false";
APT::Install-Suggests "false";
Acquire::Languages "none";
APT
  cat >"$work/etc/dpkg/dpkg.cfg.d/90jam-offline" <<'DPKG'
path-exclude /usr/share/doc/*
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
DPKG
  rm -rf "$work"/var/cache/apt/archives/*.deb "$work"/var/lib/apt/lists/* "$work"/usr/share/doc/* "$work"/usr/share/man/*
  # update-alternatives (the JRE's postinst) links man pages: their directories must exist.
  mkdir -p "$work"/usr/share/man/man1
  tar --numeric-owner -C "$work" -cf "$tarball.tmp" .
  mv "$tarball.tmp" "$tarball"
  rm -rf "$work"
  trap - EXIT
  docker image rm -f "$base_image" >/dev/null 2>&1 || true
fi

if ! docker image inspect "$base_image" >/dev/null 2>&1; then
  log "docker import $base_image"
  docker import --change 'CMD ["/bin/bash"]' --change 'ENV LANG=C.UTF-8' "$tarball" "$base_image" >/dev/null
fi

# --- 2. the images ----------------------------------------------------------------------------
jar=${JAM_JAR:-launcher/target/jam-session.jar}
if [ ! -f "$jar" ]; then
  log "building $jar with Maven (mvn -B -q -pl launcher -am package -DskipTests)"
  mvn -B -q -pl launcher -am package -DskipTests
fi

build() { # build NAME DOCKERFILE: Docker's layer cache makes an unchanged image a no-op
  local name=$1 file=$2
  log "docker build $name"
  # The host network for apt inside RUN: the mirror is reached exactly as this machine reaches it.
  local rc=0
  docker build --network host --force-rm -q ${JAM_REBUILD:+--no-cache} -t "$name" -f "$file" \
    --build-arg BASE_IMAGE="$base_image" "$ctx" >/dev/null 2>"$ctx/build.err" || rc=$?
  # The classic builder's deprecation notice is not news here; anything else is shown.
  grep -vE 'DEPRECATED|legacy builder|BuildKit is currently disabled|environment-variable|^\s*$' "$ctx/build.err" >&2 || true
  [ "$rc" = 0 ] || die "docker build $name failed"
}

# A small build context: only what the Dockerfiles copy.
ctx=$(mktemp -d)
trap 'rm -rf "$ctx"' EXIT
cp "$jar" "$ctx/jam-session.jar"
cp deploy/docker-entrypoint.sh deploy/healthcheck.sh deploy/offline/postgres-entrypoint.sh "$ctx/"

build jam-session:local       deploy/offline/jam-session.Dockerfile
build haproxy:2.8-alpine      deploy/offline/haproxy.Dockerfile
build prom/prometheus:v2.53.2 deploy/offline/prometheus.Dockerfile
build postgres:15             deploy/offline/postgres.Dockerfile

# Every image the compose file names must now be here (a renamed image in it fails loudly).
if command -v docker-compose >/dev/null; then
  for img in $(docker-compose -f docker-compose.yml config | awk '$1 == "image:" { print $2 }' | sort -u); do
    docker image inspect "$img" >/dev/null 2>&1 || die "docker-compose.yml uses $img, which this script does not build"
  done
fi

docker image ls --format '{{.Repository}}:{{.Tag}}\t{{.Size}}' \
  | grep -E '^(jam-session:local|haproxy:2.8-alpine|prom/prometheus:v2.53.2|postgres:15|jam-offline/debian:)' >&2
log "done"
