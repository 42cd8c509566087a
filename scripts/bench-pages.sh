#!/usr/bin/env bash
# Page and API latency of a release build, measured with wrk (Debian package `wrk`) against a
# fresh server on SQLite. Prints wrk's latency distribution per URL. A benchmark, not a test.
#   scripts/bench-pages.sh [SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-10}; CONNECTIONS=${2:-16}
command -v wrk >/dev/null || { echo "install wrk (apt-get install wrk)"; exit 1; }
swift build -c release --product zielona --scratch-path .build-release >/dev/null
BIN=.build-release/release/zielona
WORK=$(mktemp -d); PORT=${PORT:-18321}
(cd "$WORK" && LOG_LEVEL=warning exec "$OLDPWD/$BIN" serve --port "$PORT" >"$WORK/log" 2>&1) & PID=$!
trap 'kill $PID 2>/dev/null; rm -rf "$WORK"' EXIT
for i in $(seq 1 120); do curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
for path in "/" "/offices" "/offices?q=15-371" "/offices/pup-2002" "/register" "/api/v1/offices?postal_code=15-371" \
            "/api/v1/calendar?from=2026-01-01&to=2026-12-31" "/healthz"; do
  echo "== $path"
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "http://127.0.0.1:$PORT$path" | grep -E "Latency|50%|90%|99%|Requests/sec"
done
