#!/usr/bin/env python3
"""National peak, two servers, one PostgreSQL — a benchmark, not a test (loopback only).

Two `zielona serve` processes share one PostgreSQL database behind a stand-in load balancer (this
script: both servers have the same PUBLIC_URL, each request goes to a live one; a GET that finds
its server dead is tried on the other, a POST is not, as a real balancer does). For --minutes:
  * --consultants consultants (created by `zielona bench consultants`) sign in with their second
    factor, go available and keep the desktop's WebSocket open; on an offer each refreshes its
    desktop panel, as the page's script does, and takes the offer (accept, a chat answer when it is
    a chat, a talk of 30–90 s, end, close; a step that fails is tried again until it is done);
  * --calls callers at once walk the IVR (signed as the carrier signs, with the real `twilio`
    package), wait in the queue polling as the carrier does, talk when a consultant takes them and
    hang up after 4 minutes of waiting; a caller who hangs up calls again;
  * --chats visitors at once open a chat, keep its socket, write every 15 s, end after 3 minutes;
  * portal search at --search-rps requests a second.
Reported: p50/p99 and errors per class of request (a 503 shed at once past MAX_REQUESTS_IN_FLIGHT
counted as "503 shed"), offers routed per second, the memory of both
servers at the start and the end, the CPU each process used (what saturates first), and with
--kill-at M the same after SIGKILL of the routing leader at minute M: what the users saw.

Needs PG_ADMIN_URL (postgres://…/postgres of a cluster to create the database in), a build
(ZIELONA_BIN, default .build-release/release/zielona), and `pip install aiohttp twilio`.
  scripts/bench-peak.py [--minutes 10] [--kill-at 5] [--consultants 2000] [--calls 300] [--chats 200]"""
import argparse
import asyncio
import os
import random
import re
import secrets
import signal
import subprocess
import sys
import time
import urllib.parse

import aiohttp
from twilio.request_validator import RequestValidator

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "cli"))
from staff_session import totp  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PUBLIC = "http://127.0.0.1:18200"          # what the carrier and the browsers see (the balancer)
PORTS = (18201, 18202)
TOKEN = "bench-peak-" + secrets.token_hex(8)
PASSWORD = "Zielona-Bench-2026"
CSRF = re.compile(r'name="_csrf" value="([^"]+)"')
OFFER = re.compile(r'action="/desktop/offers/([0-9a-fA-F-]{36})/accept"')
WORDS = ["kierowca", "magazynier", "spawacz", "księgowa", "kucharz", "sprzedawca", "elektryk", "programista", "Łódź", "Kraków",
         "Warszawa", "Białystok", "wózek widłowy", "transport", "budowa", "sprzątanie", "pielęgniarka", "murarz"]


def percentile(values, p):
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, int(len(s) * p))]


# The busy page's words in each language: a 503 with them is load shed at once (MAX_REQUESTS_IN_FLIGHT),
# not a request that waited for the database and gave up.
BUSY = ("zbyt obciążony", "too busy", "слишком загружен", "надто завантажений")


def shed_or(status, text):
    return "503 shed" if status == 503 and any(b in text for b in BUSY) else status


class Stats:
    def __init__(self):
        self.samples = []       # (time, class, ms)
        self.errors = []        # (time, class, what)
        self.events = {}        # counters

    def ok(self, cls, ms):
        self.samples.append((time.time(), cls, ms))

    def error(self, cls, what):
        self.errors.append((time.time(), cls, str(what)[:60]))

    def count(self, name, n=1):
        self.events[name] = self.events.get(name, 0) + n


class Balancer:
    """Both servers behind one address: round robin over the live ones."""

    def __init__(self):
        self.alive = [True, True]
        self.turn = 0

    def pick(self, prefer=None):
        live = [i for i in (0, 1) if self.alive[i]]
        if prefer in live:
            return prefer
        self.turn += 1
        return live[self.turn % len(live)]

    def url(self, i, path):
        if path.startswith(PUBLIC):
            path = path[len(PUBLIC):]
        return f"http://127.0.0.1:{PORTS[i]}{path}"


