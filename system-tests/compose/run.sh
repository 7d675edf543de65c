#!/usr/bin/env bash
# The compose system test (deploy/README.md, "The compose system test"): the real docker-compose
# topology on this machine's Docker engine, with images built from Debian packages alone.
#
#   system-tests/compose/run.sh        (as root on a fresh Debian machine; .ci/run runs it)
#
# 1. installs docker.io and docker-compose when missing, starts dockerd when none answers;
# 2. builds every image offline (deploy/offline-images.sh; the jar from launcher/target, which
#    `mvn -B verify` or `mvn -B -q -pl launcher -am package -DskipTests` makes);
# 3. docker-compose up -d, and waits (bounded) for every container healthy;
# 4. runs ComposeSystemTest.java through the load balancer on 127.0.0.1:4000;
# 5. checks every container healthy again, prints the figures (time to healthy, memory per
#    container idle and under the test's load, image sizes) and ALWAYS tears down (down -v),
#    stopping the dockerd it started, if it did (images and build cache are kept).
# Exit code 0 only if everything passed. Logs of every container: system-tests/target/compose/.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
out=$root/system-tests/target/compose
mkdir -p "$out"
export COMPOSE_PROJECT_NAME=${COMPOSE_PROJECT_NAME:-jamcompose}
HEALTHY_TIMEOUT=${HEALTHY_TIMEOUT:-300}

log() { printf '[compose %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }

# --- 1. Docker -------------------------------------------------------------------------------
missing=()
command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# A pid file left by a dockerd or containerd that was killed (the machine kept from an earlier
# run) names a pid that is gone or, worse, reused by another process: either daemon then refuses
# to start, or waits for a containerd that is not there. A pid file whose process is not that
# daemon is stale.
stale_pid_file() { # FILE NAME: removes FILE unless its pid is a running NAME
  local pid
  [ -f "$1" ] || return 0
  pid=$(cat "$1" 2>/dev/null || true)
  if [ -z "$pid" ] || [ "$(cat "/proc/$pid/comm" 2>/dev/null || true)" != "$2" ]; then
    log "removing stale $1 (pid ${pid:-none} is no $2)"
    rm -f "$1"
  fi
}
# A dockerd this script started stops when it ends (its containerd with it); the images and
# the build cache stay for the next run. A dockerd that was already running is left alone.
dockerd_pid=
stop_dockerd() {
  [ -n "$dockerd_pid" ] || return 0
  log "stopping the dockerd this script started (pid $dockerd_pid)"
  kill "$dockerd_pid" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$dockerd_pid" 2>/dev/null || break; sleep 1; done
  dockerd_pid=
}
if ! docker info >/dev/null 2>&1; then
  stale_pid_file /var/run/docker.pid dockerd
  stale_pid_file /var/run/docker/containerd/containerd.pid containerd
  log "starting dockerd (log: $out/dockerd.log)"
  nohup dockerd >"$out/dockerd.log" 2>&1 &
  dockerd_pid=$!
  trap stop_dockerd EXIT
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
  docker info >/dev/null 2>&1 || { tail -n 30 "$out/dockerd.log"; log "dockerd did not start"; exit 1; }
fi

# --- 2. images --------------------------------------------------------------------------------
start=$(date +%s)
deploy/offline-images.sh
log "images ready in $(( $(date +%s) - start )) s"

# --- 3. up, always down ----------------------------------------------------------------------
services=$(docker-compose config --services)
containers() { # "ID SERVICE" of this project's containers
  docker ps -a --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME" \
    --format '{{.ID}} {{.Label "com.docker.compose.service"}}'
}
teardown() {
  local rc=$?
  set +e
  docker ps -a --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME" >"$out/ps.txt" 2>&1
  containers | while read -r id s; do docker logs "$id" >"$out/$s.log" 2>&1; done
  [ -n "${sampler:-}" ] && kill "$sampler" 2>/dev/null
  log "docker-compose down -v"
  if ! timeout 180 docker-compose down -v --remove-orphans >/dev/null 2>&1; then
    # A down that failed or hung: remove what is left of this project by hand.
    containers | awk '{ print $1 }' | xargs -r docker rm -f -v >/dev/null 2>&1
    docker network ls -q --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME" | xargs -r docker network rm >/dev/null 2>&1
    docker volume ls -q --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME" | xargs -r docker volume rm >/dev/null 2>&1
  fi
  [ -z "$(containers)" ] || { log "FAIL: containers of $COMPOSE_PROJECT_NAME are left"; rc=1; }
  stop_dockerd
  exit "$rc"
}
trap teardown EXIT
trap 'exit 130' INT TERM

timeout 180 docker-compose down -v --remove-orphans >/dev/null 2>&1 || true
up_start=$(date +%s%3N)
# up waits for each service the next depends on to be healthy: bounded like the wait below.
timeout "$HEALTHY_TIMEOUT" docker-compose up -d 2>&1 | sed 's/^/  /'

# Healthy: every service has a container, running and, where it has a health check, healthy.
# (docker, not docker-compose, in the loops: each docker-compose call costs a Python start.)
all_healthy() {
  local ids n
  ids=$(containers | awk '{ print $1 }')
  n=$(echo "$ids" | grep -c . || true)
  [ "$n" -eq "$(echo "$services" | wc -w)" ] || return 1
  # shellcheck disable=SC2086
  ! docker inspect -f '{{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{else}}healthy{{end}}' $ids \
    | grep -qv '^running healthy$'
}
deadline=$(( $(date +%s) + HEALTHY_TIMEOUT ))
until all_healthy; do
  if [ "$(date +%s)" -ge "$deadline" ]; then
    log "not every container healthy within ${HEALTHY_TIMEOUT} s:"; docker ps -a; exit 1
  fi
  sleep 1
done
up_secs=$(awk -v a="$up_start" -v b="$(date +%s%3N)" 'BEGIN { printf "%.1f", (b - a) / 1000 }')
log "all $(echo "$services" | wc -w) containers healthy ${up_secs} s after up"

mem() { # one line per container: name and memory in MiB
  docker stats --no-stream --format '{{.Name}} {{.MemUsage}}' | awk '{
    v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[A-Za-z]+$/, "", v)
    if (u == "GiB") v *= 1024; else if (u == "KiB") v /= 1024; else if (u == "B") v /= 1048576
    n = $1; sub("^" ENVIRON["COMPOSE_PROJECT_NAME"] "_", "", n); sub(/_[0-9]+$/, "", n)
    printf "%s %.0f\n", n, v }' | sort
}
sleep 10
mem >"$out/mem-idle.txt"
# Under the test's load: the highest of samples taken every 10 s while it runs.
( while true; do mem; sleep 10; done ) >"$out/mem-load-samples.txt" 2>/dev/null &
sampler=$!

