"""PostgreSQL restarted under load, under two `zielona serve` processes.

Four writers send the contact form to both processes (each write acknowledged by the page with
its case number) while the demo consultant, signed in on the second process, takes every offer
the router makes (accept, end, close). PostgreSQL is then restarted (`pg_ctl restart -m fast`:
every connection cut). Afterwards: both processes write again, the router offers again within 5 s
of the database being back (and the consultant takes offers again), no contact is offered twice and never two routers lead at once, every
acknowledged write is there exactly once with its e-mail, and both processes are healthy.

Needs ZIELONA_BIN, WORK, PG_ADMIN_URL (postgres://…/postgres) and PG_RESTART (a shell command
that restarts the cluster and returns when it is up), e.g.
  PG_RESTART="su postgres -c '/usr/lib/postgresql/15/bin/pg_ctl -D $PGDATA -m fast -w restart'"
In the test command. What it found: writes answered 500 while the database was away (now 503 with
Retry-After), an agent's load lost between the router and the desktops (agents now locked), and now
and then a database call in flight at the restart that never returns: such a request is answered 503
after REQUEST_TIMEOUT_SECONDS, its statement, unanswered after DATABASE_STATEMENT_TIMEOUT_SECONDS and not running on
the server, fails and the pool replaces the connection (before, it stayed leased for good), and a routing step stuck so is left
behind by the watchdog (RepeatingJob, RoutingService.job) so that routing goes on; and a leader whose own cluster-link
connection hung so went on calling itself leader, deaf to desktop events, beside the process that had
taken the lock (leadership is now a lease, and a link that does not answer is made again)."""
import os
import re
import subprocess
import sys
import threading
import time
import urllib.parse

import requests

from staff_session import csrf, enrol

BIN, WORK = os.environ["ZIELONA_BIN"], os.environ["WORK"]
ADMIN, RESTART = os.environ["PG_ADMIN_URL"], os.environ["PG_RESTART"]
PORTS = (18151, 18152)
NAME = "zielona_restart"
URL = urllib.parse.urlunsplit(urllib.parse.urlsplit(ADMIN)._replace(path="/" + NAME))
ENV = {**os.environ, "DATABASE_URL": URL, "ZIELONA_DATA_KEY": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", "LOG_LEVEL": "notice",
       "TRUSTED_PROXIES": "127.0.0.1/32", "CONTACT_CENTRE_HOURS": "mon-sun 00:00-24:00",
       # A request whose database call never returns is answered 503 within the drill's clients' patience,
       # and the statement's connection is closed and replaced sooner still.
       "REQUEST_TIMEOUT_SECONDS": "5", "DATABASE_STATEMENT_TIMEOUT_SECONDS": "1"}
STAFF = "konsultant.bialystok@example.org"
OFFER = re.compile(r'action="/desktop/offers/([0-9a-fA-F-]{36})/accept"')


def base(port):
    return f"http://127.0.0.1:{port}"


def health(port):
    try:
        return requests.get(base(port) + "/healthz", timeout=1).json()
    except (requests.RequestException, ValueError):
        return {}


def start(port, home):
    log = open(os.path.join(home, f"serve-{port}.log"), "a")
    p = subprocess.Popen([BIN, "serve", "--port", str(port)], cwd=home, env={**ENV, "PUBLIC_URL": base(port)}, stdout=log, stderr=log)
    for _ in range(480):
        if health(port).get("status") == "ok":
            return p
        if p.poll() is not None:
            sys.exit(f"FAIL: serve on {port} exited; see {log.name}")
        time.sleep(0.25)
    sys.exit(f"FAIL: serve on {port} did not start")


def psql(query):
    return subprocess.run(["psql", URL.split("?")[0], "-Atc", query], capture_output=True, text=True, check=True).stdout.split()


def sessions():
    """What each connection of the drill's database is doing, and the locks it waits for or holds (for a failure's message)."""
    return subprocess.run(["psql", URL.split("?")[0], "-Atc",
                           "SELECT a.pid || ' ' || coalesce(a.state, '-') || ' ' || coalesce(a.wait_event_type || ':' || a.wait_event, '-') || ' '"
                           " || coalesce(extract(epoch FROM now() - a.xact_start)::int::text || 's', '-') || ' ' || left(regexp_replace(a.query, '\\s+', ' ', 'g'), 90)"
                           " || ' [' || coalesce((SELECT string_agg(l.locktype || ':' || l.mode || CASE WHEN l.granted THEN '' ELSE '?' END, ',') FROM pg_locks l"
                           " WHERE l.pid = a.pid AND l.locktype IN ('advisory', 'tuple', 'transactionid')), '') || ']'"
                           " FROM pg_stat_activity a WHERE a.datname = current_database() AND a.pid <> pg_backend_pid()"],
                          capture_output=True, text=True).stdout.splitlines()


def agent():
    return " ".join(psql("SELECT state || load || updated_at FROM cc_agents ORDER BY updated_at DESC LIMIT 1"))


