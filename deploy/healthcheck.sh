#!/bin/sh
# Container liveness: /health of the management server (session, recommender, cleanup) on
# MANAGEMENT_PORT, or of the gateway / all-in-one on PORT. Works whichever way the service was picked.
curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:${MANAGEMENT_PORT:-9100}/health" \
  || curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:${PORT:-4000}/health"
