#!/usr/bin/env bash
# Throughput of every public page and of the offer list per item, as ratios measured side by
# side in one run (absolute figures on a shared machine are noise). A benchmark, not a test.
#   scripts/bench-pages.sh [SECONDS] [CONNECTIONS] [OFFERS]   (OFFERS=0: the demo data only;
#   ONLY="/a /b": only these pages of the demo data)
# 1. a fresh demo server on SQLite: requests/s of each public page and API ÷ /healthz's;
# 2. a server with OFFERS generated offers (default 100 000): the same for the offer pages, and
#    the cost of one more listed offer in HTML (/offers) and in JSON (/api/v1/offers), from the
#    throughput with 10 and with 100 offers a page, and HTML's ÷ JSON's.
# Budget (issue 19): every public page ≥ 0.30 of /healthz on the demo data and ≥ 0.15 at
# 100 000 offers; the per-item cost of HTML ≤ 2 × JSON's. BIN=path skips the build.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-5}; CONNECTIONS=${2:-8}; OFFERS=${3:-100000}
command -v wrk >/dev/null || { echo "install wrk (apt-get install wrk)"; exit 1; }
if [ -z "${BIN:-}" ]; then
  swift build -c release --product zielona --scratch-path .build-release >/dev/null
  BIN=$PWD/.build-release/release/zielona
fi
WORK=$(mktemp -d); PORT=${PORT:-18321}; PID=""
trap '[ -n "$PID" ] && kill $PID 2>/dev/null; rm -rf "$WORK"' EXIT

serve() {  # serve DIR
  [ -n "$PID" ] && { kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null || true; }
  (cd "$1" && LOG_LEVEL=warning exec "$BIN" serve --port "$PORT" >>"$WORK/log" 2>&1) & PID=$!
  for _ in $(seq 1 600); do curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && return; sleep 0.5; done
  echo "server did not start"; cat "$WORK/log"; exit 1
}
rps() {  # requests/s of a path (after a short warm-up)
  wrk -t1 -c2 -d1s "http://127.0.0.1:$PORT$1" >/dev/null 2>&1 || true
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" "http://127.0.0.1:$PORT$1" | awk '/Requests\/sec/ { print $2 }'
}
ratio() { python3 -c "import sys; print('%.3f' % (float(sys.argv[1]) / float(sys.argv[2])))" "$1" "$2"; }
report() {  # report PATH... : each page's requests/s and its ratio to /healthz measured just before it
  for path in "$@"; do
    local h p; h=$(rps /healthz); p=$(rps "$path")
    printf '%-58s %9s req/s   healthz %9s   ratio %s\n' "$path" "$p" "$h" "$(ratio "$p" "$h")"
  done
}

