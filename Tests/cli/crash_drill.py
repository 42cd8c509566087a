"""kill -9 under write load: a `serve` process killed in the middle of writes loses none it
acknowledged, on SQLite and on PostgreSQL.

Eight writers send the contact form as eight thousand different visitors would (each from its
own address behind a trusted proxy, so the per-address limit does not stop them); a write is
acknowledged when the page with the case number comes back. After about three seconds the
process gets SIGKILL with requests in flight. A new process on the same database must start
(SQLite: replaying its write-ahead log; the file passes integrity_check), hold the contact and
its confirmation e-mail of every acknowledged write — written in one transaction, so both or
neither — and take new writes.

Needs: ZIELONA_BIN, WORK; PG_ADMIN_URL (postgres://…/postgres) for the PostgreSQL run."""
import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.parse

import requests

from serving import start_serve

BIN, WORK = os.environ["ZIELONA_BIN"], os.environ["WORK"]
PORT = int(os.environ.get("CRASH_PORT", "18131"))
BASE = f"http://127.0.0.1:{PORT}"


def start(home, env):
    return start_serve(BIN, PORT, home, {**os.environ, "PUBLIC_URL": BASE, "TRUSTED_PROXIES": "127.0.0.1/32", **env},
                       os.path.join(home, "serve.log"), tries=240)


def writer(number, stop, acknowledged, lock):
    s = requests.Session()
    token = re.search(r'name="_csrf" value="([^"]+)"', s.get(BASE + "/contact?lang=en", timeout=10).text).group(1)
    n = 0
    while not stop.is_set():
        n += 1
        email = f"drill-{number}-{n}@example.org"
        try:
            res = s.post(BASE + "/contact?lang=en", timeout=10, headers={"X-Forwarded-For": f"10.{number}.{n // 250}.{n % 250 + 1}"},
                         data={"_csrf": token, "email": email, "name": "Drill", "powiat": "2061", "topic": "other",
                               "message": f"A crash drill message number {n}."})
        except requests.RequestException:
            return  # the server is gone: what was in flight was never acknowledged
        if res.status_code == 200 and re.search(r"ZL-[0-9A-F]{8}", res.text):
            with lock:
                acknowledged.append(email)
        elif res.status_code != 200:
            sys.exit(f"FAIL: a write was refused before the kill: {res.status_code}")


def drill(label, home, env, recipients, check_file=None):
    os.makedirs(home, exist_ok=True)
    proc = start(home, env)
    stop, lock, acknowledged = threading.Event(), threading.Lock(), []
    threads = [threading.Thread(target=writer, args=(i, stop, acknowledged, lock)) for i in range(8)]
    for t in threads:
        t.start()
    time.sleep(3)
    proc.send_signal(signal.SIGKILL)
    killed_with = len(acknowledged)
    proc.wait()
    stop.set()
    for t in threads:
        t.join()
    assert killed_with > 50, f"{label}: only {killed_with} writes before the kill — no load"
    if check_file:
        db = sqlite3.connect(check_file)
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok", f"{label}: damaged after the kill"
        db.close()
    proc = start(home, env)
    try:
        present = recipients()
        # Each acknowledged write once as a contact (the visitor's address in its context) and
        # once as its confirmation e-mail: 2.
        missing = [e for e in acknowledged if present.get(e, 0) != 2]
        assert not missing, f"{label}: {len(missing)} of {len(acknowledged)} acknowledged writes lost or half-written after kill -9: {missing[:5]}"
        s = requests.Session()
        token = re.search(r'name="_csrf" value="([^"]+)"', s.get(BASE + "/contact?lang=en").text).group(1)
        res = s.post(BASE + "/contact?lang=en", headers={"X-Forwarded-For": "10.99.0.1"},
                     data={"_csrf": token, "email": "after@example.org", "powiat": "2061", "topic": "other", "message": "Written after the restart."})
        assert res.status_code == 200 and "ZL-" in res.text, f"{label}: no write after the restart ({res.status_code})"
    finally:
        proc.terminate()
        proc.wait()
    # No personal data in the logs: hundreds of visitors' addresses went through, none is written.
    with open(os.path.join(home, "serve.log")) as log:
        text = log.read()
    assert "response" in text and "@example.org" not in text, f"{label}: an e-mail address in the log"
    print(f"ok: {label}: kill -9 with {len(acknowledged)} writes acknowledged (8 writers, requests in flight): all present with their e-mail after the restart")


def sqlite_run():
    home = os.path.join(WORK, "crash-sqlite")
    path = os.path.join(home, "data", "zielona.sqlite")

    def recipients():
        db = sqlite3.connect(path)
        found = {}
        for query in ["SELECT json_extract(context, '$.email') AS e, COUNT(*) FROM cc_interactions WHERE e LIKE 'drill-%' GROUP BY e",
                      "SELECT recipient, COUNT(*) FROM outbox WHERE recipient LIKE 'drill-%' GROUP BY recipient"]:
            for email, n in db.execute(query).fetchall():
                found[email] = found.get(email, 0) + n
        db.close()
        return found
    drill("SQLite", home, {}, recipients, check_file=path)


def postgres_run(admin):
    name = "zielona_crash"
    subprocess.run(["psql", admin.split("?")[0], "-qc", f"DROP DATABASE IF EXISTS {name}", "-c", f"CREATE DATABASE {name}"], check=True, capture_output=True)
    p = urllib.parse.urlsplit(admin)
    url = urllib.parse.urlunsplit(p._replace(path="/" + name))

    def recipients():
        found = {}
        for query in ["SELECT e || ' ' || COUNT(*) FROM (SELECT context::json->>'email' AS e FROM cc_interactions) i WHERE e LIKE 'drill-%' GROUP BY e",
                      "SELECT recipient || ' ' || COUNT(*) FROM outbox WHERE recipient LIKE 'drill-%' GROUP BY recipient"]:
            out = subprocess.run(["psql", url.split("?")[0], "-Atc", query], capture_output=True, text=True, check=True).stdout.split()
            for i in range(0, len(out), 2):
                found[out[i]] = found.get(out[i], 0) + int(out[i + 1])
        return found
    drill("PostgreSQL", os.path.join(WORK, "crash-pg"), {"DATABASE_URL": url}, recipients)


sqlite_run()
if os.environ.get("PG_ADMIN_URL"):
    postgres_run(os.environ["PG_ADMIN_URL"])
