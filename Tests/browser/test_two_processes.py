"""Two real `zielona serve` processes on one PostgreSQL, as a production pair would run:
exactly one routes contacts at a time (the other reports "standby" on /healthz); a consultant
signed in on the standby still gets an offer routed by the leader (LISTEN/NOTIFY carries it,
seen both on the desktop's WebSocket and in the page); when the leader is killed, the standby
takes over routing within seconds and the next contact reaches the same desktop.

Needs ZIELONA_BIN (the built binary) and CLUSTER_DATABASE_URL (an empty PostgreSQL database)."""
import json
import os
import signal
import subprocess
import tempfile
import time
import urllib.request

import pytest
import websocket
from selenium.webdriver.support.ui import WebDriverWait

from axe_check import make_driver, page_left
from test_signed_in_accessibility import DEMO_PASSWORD, submit, totp

BIN = os.environ["ZIELONA_BIN"]
DATABASE = os.environ["CLUSTER_DATABASE_URL"]
PORTS = (18281, 18282)
# Both processes must share the key that encrypts identifiers (and signs forms).
ENV = {**os.environ, "DATABASE_URL": DATABASE, "ZIELONA_DATA_KEY": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", "LOG_LEVEL": "notice"}


def base(port):
    return f"http://127.0.0.1:{port}"


def health(port):
    try:
        with urllib.request.urlopen(base(port) + "/healthz", timeout=2) as r:
            return json.load(r)
    except Exception:
        return None


def start(port, workdir):
    log = open(os.path.join(workdir, f"serve-{port}.log"), "w")
    # The browser talks to each process directly: each is its own PUBLIC_URL (WebSocket Origin check).
    p = subprocess.Popen([BIN, "serve", "--port", str(port)], cwd=workdir, env={**ENV, "PUBLIC_URL": base(port)},
                         stdout=log, stderr=subprocess.STDOUT)
    for _ in range(240):
        if (health(port) or {}).get("status") == "ok":
            return p
        time.sleep(0.5)
    raise AssertionError(f"serve on {port} did not start: " + open(log.name).read()[-2000:])


def roles():
    return {port: (health(port) or {}).get("routing") for port in PORTS}


def wait_for_one_leader(alive, seconds):
    """Polls until exactly one live process leads; never two at once."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        r = {p: (health(p) or {}).get("routing") for p in alive}
        assert list(r.values()).count("leader") <= 1, f"two routers at once: {r}"
        if list(r.values()).count("leader") == 1:
            return next(p for p, v in r.items() if v == "leader")
        time.sleep(0.2)
    raise AssertionError(f"no leader within {seconds} s: {r}")


def enqueue():
    out = subprocess.run([BIN, "enqueue", "--office", "pup-2002", "--topic", "registration"], env=ENV, capture_output=True, text=True,
                         cwd=tempfile.gettempdir(), timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    return out.stdout.split()[1]


def next_offer(ws, seconds=10):
    deadline = time.time() + seconds
    while time.time() < deadline:
        ws.settimeout(max(0.1, deadline - time.time()))
        try:
            message = json.loads(ws.recv())
        except websocket.WebSocketTimeoutException:
            break
        if message.get("kind") == "offer":
            return message
    raise AssertionError("no offer reached the desktop's socket")


@pytest.fixture(scope="module")
def cluster():
    workdir = tempfile.mkdtemp()
    first = start(PORTS[0], workdir)   # migrates and loads the demo data
    second = start(PORTS[1], workdir)
    procs = {PORTS[0]: first, PORTS[1]: second}
    yield procs
    for p in procs.values():
        if p.poll() is None:
            p.send_signal(signal.SIGTERM)
            p.wait(timeout=20)


def test_one_router_events_across_processes_and_failover(cluster):
    leader = wait_for_one_leader(PORTS, 15)
    standby = next(p for p in PORTS if p != leader)
    assert roles()[standby] == "standby"

    driver = make_driver()
    try:
        site = base(standby)
        driver.get(site + "/login?lang=en")
        submit(driver, {"email": "konsultant.bialystok@example.org", "password": DEMO_PASSWORD})
        key = driver.find_element("id", "totp-secret").text
        submit(driver, {"code": totp(key)})
        driver.get(site + "/desktop?lang=en")
        old = driver.find_element("tag name", "html")
        driver.find_element("css selector", "form[action='/desktop/state'] button").click()  # "Available"
        WebDriverWait(driver, 15).until(page_left(old))
        WebDriverWait(driver, 15).until(lambda d: "Connected" in d.find_element("id", "live-status").text)

        cookie = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
        ws = websocket.create_connection(f"ws://127.0.0.1:{standby}/desktop/ws", cookie=cookie, origin=site, timeout=10)
        assert json.loads(ws.recv())["kind"] == "hello"

        # Routed by the leader, heard by the standby's socket and shown on its desktop.
        first = enqueue()
        next_offer(ws)
        WebDriverWait(driver, 10).until(lambda d: d.find_elements("id", f"accept-{first.upper()}"))

        # The leader dies: the standby takes over routing within seconds.
        cluster[leader].send_signal(signal.SIGKILL)
        cluster[leader].wait(timeout=10)
        killed = time.time()
        assert wait_for_one_leader([standby], 10) == standby
        takeover = time.time() - killed
        print(f"takeover after {takeover:.1f} s")
        assert takeover <= 5

        old = driver.find_element("tag name", "html")
        driver.find_element("id", f"decline-{first.upper()}").click()
        WebDriverWait(driver, 15).until(page_left(old))
        second = enqueue()
        next_offer(ws)
        WebDriverWait(driver, 10).until(lambda d: d.find_elements("id", f"accept-{second.upper()}"))
        ws.close()
    finally:
        driver.quit()
