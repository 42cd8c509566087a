"""Replacing the data key on a demo installation, with a crash in the middle.

A demo database is sealed under key A, and a staff member enrols their second factor (a sealed
secret) and a visitor starts a foreigner's draft (sealed answers, an indexed code). Then
`zielona keys rotate` runs with the new key B and A as the previous key and is killed (SIGKILL)
after its first batch; `keys status` must show values under both keys; run again, the rotation
must finish. The server started with B alone must then sign the staff member in with the second
factor enrolled under A and find a demo client by PESEL.

Runs on SQLite, and on PostgreSQL too when PG_ADMIN_URL (postgres://…/postgres) is given.
Needs ZIELONA_BIN and WORK (a scratch directory)."""
import base64
import os
import re
import secrets
import signal
import subprocess
import sys
import time
import urllib.parse

import requests

from staff_session import csrf, enrol, sign_in

BIN = os.environ["ZIELONA_BIN"]
WORK = os.environ["WORK"]
PORT = 18141
BASE = f"http://127.0.0.1:{PORT}"
STAFF = "konsultant.bialystok@example.org"
DEMO_PESEL, DEMO_CLIENT = "85031501234", "100000009"


DATABASE = {}


def env(current, previous=None):
    e = dict(os.environ, ZIELONA_DATA_KEY=current, DEMO_DATA="true", LOG_LEVEL="warning", **DATABASE)
    e.pop("ZIELONA_PREVIOUS_DATA_KEY", None)
    if previous:
        e["ZIELONA_PREVIOUS_DATA_KEY"] = previous
    return e


def run(args, e, cwd):
    return subprocess.run([BIN] + args, env=e, cwd=cwd, capture_output=True, text=True, timeout=300)


def serve(e, cwd):
    p = subprocess.Popen([BIN, "serve", "--port", str(PORT)], env=e, cwd=cwd, stdout=subprocess.DEVNULL,
                         stderr=open(os.path.join(cwd, "serve.log"), "a"))
    for _ in range(300):
        try:
            if requests.get(BASE + "/healthz", timeout=1).status_code == 200:
                return p
        except requests.RequestException:
            pass
        time.sleep(0.2)
    p.kill()
    raise SystemExit("FAIL: the server did not start")


def start_draft():
    s = requests.Session()
    started = s.post(BASE + "/foreigners/work-permit-a", data={"_csrf": csrf(s, BASE, "/foreigners/work-permit-a")})
    assert started.status_code == 200, f"draft: {started.status_code}"


def main(label):
    d = os.path.join(WORK, "keys-" + label)
    os.makedirs(d, exist_ok=True)
    a, b = (base64.b64encode(secrets.token_bytes(32)).decode() for _ in range(2))

    server = serve(env(a), d)
    try:
        _, key = enrol(BASE, STAFF)
        start_draft()
    finally:
        server.terminate(); server.wait()

    # The rotation, killed after its first batch (one value a batch, a rest between them).
    p = subprocess.Popen([BIN, "keys", "rotate", "--batch", "1", "--pause", "0.5"], env=env(b, a), cwd=d,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    first = ""
    for line in p.stdout:
        if " moved" in line:
            first = line.strip()
            p.send_signal(signal.SIGKILL)
            break
    p.wait()
    assert first, "the rotation printed no progress"
    status = run(["keys", "status"], env(b, a), d)
    assert "previous" in status.stdout and "current" in status.stdout, "after the kill, values under both keys:\n" + status.stdout
    print(f"ok ({label}): rotation killed after '{first}'; status: " + "; ".join(l for l in status.stdout.splitlines() if ": " in l))

    again = run(["keys", "rotate"], env(b, a), d)
    assert again.returncode == 0 and "Done" in again.stdout, "the rotation run again:\n" + again.stdout + again.stderr
    alone = run(["keys", "status"], env(b), d)
    counts = [l for l in alone.stdout.splitlines() if "." in l.split(":")[0]]
    assert alone.returncode == 0 and "Done" in alone.stdout and len(counts) == 4, alone.stdout
    assert all(re.fullmatch(r"[a-z_.]+: (current \d+|none)", l) for l in counts), "values not under the new key:\n" + alone.stdout
    print(f"ok ({label}): run again, the rotation finished: " + "; ".join(l for l in again.stdout.splitlines() if "moved to key" in l))

    server = serve(env(b), d)
    try:
        staff = sign_in(BASE, STAFF, key)
        found = staff.get(BASE + f"/staff/clients?by=pesel&q={DEMO_PESEL}&reason=visit")
        assert found.status_code == 200 and DEMO_CLIENT in found.text, f"PESEL search with the new key alone: {found.status_code}"
        print(f"ok ({label}): with the new key alone the second factor enrolled under the old one signs in, and the PESEL search finds the client")
    finally:
        server.terminate(); server.wait()


if __name__ == "__main__":
    try:
        main("SQLite")
        admin = os.environ.get("PG_ADMIN_URL")
        if admin:
            name = "zielona_keys"
            subprocess.run(["psql", admin.split("?")[0], "-qc", f"DROP DATABASE IF EXISTS {name}", "-c", f"CREATE DATABASE {name}"],
                           check=True, capture_output=True)
            DATABASE["DATABASE_URL"] = urllib.parse.urlunsplit(urllib.parse.urlsplit(admin)._replace(path="/" + name))
            main("PostgreSQL")
    except AssertionError as e:
        print(f"FAIL: key rotation drill: {e}")
        sys.exit(1)