class Bench:
    def __init__(self, args):
        self.args = args
        self.stats = Stats()
        self.lb = Balancer()
        self.stop = asyncio.Event()
        self.validator = RequestValidator(TOKEN)
        self.procs = [None, None]
        self.killed_at = None
        self.desks_open = 0   # desktop sockets open now
        self.home = args.work

    # ---- servers

    def env(self):
        return {**os.environ, "DATABASE_URL": self.db_url, "PUBLIC_URL": PUBLIC, "VOICE_AUTH_TOKEN": TOKEN, "LOG_LEVEL": "warning",
                "CONTACT_CENTRE_HOURS": "mon-sun 00:00-24:00", "TRUSTED_PROXIES": "127.0.0.1/32", "BCRYPT_COST": "10",
                "WRAP_UP_SECONDS": "5", "ZIELONA_DATA_KEY": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                "DATABASE_POOL_SIZE": os.environ.get("DATABASE_POOL_SIZE", "8")}

    def start(self, i):
        log = open(os.path.join(self.home, f"serve-{PORTS[i]}.log"), "a")
        p = subprocess.Popen([self.args.bin, "serve", "--port", str(PORTS[i])], cwd=self.home, env=self.env(), stdout=log, stderr=log)
        for _ in range(1200):
            try:
                import urllib.request
                if urllib.request.urlopen(f"http://127.0.0.1:{PORTS[i]}/healthz", timeout=1).status == 200:
                    self.procs[i] = p
                    return
            except OSError:
                pass
            if p.poll() is not None:
                sys.exit(f"serve on {PORTS[i]} exited; see {log.name}")
            time.sleep(0.25)
        sys.exit(f"serve on {PORTS[i]} did not start")

    def psql(self, query):
        return subprocess.run(["psql", self.db_url.split("?")[0], "-Atc", query], capture_output=True, text=True, check=True).stdout.split("\n")

    # ---- HTTP through the balancer

    async def request(self, session, method, path, cls, prefer=None, data=None, allow_redirects=False, timeout=30):
        """(status, text, server) or None on failure (recorded)."""
        for attempt in (0, 1):
            i = self.lb.pick(prefer)
            start = time.perf_counter()
            try:
                async with session.request(method, self.lb.url(i, path), data=data, allow_redirects=allow_redirects,
                                           timeout=aiohttp.ClientTimeout(total=timeout)) as r:
                    text = await r.text()
                    ms = (time.perf_counter() - start) * 1000
                    if r.status >= 500 or r.status == 429:
                        self.stats.error(cls, shed_or(r.status, text))
                        return None
                    self.stats.ok(cls, ms)
                    return r.status, text, i, r.headers
            except (aiohttp.ClientConnectionError, asyncio.TimeoutError) as e:
                self.stats.error(cls, type(e).__name__)
                if method != "GET" or attempt == 1 or not self.lb.alive[1 - i]:
                    return None
                prefer = 1 - i
            except (AssertionError, RuntimeError):
                if self.stop.is_set():   # the run is over and its connections closed under it
                    return None
                raise
        return None

    def session(self, n):
        # Each user from an address of its own behind the trusted balancer (per-address limits).
        return aiohttp.ClientSession(connector=self.connector, connector_owner=False, cookie_jar=aiohttp.CookieJar(unsafe=True),
                                     headers={"X-Forwarded-For": f"10.{20 + n // 62500}.{n // 250 % 250}.{n % 250 + 1}"})

    # ---- consultants

    async def consultant(self, n, sem):
        s = self.session(n)
        home = n % 2
        try:
            async with sem:   # sign-ins forty at a time, as a shift starts
                # A consultant whose password step is refused (shed, or timed out) tries again.
                for _ in range(10):
                    signed = await self.sign_in(s, n, home)
                    if signed is not None or self.stop.is_set():
                        break
                    await asyncio.sleep(5)
                if not signed:
                    return
            await self.desk(s, home)
        finally:
            await s.close()

    async def sign_in(self, s, n, home):
        """True once signed in and available; None when the password step got no answer (to be
        tried again); False when it failed otherwise."""
        email = f"bench.konsultant.{n}@example.org"
        r = await self.request(s, "GET", "/login", "sign-in", prefer=home)
        if not r:
            return None
        r = await self.request(s, "POST", "/login", "sign-in", prefer=r[2], data={"email": email, "password": PASSWORD, "_csrf": CSRF.search(r[1]).group(1)})
        if not r:
            return None
        if r[0] != 303:
            self.stats.error("sign-in", f"password {r and r[0]}")
            return False
        setup = await self.request(s, "GET", "/login/two-factor/setup?lang=en", "sign-in", prefer=r[2])
        if not setup:
            return False
        key = re.sub(r"\s", "", re.search(r'id="totp-secret"[^>]*>([^<]+)<', setup[1]).group(1))
        r = await self.request(s, "POST", "/login/two-factor/setup", "sign-in", prefer=setup[2],
                               data={"code": totp(key), "_csrf": CSRF.search(setup[1]).group(1)})
        if not r or r[0] not in (200, 303):
            self.stats.error("sign-in", f"second factor {r and r[0]}")
            return False
        page = await self.request(s, "GET", "/desktop?lang=en", "desktop", prefer=home)
        if not page:
            return False
        token = CSRF.search(page[1]).group(1)
        await self.request(s, "POST", "/desktop/state", "desktop", prefer=home, data={"state": "available", "_csrf": token})
        self.stats.count("consultants signed in")
        return True

    async def desk(self, s, home):
        """The desktop's socket, reconnected (to the other server when its own is gone)."""
        handling = set()
        delay = 1.0   # the page's back-off: doubled up to 15 s, each wait drawn around it
        while not self.stop.is_set():
            i = self.lb.pick(home)
            start = time.perf_counter()
            try:
                # The handshake has 30 s, as a browser's would not wait for ever either.
                ws = await asyncio.wait_for(s.ws_connect(self.lb.url(i, "/desktop/ws"), heartbeat=30), 30)
            except (aiohttp.ClientError, asyncio.TimeoutError) as e:
                self.stats.error("websocket connect", type(e).__name__ + (f" {e.status}" if isinstance(e, aiohttp.ClientResponseError) else ""))
                await asyncio.sleep(delay * random.uniform(0.5, 1.5))
                delay = min(delay * 2, 15)
                continue
            delay = 1.0
            self.stats.ok("websocket connect", (time.perf_counter() - start) * 1000)
            self.stats.count("websocket connections")
            self.desks_open += 1
            try:
                async for msg in ws:
                    if self.stop.is_set():
                        break
                    if msg.type == aiohttp.WSMsgType.TEXT and '"offer"' in msg.data:
                        asyncio.ensure_future(self.take_offers(s, home, handling))
            except (aiohttp.ClientError, asyncio.TimeoutError):
                pass
            finally:
                self.desks_open -= 1
                await ws.close()
            if not self.stop.is_set():
                self.stats.error("websocket", "closed")
                self.stats.count("websockets lost")
                await asyncio.sleep(delay * random.uniform(0.5, 1.5))

    async def take_offers(self, s, home, handling):
        # What the desktop's script does on a socket message: it refreshes its panel, not the page.
        page = await self.request(s, "GET", "/desktop/panel?lang=en", "desktop panel", prefer=home)
        if not page:
            return
        token = CSRF.search(page[1])   # only with an offer (its forms) on the panel
        if not token:
            return
        token = token.group(1)
        for offer in OFFER.findall(page[1]):
            offer = offer.lower()
            if offer in handling:
                continue
            handling.add(offer)
            asyncio.ensure_future(self.handle(s, home, token, offer, handling))

    async def handle(self, s, home, token, i, handling):
        try:
            r = await self.request(s, "POST", f"/desktop/offers/{i}/accept", "accept", prefer=home, data={"_csrf": token})
            if not r or r[0] != 303:
                return
            self.stats.count("offers accepted")
            view = await self.request(s, "GET", f"/desktop/interactions/{i}?lang=en", "desktop", prefer=home)
            if view and f'/desktop/interactions/{i}/chat"' in view[1]:
                await self.request(s, "POST", f"/desktop/interactions/{i}/chat", "chat answer", prefer=home,
                                   data={"_csrf": token, "text": "Dzień dobry, w czym mogę pomóc?"})
            await asyncio.sleep(random.uniform(30, 90))
            # Like a person, the consultant tries again until the contact is ended and closed: one
            # left in hand would keep them from every later offer.
            for step, fields in (("end", {}), ("close", {"outcome": "other"})):
                while not self.stop.is_set():
                    if await self.request(s, "POST", f"/desktop/interactions/{i}/{step}", "desktop", prefer=home, data={"_csrf": token, **fields}):
                        break
                    await asyncio.sleep(2)
        finally:
            handling.discard(i)

    # ---- callers

    async def carrier(self, s, url, params, cls, sid, caller):
        full = {"CallSid": sid, "AccountSid": "AC" + "0" * 32, "From": caller, "To": "+4819524", "CallStatus": "in-progress",
                "Direction": "inbound", "ApiVersion": "2010-04-01", **params}
        url = url if url.startswith("http") else PUBLIC + url
        for attempt in (0, 1):
            i = self.lb.pick()
            start = time.perf_counter()
            try:
                async with s.post(self.lb.url(i, url), data=full, headers={"X-Twilio-Signature": self.validator.compute_signature(url, full)},
                                  timeout=aiohttp.ClientTimeout(total=30)) as r:
                    text = await r.text()
                    if r.status != 200:
                        self.stats.error(cls, shed_or(r.status, text))
                        return None
                    self.stats.ok(cls, (time.perf_counter() - start) * 1000)
                    return text
            except (aiohttp.ClientConnectionError, asyncio.TimeoutError) as e:
                # The carrier retries a webhook it could not deliver once (on the other server here).
                self.stats.error(cls, type(e).__name__)
                if attempt == 1:
                    return None

    async def caller(self, k):
        s = self.session(100_000 + k)
        try:
            await asyncio.sleep(random.uniform(0, 30))
            while not self.stop.is_set():
                sid, phone = "CA" + secrets.token_hex(16), "+4860%07d" % random.randrange(10_000_000)
                self.stats.count("calls")
                text = await self.carrier(s, "/voice/incoming", {}, "ivr", sid, phone)
                for keys in ["2", "2", random.choice(self.postal_codes), "2"]:
                    action = text and re.search(r'<Gather[^>]* action="([^"]+)"', text)
                    if not action:
                        break
                    text = await self.carrier(s, action.group(1).replace("&amp;", "&"), {"Digits": keys}, "ivr", sid, phone)
                queue = text and re.search(r'<Enqueue[^>]*action="([^"]+)"[^>]*waitUrl="([^"]+)"', text)
                if not queue:
                    self.stats.count("calls not queued")
                    await asyncio.sleep(5)
                    continue
                action, wait = (g.replace("&amp;", "&") for g in queue.groups())
                queued, result = time.time(), "hangup"
                while not self.stop.is_set() and time.time() - queued < 240:
                    answer = await self.carrier(s, wait, {"QueueTime": str(int(time.time() - queued))}, "queue wait", sid, phone)
                    if answer and "<Leave" in answer:
                        result = "leave"
                        break
                    await asyncio.sleep(5)
                waited = time.time() - queued
                answer = await self.carrier(s, action, {"QueueResult": result, "QueueTime": str(int(waited))}, "ivr", sid, phone)
                if result == "leave":
                    self.stats.count("calls answered")
                    self.stats.ok("call answered after (s)", waited * 1000)
                    await asyncio.sleep(random.uniform(30, 90))
                else:
                    self.stats.count("calls abandoned")
                await self.carrier(s, "/voice/status", {"CallStatus": "completed"}, "ivr", sid, phone)
        finally:
            await s.close()

    # ---- chat visitors

    async def visitor(self, k):
        await asyncio.sleep(random.uniform(0, 30))
        while not self.stop.is_set():
            s = self.session(200_000 + k)
            try:
                page = await self.request(s, "GET", "/chat?lang=pl", "chat")
                if not page:
                    await asyncio.sleep(5)
                    continue
                home = page[2]
                r = await self.request(s, "POST", "/chat", "chat", prefer=home, data={
                    "_csrf": CSRF.search(page[1]).group(1), "name": "Gość", "email": f"czat{k}@example.org", "powiat": random.choice(self.powiats),
                    "language": "pl", "topic": "other", "message": "Pytanie o staż w moim powiecie."})
                if not r or r[0] != 303:
                    self.stats.count("chats not started")
                    await asyncio.sleep(10)
                    continue
                self.stats.count("chats")
                page = await self.request(s, "GET", "/chat?lang=pl", "chat", prefer=home)
                token = CSRF.search(page[1]).group(1) if page else ""
                ends = time.time() + 180
                async with s.ws_connect(self.lb.url(self.lb.pick(home), "/chat/ws"), heartbeat=30) as ws:
                    while time.time() < ends and not self.stop.is_set():
                        try:
                            msg = await ws.receive(timeout=15)
                            if msg.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                                self.stats.error("chat socket", "closed")
                                break
                        except asyncio.TimeoutError:
                            await self.request(s, "POST", "/chat/say", "chat", prefer=home, data={"_csrf": token, "text": "Czy jest ktoś?"})
                await self.request(s, "POST", "/chat/end", "chat", prefer=home, data={"_csrf": token})
            except (aiohttp.ClientError, asyncio.TimeoutError, AttributeError) as e:
                self.stats.error("chat", type(e).__name__)
                await asyncio.sleep(2)
            finally:
                await s.close()

    # ---- search

    async def searcher(self):
        s = self.session(300_000)
        period, n = 1 / self.args.search_rps, 0
        started = time.time()
        try:
            while not self.stop.is_set():
                n += 1
                q = urllib.parse.quote(random.choice(WORDS))
                asyncio.ensure_future(self.request(s, "GET", f"/offers?q={q}&lang=pl", "search"))
                await asyncio.sleep(max(0, started + n * period - time.time()))
        finally:
            await asyncio.sleep(2)
            await s.close()

    # ---- watching

    def usage(self):
        """CPU seconds and RSS (MB) of each server, the PostgreSQL cluster (the postmaster, its live
        children and those that ended) and this driver."""
        tick = os.sysconf("SC_CLK_TCK")

        def stat(pid):
            try:
                with open(f"/proc/{pid}/stat") as f:
                    parts = f.read().rsplit(")", 1)[1].split()
                with open(f"/proc/{pid}/status") as f:
                    rss = int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1)) / 1024
                # state ppid … utime stime cutime cstime
                return int(parts[1]), (int(parts[11]) + int(parts[12])) / tick, (int(parts[13]) + int(parts[14])) / tick, rss
            except (OSError, AttributeError, IndexError):
                return None
        out = {}
        for i, p in enumerate(self.procs):
            st = stat(p.pid) if p and p.poll() is None else None
            out[f"server {PORTS[i]}"] = (st[1], st[3]) if st else None
        master = stat(self.postmaster)
        cpu, rss = (master[1] + master[2], master[3]) if master else (0.0, 0.0)
        for pid in os.listdir("/proc"):
            if pid.isdigit():
                st = stat(pid)
                if st and st[0] == self.postmaster:
                    cpu += st[1]
                    rss += st[3]
        out["postgresql"] = (cpu, rss)   # RSS summed: shared buffers count once per process
        me = stat(os.getpid())
        out["this driver"] = (me[1], me[3])
        return out

    async def watch(self):
        while not self.stop.is_set():
            self.timeline.append((time.time(), self.usage()))
            await asyncio.sleep(10)

    async def killer(self):
        await asyncio.sleep(self.args.kill_at * 60)
        import urllib.request
        import json
        roles = []
        for port in PORTS:
            try:
                roles.append(json.loads(urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2).read()).get("routing"))
            except OSError:
                roles.append(None)
        victim = roles.index("leader") if "leader" in roles else 1
        self.rss_before_kill = self.usage()
        self.procs[victim].send_signal(signal.SIGKILL)
        self.lb.alive[victim] = False
        self.killed_at = time.time()
        self.victim = victim
        print(f"-- {time.strftime('%H:%M:%S')} SIGKILL to the routing leader on {PORTS[victim]}", flush=True)

    # ---- the run

    async def load(self):
        self.connector = aiohttp.TCPConnector(limit=0, force_close=False)
        self.timeline = []
        data = self.psql("SHOW data_directory")[0]
        with open(os.path.join(data, "postmaster.pid")) as f:
            self.postmaster = int(f.readline())
        self.powiats = [c for c in self.psql("SELECT code FROM powiats") if c]
        self.postal_codes = [c.replace("-", "") for c in self.psql("SELECT code FROM postal_codes ORDER BY md5(code) LIMIT 500") if c]
        t0 = time.time()
        sem = asyncio.Semaphore(40)
        consultants = [asyncio.ensure_future(self.consultant(n, sem)) for n in range(self.args.consultants)]
        while self.stats.events.get("websocket connections", 0) < self.args.consultants and time.time() - t0 < 900:
            await asyncio.sleep(2)
        print(f"-- {self.stats.events.get('consultants signed in', 0)} consultants signed in and connected in {time.time() - t0:.0f} s", flush=True)
        self.signing_started = t0
        self.load_started = time.time()
        self.memory_start = self.usage()
        tasks = [asyncio.ensure_future(self.caller(k)) for k in range(self.args.calls)]
        tasks += [asyncio.ensure_future(self.visitor(k)) for k in range(self.args.chats)]
        tasks += [asyncio.ensure_future(self.searcher()), asyncio.ensure_future(self.watch())]
        if self.args.kill_at:
            tasks.append(asyncio.ensure_future(self.killer()))
        await asyncio.sleep(self.args.minutes * 60)
        self.memory_end = self.usage()
        self.desks_at_end = self.desks_open
        self.stop.set()
        await asyncio.sleep(3)
        for t in tasks + consultants:
            t.cancel()
        await asyncio.gather(*tasks, *consultants, return_exceptions=True)
        await self.connector.close()

    def report(self):
        a = self.args
        end = self.load_started + a.minutes * 60
        phases = [("the shift signing in", self.signing_started, self.load_started), ("whole run", self.load_started, end)]
        if self.killed_at:
            phases[1:] = [("before the kill", self.load_started, self.killed_at), ("after the kill", self.killed_at, end)]
        print(f"\n== national peak: {a.consultants} consultants, {a.calls} calls, {a.chats} chats, search {a.search_rps}/s, {a.minutes} min, "
              f"two servers, one PostgreSQL ({'kill -9 of the leader at minute ' + str(a.kill_at) if a.kill_at else 'no kill'})")
        classes = sorted({c for _, c, _ in self.stats.samples} | {c for _, c, _ in self.stats.errors})
        for label, t0, t1 in phases:
            print(f"\n{label} ({(t1 - t0) / 60:.1f} min)")
            print(f"{'class':26} {'count':>8} {'per s':>7} {'p50 ms':>9} {'p99 ms':>9} {'errors':>7}")
            for c in classes:
                ms = [m for t, cl, m in self.stats.samples if cl == c and t0 <= t < t1]
                errs = [e for t, cl, e in self.stats.errors if cl == c and t0 <= t < t1]
                if not ms and not errs:
                    continue
                print(f"{c:26} {len(ms):8d} {len(ms) / max(1, t1 - t0):7.1f} {percentile(ms, 0.5):9.0f} {percentile(ms, 0.99):9.0f} {len(errs):7d}")
            kinds = {}
            for t, cl, e in self.stats.errors:
                if t0 <= t < t1:
                    kinds[f"{cl}: {e}"] = kinds.get(f"{cl}: {e}", 0) + 1
            if kinds:
                print("errors: " + ", ".join(f"{k} ×{v}" for k, v in sorted(kinds.items(), key=lambda kv: -kv[1])[:10]))
        minutes = [0] * max(1, int(a.minutes))
        for t, _, _ in self.stats.errors:
            if self.load_started <= t < end:
                minutes[min(len(minutes) - 1, int((t - self.load_started) // 60))] += 1
        print("errors per minute of the load: " + " ".join(str(n) for n in minutes))
        print("\ncounters: " + ", ".join(f"{k} {v}" for k, v in sorted(self.stats.events.items())))
        rows = self.psql(f"SELECT floor(extract(epoch FROM at) / 60)::bigint, count(*) FROM cc_events WHERE to_state = 'offered' "
                         f"AND at >= to_timestamp({self.load_started}) AND at < to_timestamp({end}) GROUP BY 1 ORDER BY 1")
        per_minute = [int(r.split("|")[1]) for r in rows if r]
        if per_minute:
            print(f"offers routed: {sum(per_minute)} in all, {sum(per_minute) / (a.minutes * 60):.2f}/s on average; per minute: "
                  + " ".join(str(n) for n in per_minute))
        if self.killed_at:
            times = [float(r) for r in self.psql(f"SELECT extract(epoch FROM at) FROM cc_events WHERE to_state = 'offered' "
                                                  f"AND at >= to_timestamp({self.killed_at - 30}) AND at < to_timestamp({self.killed_at + 60}) ORDER BY at") if r]
            after = [t for t in times if t >= self.killed_at]
            print(f"routing after the kill: first offer {after[0] - self.killed_at:.1f} s after it" if after else "routing after the kill: no offer within 60 s")
            dropped = [t for t, c, e in self.stats.errors if c == "websocket" and t >= self.killed_at]
            back = sorted(t for t, c, _ in self.stats.samples if c == "websocket connect" and t >= self.killed_at)
            if dropped:
                print(f"desktop sockets: {len(dropped)} closed by the kill, {len(back)} reconnected to the other server, "
                      f"the last {back[-1] - self.killed_at:.1f} s after the kill" if back else f"desktop sockets: {len(dropped)} closed, none back")
            print(f"desktop sockets open at the end: {self.desks_at_end} of {self.args.consultants}")
            lost = [(t, c, e) for t, c, e in self.stats.errors if self.killed_at <= t < self.killed_at + 30]
            print(f"in the 30 s after the kill: {len(lost)} requests failed "
                  + "(" + ", ".join(sorted({c for _, c, _ in lost})) + ")" if lost else "in the 30 s after the kill: no request failed")
        print(f"\n{'process':18} {'RSS start MB':>12} {'RSS end MB':>11} {'CPU % of a core':>16}")
        for name in self.memory_start:
            seen = [(t, u[name]) for t, u in self.timeline if u.get(name)]
            cpu = (seen[-1][1][0] - seen[0][1][0]) / max(1, seen[-1][0] - seen[0][0]) * 100 if len(seen) > 1 else float("nan")
            end_rss = f"{self.memory_end[name][1]:11.0f}" if self.memory_end.get(name) else f"{'killed':>11}"
            print(f"{name:18} {self.memory_start[name][1]:12.0f} {end_rss} {cpu:16.0f}")
            rss = [u[1] for _, u in seen]
            if rss:
                print(f"{'':18} RSS every 10 s: " + " ".join(f"{r:.0f}" for r in rss[::max(1, len(rss) // 12)]))
        print(f"({os.cpu_count()} cores on this machine; a process near 100 % × its threads, or all together near {os.cpu_count() * 100} %, is what saturates)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=float, default=10)
    ap.add_argument("--kill-at", type=float, default=0)
    ap.add_argument("--consultants", type=int, default=2000)
    ap.add_argument("--calls", type=int, default=300)
    ap.add_argument("--chats", type=int, default=200)
    ap.add_argument("--search-rps", type=float, default=50)
    ap.add_argument("--bin", default=os.environ.get("ZIELONA_BIN", os.path.join(ROOT, ".build-release/release/zielona")))
    ap.add_argument("--work", default=os.environ.get("WORK", "/tmp/bench-peak"))
    args = ap.parse_args()
    admin = os.environ["PG_ADMIN_URL"]
    os.makedirs(args.work, exist_ok=True)
    bench = Bench(args)
    name = "zielona_peak"
    subprocess.run(["psql", admin.split("?")[0], "-qc", f"DROP DATABASE IF EXISTS {name}", "-c", f"CREATE DATABASE {name}"], check=True, capture_output=True)
    bench.db_url = urllib.parse.urlunsplit(urllib.parse.urlsplit(admin)._replace(path="/" + name))
    bench.start(0)   # migrates and loads the demo data (offers to search)
    out = subprocess.run([args.bin, "bench", "consultants", "--count", str(args.consultants)], cwd=args.work, env=bench.env(),
                         capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("bench consultants: " + out.stdout[-400:] + out.stderr[-400:])
    bench.start(1)
    try:
        asyncio.run(bench.load())
        bench.report()
    finally:
        for p in bench.procs:
            if p and p.poll() is None:
                p.terminate()
                p.wait(timeout=30)


if __name__ == "__main__":
    main()
