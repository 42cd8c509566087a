#!/usr/bin/env bash
# Offer search latency at scale, on SQLite and (when PG_URL is given) on PostgreSQL: a release
# build seeds N generated offers and M seekers into a fresh database, serves it, and runs
# `zielona bench search`: p50/p95/p99 of 1 000 varied searches straight against the database
# and through HTTP. A benchmark, not a test.
#   scripts/bench-search.sh [OFFERS] [SEEKERS]        PG_URL=postgres://…/empty_db scripts/bench-search.sh
set -euo pipefail
cd "$(dirname "$0")/.."
OFFERS=${1:-100000}; SEEKERS=${2:-200000}
swift build -c release --product zielona --scratch-path .build-release >/dev/null
BIN=$PWD/.build-release/release/zielona
WORK=$(mktemp -d); PORT=${PORT:-18322}
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT

run() { # $1 label, $2 DATABASE_URL ("" for SQLite in $WORK/$1)
  local dir="$WORK/$1"; mkdir -p "$dir"
  echo "== $1: seeding $OFFERS offers and $SEEKERS seekers"
  (cd "$dir" && DATABASE_URL="$2" DEMO_DATA=false LOG_LEVEL=warning "$BIN" seed --offers "$OFFERS" --seekers "$SEEKERS" --seed 7 2>&1 | grep Generated)
  (cd "$dir" && DATABASE_URL="$2" DEMO_DATA=false LOG_LEVEL=warning exec "$BIN" serve --port "$PORT" >"$dir/log" 2>&1) &
  local pid=$!
  for i in $(seq 1 120); do curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
  (cd "$dir" && DATABASE_URL="$2" DEMO_DATA=false LOG_LEVEL=warning "$BIN" bench search --queries 1000 --url "http://127.0.0.1:$PORT" 2>&1 | grep -v '^\*\|warning')
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

run sqlite ""
if [ -n "${PG_URL:-}" ]; then run postgres "$PG_URL"; fi
