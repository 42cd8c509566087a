#!/usr/bin/env bash
# Voice webhook latency of a release build: a fresh server on SQLite (or DATABASE_URL), open
# around the clock, and `zielona bench voice` making CALLS simultaneous calls through the standard
# IVR flow, signed as the carrier signs. Prints percentiles per webhook. A benchmark, not a test.
#   scripts/bench-voice.sh [CALLS] [THINK_MS]
set -euo pipefail
cd "$(dirname "$0")/.."
CALLS=${1:-200}; THINK=${2:-0}
swift build -c release --product zielona --scratch-path .build-release >/dev/null
BIN=$PWD/.build-release/release/zielona
WORK=$(mktemp -d); PORT=${PORT:-18322}
export VOICE_AUTH_TOKEN="bench-$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')" PUBLIC_URL="http://127.0.0.1:$PORT"
(cd "$WORK" && LOG_LEVEL=warning CONTACT_CENTRE_HOURS="mon-sun 00:00-24:00" DEMO_DATA=false exec "$BIN" serve --port "$PORT" >"$WORK/log" 2>&1) & PID=$!
trap 'kill $PID 2>/dev/null; rm -rf "$WORK"' EXIT
for i in $(seq 1 120); do curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
mkdir -p "$WORK/client"
(cd "$WORK/client" && LOG_LEVEL=error DEMO_DATA=false "$BIN" bench voice --url "$PUBLIC_URL" --calls "$CALLS" --think "$THINK")