mkdir -p "$WORK/demo"; serve "$WORK/demo"
OFFER=$(curl -fsS "http://127.0.0.1:$PORT/api/v1/offers?per_page=1" | python3 -c "import json,sys; print(json.load(sys.stdin)['items'][0]['id'])")
FAQ=$(curl -fsS "http://127.0.0.1:$PORT/api/v1/kb?per_page=1" | python3 -c "import json,sys; print(json.load(sys.stdin)['items'][0]['id'])")
# A complete declaration of the foreigners' generator, to measure its steps, checklist, printout and PDF.
DRAFT=$(python3 - "$PORT" <<'PY'
import datetime, http.cookiejar, re, sys, urllib.parse, urllib.request
base = f"http://127.0.0.1:{sys.argv[1]}"
web = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
def post(path, fields):
    token = re.search(r'name="_csrf" value="([^"]+)"', web.open(base + path).read().decode()).group(1)
    return web.open(base + path, urllib.parse.urlencode(dict(fields, _csrf=token)).encode()).geturl().replace(base, "")
draft = post("/foreigners/work-declaration", {}).split("/steps/")[0]
start = datetime.date.today() + datetime.timedelta(days=10)
post(draft + "/steps/1", {"employer_name": "Firma", "employer_street": "Piotrkowska 100", "employer_locality": "Łódź",
                          "employer_postal_code": "90-001", "employer_nip": "7251801126", "employer_phone": "+48 42 123 45 67"})
post(draft + "/steps/2", {"surname": "SHEVCHENKO", "given_names": "OLENA", "sex": "F", "birth_date": "1990-04-12", "citizenship": "UA",
                          "passport_number": "FX123456", "passport_expiry": "2031-01-01"})
post(draft + "/steps/3", {"position": "MURARZ", "work_place": "ŁÓDŹ", "seasonal": "no", "contract": "employment", "weekly_hours": "40",
                          "pay_unit": "monthly", "pay": "6200", "comparable_pay": "yes", "work_from": start.isoformat(),
                          "work_to": (start + datetime.timedelta(days=20)).isoformat()})
print(draft)
PY
)
NEWS=$(curl -fsS "http://127.0.0.1:$PORT/news/feed.atom" | python3 -c "import re,sys; print(re.search(r'urn:uuid:([0-9a-f-]+)', sys.stdin.read()).group(1))")
POLL=$(curl -fsS "http://127.0.0.1:$PORT/polls" | python3 -c "import re,sys; print(re.search(r'href=\"(/polls/[0-9a-f-]+)\"', sys.stdin.read()).group(1))")
echo "== demo data (SQLite)"
# ONLY="path…": just these pages (a focused run after a change).
if [ -n "${ONLY:-}" ]; then report $ONLY; exit 0; fi
report / /news "/news?voivodeship=20" "/news/$NEWS" /news/feed.atom /offices/pup-2002/news /offices/pup-2002/pages/godziny-otwarcia /partners /polls "$POLL" \
       /forum /forum/pup-2002 /forum/threads/00000000-0000-4000-8000-00000000f001 "/forum/search?q=w%C3%B3zki" \
       /forms/00000000-0000-4000-8000-00000000f101 \
       /offers "/offers?q=magazyn" "/offers/$OFFER" /trainings /job-fairs /faq "/faq?q=zasi%C5%82ek" "/faq/$FAQ" /offices "/offices?q=15-371" \
       /offices/pup-2002 /contact /callback /video /chat /newsletter /register /register/employer /login /forgot-password /privacy \
       /accessibility /complaints "/occupations?q=spaw" "/api/v1/offices?postal_code=15-371" "/api/v1/offers" "/api/v1/kb?q=zasi%C5%82ek" \
       /foreigners /foreigners/temporary-residence "$DRAFT/steps/1" "$DRAFT/steps/3" "$DRAFT/check" "$DRAFT/print" "$DRAFT/application.pdf"

[ "$OFFERS" -gt 0 ] || exit 0
echo "== $OFFERS generated offers (SQLite)"
mkdir -p "$WORK/big"
(cd "$WORK/big" && LOG_LEVEL=warning "$BIN" seed --offers "$OFFERS" --seed 7 >/dev/null 2>&1)
serve "$WORK/big"
report / /offers "/offers?q=magazyn" "/offers?voivodeship=20&sort=date" "/api/v1/offers"
h10=$(rps "/offers?per_page=10"); h100=$(rps "/offers?per_page=100")
j10=$(rps "/api/v1/offers?per_page=10"); j100=$(rps "/api/v1/offers?per_page=100")
python3 - "$h10" "$h100" "$j10" "$j100" <<'PY'
import sys
h10, h100, j10, j100 = map(float, sys.argv[1:])
per = lambda a, b: (1 / b - 1 / a) / 90 * 1000  # ms of server capacity per extra listed offer
html, json_ = per(h10, h100), per(j10, j100)
print("per listed offer: HTML %.3f ms, JSON %.3f ms, HTML ÷ JSON %.2f  (req/s: HTML %.0f → %.0f, JSON %.0f → %.0f for 10 → 100 a page)"
      % (html, json_, html / json_ if json_ > 0 else float("nan"), h10, h100, j10, j100))
PY