class Load:
    def __init__(self):
        self.stop, self.lock = threading.Event(), threading.Lock()
        self.acknowledged, self.failed = [], []   # (time, port, email) and (time, port, status)
        self.offers, self.leaders = [], []         # (time, interaction id); times two processes led at once
        self.restarted = float("inf")              # from then on a step may meet the database away

    def writer(self, number):
        sessions = {}
        n = 0
        while not self.stop.is_set():
            n += 1
            port = PORTS[n % 2]
            email = f"restart-{number}-{n}@example.org"
            try:
                s = sessions.get(port)
                if s is None:
                    s = requests.Session(); s.token = csrf(s, base(port), "/contact"); sessions[port] = s
                r = s.post(base(port) + "/contact", timeout=20, headers={"X-Forwarded-For": f"10.{number}.{n // 250}.{n % 250 + 1}"},
                           data={"_csrf": s.token, "email": email, "name": "Drill", "powiat": "2061", "topic": "benefits",
                                 "message": f"A restart drill message number {n}."})
                ok = r.status_code == 200 and re.search(r"ZL-[0-9A-F]{8}", r.text)
                status = r.status_code
            except (requests.RequestException, AttributeError) as e:
                ok, status = False, type(e).__name__
                sessions.pop(port, None)
            with self.lock:
                (self.acknowledged if ok else self.failed).append((time.time(), port, email if ok else status))
            if not ok:
                time.sleep(0.1)

    def consultant(self, desk, port):
        """Takes every offer shown on the desktop: accept, end, close (forms come several at a time,
        up to the consultant's capacity). Like a person, when the database goes away mid-way the
        consultant tries a step again until it is done: a contact left in hand would keep the
        consultant from later offers."""
        in_hand = {}   # interaction id -> the steps still to do
        while not self.stop.is_set():
            try:
                page = desk.get(base(port) + "/desktop?lang=en", timeout=5).text
                token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
                for i in (i.lower() for i in OFFER.findall(page)):
                    if i in in_hand:
                        continue
                    r = desk.post(base(port) + f"/desktop/offers/{i}/accept", data={"_csrf": token}, allow_redirects=False, timeout=10)
                    if r.status_code == 303:
                        with self.lock:
                            self.offers.append((time.time(), i))
                        in_hand[i] = ["end", "close"]
                if not in_hand:
                    time.sleep(0.2)
                    continue
                for i, steps in list(in_hand.items()):
                    # Closed without a written answer ("other"), so the consultant is free for the next.
                    while steps:
                        fields = {"outcome": "other"} if steps[0] == "close" else {}
                        r = desk.post(base(port) + f"/desktop/interactions/{i}/{steps[0]}", data={"_csrf": token, **fields},
                                      allow_redirects=False, timeout=10)
                        assert r.status_code == 303 or time.time() > self.restarted, f"{steps[0]}: {r.status_code}"
                        if r.status_code >= 500:
                            raise requests.ConnectionError(f"{steps[0]}: {r.status_code}")
                        steps.pop(0)   # done, or (4xx after a lost answer) done already
                    del in_hand[i]
            except (requests.RequestException, AttributeError):
                time.sleep(0.2)   # the page of an error while the database is away has no form
            except AssertionError as e:
                self.consultant_failed = str(e)
                return

    def watch_leaders(self):
        while not self.stop.is_set():
            roles = [health(p).get("routing") for p in PORTS]
            if roles.count("leader") > 1:
                with self.lock:
                    self.leaders.append(time.time())
            time.sleep(0.2)


