"""The disk of an SQLite deployment full, for real: the data directory on a small tmpfs, filled
up to the last byte while `serve` runs and visitors send the contact form.

Every answer while the disk is full is an acknowledged write or a clear 507 page ("the server has
run out of storage space … nothing was saved"), never a 500; pages that only read still open; once
space is freed writes work again without a restart; afterwards the file passes integrity_check and
every acknowledged contact is there exactly once with its e-mail.

Needs ZIELONA_BIN and WORK, and permission to mount a tmpfs (root, or sudo without a password);
without it the drill says so and is skipped (the Swift test ServerErrorTests.aFullDiskGivesA507…
still covers SQLite's own "database or disk is full")."""
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time

import requests

from serving import start_serve

BIN, WORK = os.environ["ZIELONA_BIN"], os.environ["WORK"]
PORT = int(os.environ.get("DISK_FULL_PORT", "18171"))
BASE = f"http://127.0.0.1:{PORT}"
ENV = {**os.environ, "PUBLIC_URL": BASE, "TRUSTED_PROXIES": "127.0.0.1/32", "LOG_LEVEL": "notice",
       "ZIELONA_DATA_KEY": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="}


def as_root(args):
    return args if os.geteuid() == 0 else ["sudo", "-n"] + args


def start(home):
    return start_serve(BIN, PORT, home, ENV, os.path.join(WORK, "disk-full-serve.log"))


def post(session, token, n):
    email = f"full-{n}@example.org"
    r = session.post(BASE + "/contact?lang=pl", timeout=20, headers={"X-Forwarded-For": f"10.77.{n // 250}.{n % 250 + 1}"},
                     data={"_csrf": token, "email": email, "name": "Drill", "powiat": "2061", "topic": "other",
                           "message": f"A full disk drill message number {n}, long enough to need room: " + "x" * 400})
    return email, r


def fill(path):
    """Writes zeros until the file system refuses (ENOSPC), down to the last scraps."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        for size in (1024 * 1024, 64 * 1024, 4096, 512, 1):
            block = b"\0" * size
            try:
                while True:
                    os.write(fd, block)
            except OSError:
                pass
    finally:
        os.close(fd)


def main():
    seed = os.path.join(WORK, "disk-full-seed")
    os.makedirs(seed, exist_ok=True)
    out = subprocess.run([BIN, "seed", "--demo"], cwd=seed, env=ENV, capture_output=True, text=True)
    assert out.returncode == 0, "seed: " + out.stdout[-500:] + out.stderr[-500:]
    size = sum(os.path.getsize(os.path.join(seed, "data", f)) for f in os.listdir(os.path.join(seed, "data")))
    mnt = os.path.join(WORK, "disk-full")
    os.makedirs(mnt, exist_ok=True)
    mounted = subprocess.run(as_root(["mount", "-t", "tmpfs", "-o", f"size={size + 16 * 1024 * 1024},mode=0777", "tmpfs", mnt]),
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        print(f"WARNING: skipping the full-disk drill: cannot mount a tmpfs here ({mounted.stderr.strip()[:120]})")
        return
    proc = None
    try:
        shutil.copytree(os.path.join(seed, "data"), os.path.join(mnt, "data"))
        proc = start(mnt)
        s = requests.Session()
        token = re.search(r'name="_csrf" value="([^"]+)"', s.get(BASE + "/contact?lang=pl", timeout=10).text).group(1)
        acknowledged, statuses, n = [], {}, 0
        for _ in range(3):   # room left: writes work
            n += 1
            email, r = post(s, token, n)
            assert r.status_code == 200 and "ZL-" in r.text, f"a write before the disk filled up: {r.status_code}"
            acknowledged.append(email)

        filler = os.path.join(mnt, "filler")
        fill(filler)
        refused = 0
        for _ in range(40):
            n += 1
            email, r = post(s, token, n)
            statuses[r.status_code] = statuses.get(r.status_code, 0) + 1
            if r.status_code == 200 and "ZL-" in r.text:
                acknowledged.append(email)
            else:
                assert r.status_code == 507, f"a write on the full disk answered {r.status_code}, not 507"
                assert "zabrakło miejsca" in r.text, "the 507 page does not say what happened"
                refused += 1
        assert refused > 0, f"the full disk refused nothing: {statuses}"
        for page in ["/", "/offers?q=kierowca", "/contact"]:
            r = s.get(BASE + page, timeout=20)
            assert r.status_code == 200, f"{page} while the disk is full: {r.status_code}"

        os.remove(filler)
        for _ in range(10):
            n += 1
            email, r = post(s, token, n)
            if r.status_code == 200:
                acknowledged.append(email)
                break
            time.sleep(0.5)
        else:
            raise AssertionError("no write after space was freed")
    finally:
        if proc:
            proc.terminate()
            proc.wait(timeout=30)
    try:
        db = sqlite3.connect(os.path.join(mnt, "data", "zielona.sqlite"))
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "the database is damaged"
        found = {}
        for query in ["SELECT json_extract(context, '$.email') AS e, COUNT(*) FROM cc_interactions WHERE e LIKE 'full-%' GROUP BY e",
                      "SELECT recipient, COUNT(*) FROM outbox WHERE recipient LIKE 'full-%' GROUP BY recipient"]:
            for email, count in db.execute(query).fetchall():
                found[email] = found.get(email, 0) + count
        db.close()
        wrong = [e for e in acknowledged if found.get(e) != 2]
        extra = [e for e in found if e not in acknowledged]
        assert not wrong, f"acknowledged writes not there exactly once with their e-mail: {wrong[:3]}"
        assert not extra, f"writes answered 507 were saved (half or whole): {extra[:3]}"
        with open(os.path.join(WORK, "disk-full-serve.log")) as log:
            text = log.read()
        assert "disk is full" in text, "the full disk was not logged for the operators"
        assert "@example.org" not in text, "an e-mail address in the log"
        print(f"ok: SQLite on a full disk: {refused} of 40 writes refused with 507 in the visitor's language, "
              f"{len(acknowledged)} acknowledged all there once, reads went on, writes resumed when space was freed, integrity_check ok")
    finally:
        subprocess.run(as_root(["umount", mnt]), capture_output=True)


if __name__ == "__main__":
    try:
        main()
    except AssertionError as e:
        print(f"FAIL: full-disk drill: {e}")
        sys.exit(1)