# --- 4. the test ------------------------------------------------------------------------------
test_rc=0
# Bounded as a whole: each of its steps waits at most a few minutes, all of them ~5 minutes.
timeout "${TEST_TIMEOUT:-900}" java -Dlb.port="${LB_PORT:-4000}" -cp launcher/target/jam-session.jar \
  system-tests/compose/ComposeSystemTest.java 2>"$out/test-client.log" | tee "$out/test.txt" || test_rc=$?
kill "$sampler" 2>/dev/null || true; sampler=

# --- 5. healthy again, figures --------------------------------------------------------------
deadline=$(( $(date +%s) + 120 ))
healthy_again=1
until all_healthy; do
  if [ "$(date +%s)" -ge "$deadline" ]; then
    log "FAIL: not every container healthy again after the test:"; docker ps -a; test_rc=1; healthy_again=0; break
  fi
  sleep 1
done
[ "$healthy_again" = 1 ] && log "every container healthy again after the test"

echo
echo "== compose figures =="
printf '  up to all %s containers healthy: %s s\n' "$(echo "$services" | wc -w)" "$up_secs"
echo "  memory per container, MiB (idle / highest under the test's load):"
awk 'NR == FNR { idle[$1] = $2; next } { if ($2 > max[$1]) max[$1] = $2 }
     END { for (n in idle) printf "    %-15s %5d / %5d\n", n, idle[n], max[n] }' \
  "$out/mem-idle.txt" "$out/mem-load-samples.txt" | sort
echo "  images:"
for img in $(docker-compose config | awk '$1 == "image:" { print $2 }' | sort -u); do
  printf '    %-28s %s\n' "$img" "$(docker image inspect -f '{{.Size}}' "$img" | awk '{ printf "%.0f MB", $1 / 1e6 }')"
done
# The closing line: the test's checks (none if it did not get to print them) and this one.
read -r passed failed < <(awk '/^compose: [0-9]+ passed, [0-9]+ failed$/ { p = $2; f = $4 } END { print p + 0, f + 0 }' "$out/test.txt")
[ "$passed" -gt 0 ] || [ "$failed" -gt 0 ] || failed=1
if [ "$healthy_again" = 1 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
echo "compose: $passed passed, $failed failed"
exit "$test_rc"