def main():
    subprocess.run(["psql", ADMIN.split("?")[0], "-qc", f"DROP DATABASE IF EXISTS {NAME}", "-c", f"CREATE DATABASE {NAME}"], check=True, capture_output=True)
    home = os.path.join(WORK, "pg-restart")
    os.makedirs(home, exist_ok=True)
    for port in PORTS:   # this run's logs only
        open(os.path.join(home, f"serve-{port}.log"), "w").close()
    procs = [start(PORTS[0], home)]   # migrates and loads the demo data
    procs.append(start(PORTS[1], home))
    try:
        desk, _ = enrol(base(PORTS[1]), STAFF)
        r = desk.post(base(PORTS[1]) + "/desktop/state", data={"state": "available", "_csrf": csrf(desk, base(PORTS[1]), "/desktop")},
                      allow_redirects=False)
        assert r.status_code == 303, f"available: {r.status_code}"
        load = Load()
        threads = [threading.Thread(target=load.writer, args=(i,)) for i in range(4)]
        threads += [threading.Thread(target=load.consultant, args=(desk, PORTS[1])), threading.Thread(target=load.watch_leaders)]
        for t in threads:
            t.daemon = True
            t.start()
        time.sleep(6)
        with load.lock:
            before = (len(load.acknowledged), len(load.offers))
        assert before[0] > 20 and before[1] > 0, f"no load before the restart: {before[0]} writes, {before[1]} offers taken"
        asked = load.restarted = time.time()
        out = subprocess.run(RESTART, shell=True, capture_output=True, text=True)
        assert out.returncode == 0, "restart: " + out.stdout + out.stderr
        up = time.time()
        time.sleep(15)
        load.stop.set()
        for t in threads:
            t.join()

        after_writes = {p: min((t for t, port, _ in load.acknowledged if port == p and t > up), default=None) for p in PORTS}
        after_offer = min((t for t, _ in load.offers if t > up), default=None)
        outage = [f for f in load.failed if f[0] >= asked - 1]
        early = [f for f in load.failed if f[0] < asked - 1]
        assert not early, f"writes failed before the restart: {early[:3]}"
        # While the database is away a write is refused as unavailable, to be tried again (503 with Retry-After).
        assert all(f[2] == 503 for f in outage), f"writes refused otherwise than 503 while the database was away: {sorted(set(str(f[2]) for f in outage))}"
        assert not getattr(load, "consultant_failed", None), "the consultant could not close a contact: " + load.consultant_failed
        assert all(after_writes.values()), f"a process wrote nothing after the restart: {after_writes}"
        routed = psql(f"SELECT extract(epoch FROM min(e.at)) FROM cc_events e JOIN cc_interactions i ON i.id = e.interaction_id "
                      f"WHERE i.context LIKE '%restart-%' AND e.to_state = 'offered' AND e.at > to_timestamp({up})")
        routed_after = float(routed[0]) - up if routed else None
        assert routed_after is not None and routed_after <= 5, (f"the router offered again {routed_after} s after the database was back; roles "
                                                                + str([health(p).get("routing") for p in PORTS]) + "; agent " + agent() + "; sessions: " + " | ".join(sessions()))
        assert after_offer is not None, ("no offer taken after the restart; roles " + str([health(p).get("routing") for p in PORTS])
                                         + ", agent " + agent()
                                         + ", offers since " + " ".join(psql("SELECT count(*) || ' ' || coalesce(max(at)::text, '-') FROM cc_events WHERE to_state = 'offered' AND at > now() - interval '20 seconds'")))
        taken = after_offer - up
        ids = [i for _, i in load.offers]
        assert len(ids) == len(set(ids)), "a contact was taken twice"
        # Offered again only from the queue (an offer not taken in time lapses back to it), never while offered.
        twice = psql("SELECT e.interaction_id FROM cc_events e JOIN cc_interactions i ON i.id = e.interaction_id "
                     "WHERE i.context LIKE '%restart-%' AND e.to_state = 'offered' AND e.from_state <> 'queued'")
        assert not twice, f"contacts offered while already offered: {twice[:5]}"
        taken_twice = psql("SELECT e.interaction_id FROM cc_events e JOIN cc_interactions i ON i.id = e.interaction_id "
                           "WHERE i.context LIKE '%restart-%' AND e.to_state = 'connected' GROUP BY 1 HAVING COUNT(*) > 1")
        assert not taken_twice, f"contacts accepted twice: {taken_twice[:5]}"
        assert not load.leaders, f"two routers led at once {len(load.leaders)} times"
        counts = {}
        for query in ["SELECT context::json->>'email' FROM cc_interactions WHERE context LIKE '%restart-%'",
                      "SELECT recipient FROM outbox WHERE recipient LIKE 'restart-%' AND kind = 'contact_confirmation'"]:
            for e in psql(query):
                counts[e] = counts.get(e, 0) + 1
        missing = [e for _, _, e in load.acknowledged if counts.get(e) != 2]
        assert not missing, f"{len(missing)} acknowledged writes not there exactly once with their e-mail: {missing[:3]}"
        for p in PORTS:
            assert health(p).get("status") == "ok", f"{p} unhealthy after the restart: {health(p)}"
        stalled = sum(open(os.path.join(home, f"serve-{p}.log"), errors="replace").read().count("did not answer a statement in time") for p in PORTS)
        print(f"ok: PostgreSQL restarted under load ({len(load.acknowledged)} writes acknowledged, {len(load.offers)} offers taken, "
              f"{len(outage)} writes refused while it was down, answered {sorted(set(str(f[2]) for f in outage))}): both processes wrote again after "
              + ", ".join(f"{after_writes[p] - up:.1f} s" for p in PORTS)
              + f"; the router offered again after {routed_after:.1f} s, the consultant took an offer after {taken:.1f} s; no contact offered while offered or taken twice, never two routers; every acknowledged write there once; "
              f"{stalled} unanswered statements had their connection replaced")
    finally:
        if "load" in locals():
            load.stop.set()
        for p in procs:
            p.terminate()
            p.wait(timeout=30)


if __name__ == "__main__":
    try:
        main()
    except AssertionError as e:
        print(f"FAIL: PostgreSQL restart drill: {e}")
        sys.exit(1)
