"""Moja Praca as an installable app, in real Chromium: the manifest and service worker pass
Chromium's own installability check, the worker keeps the pages a seeker read for offline use,
and Web Push reaches a push service of this test's own (a real HTTP server on PUSH_PORT, which
the server under test was told it may call): each message signed with VAPID (checked against the
key it names) and encrypted for the subscription (RFC 8291, decrypted here with the
subscription's private key); a subscription the push service says is gone (410) is removed."""
import base64
import hashlib
import hmac
import json
import os
import struct
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from selenium.webdriver.support.ui import WebDriverWait

from axe_check import BASE, assert_accessible, forget_session, make_driver, page_left, url
from pages import LANGUAGES
from test_signed_in_accessibility import password_step

PUSH_PORT = int(os.environ.get("PUSH_PORT", "18097"))
PUSH_BASE = f"http://127.0.0.1:{PUSH_PORT}"


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class PushService(BaseHTTPRequestHandler):
    """Takes messages like a browser vendor's push service: 201 for a live subscription, 410 for
    one whose path says it is gone. Keeps what it was sent."""
    received = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        PushService.received.append((self.path, {k.lower(): v for k, v in self.headers.items()}, body))
        self.send_response(410 if self.path.endswith("/gone") else 201)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def push_service():
    server = ThreadingHTTPServer(("127.0.0.1", PUSH_PORT), PushService)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield PushService
    server.shutdown()


@pytest.fixture(scope="module")
def driver():
    d = make_driver()
    yield d
    d.quit()


def verify_vapid(authorization, audience):
    """The token is an ES256 JWT for this push service, signed by the key it carries."""
    assert authorization.startswith("vapid t="), authorization
    token, key = authorization[len("vapid t="):].split(", k=")
    header, claims, signature = token.split(".")
    public = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64(key))
    raw = unb64(signature)
    der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
    public.verify(der, (header + "." + claims).encode(), ec.ECDSA(hashes.SHA256()))
    assert json.loads(unb64(header)) == {"typ": "JWT", "alg": "ES256"}
    c = json.loads(unb64(claims))
    assert c["aud"] == audience and c["sub"].startswith("mailto:")
    assert time.time() < c["exp"] <= time.time() + 24 * 3600
    return key


def decrypt(body, private, auth):
    """RFC 8291 / RFC 8188 (aes128gcm), as a browser decrypts a push message."""
    salt, rs, idlen = body[:16], struct.unpack(">I", body[16:20])[0], body[20]
    server_public = body[21:21 + idlen]
    ciphertext = body[21 + idlen:]
    assert rs == 4096 and idlen == 65 and len(ciphertext) <= rs
    ua_public = private.public_key().public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    shared = private.exchange(ec.ECDH(), ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), server_public))
    prk_key = hmac.new(auth, shared, hashlib.sha256).digest()
    ikm = hmac.new(prk_key, b"WebPush: info\0" + ua_public + server_public + b"\x01", hashlib.sha256).digest()
    prk = hmac.new(salt, ikm, hashlib.sha256).digest()
    cek = hmac.new(prk, b"Content-Encoding: aes128gcm\0\x01", hashlib.sha256).digest()[:16]
    nonce = hmac.new(prk, b"Content-Encoding: nonce\0\x01", hashlib.sha256).digest()[:12]
    plain = AESGCM(cek).decrypt(nonce, ciphertext, None)
    assert plain.endswith(b"\x02"), "one record, last-record delimiter"
    return json.loads(plain[:-1])


def post_json(driver, path, payload):
    """A POST from the page's own script, with the page's anti-forgery token, as the app does."""
    return driver.execute_async_script("""
        var done = arguments[arguments.length - 1];
        var box = document.getElementById('push-device');
        fetch(arguments[0], {method: 'POST', credentials: 'same-origin',
                             headers: {'Content-Type': 'application/json', 'X-CSRF-Token': box.getAttribute('data-csrf')},
                             body: JSON.stringify(arguments[1])}).then(function (r) { done(r.status); }, function () { done(0); });
    """, path, payload)


def test_the_app_installs_and_keeps_what_was_read(driver):
    driver.get(url("/", "pl"))
    WebDriverWait(driver, 20).until(lambda d: d.execute_async_script(
        "var done = arguments[0]; navigator.serviceWorker.ready.then(function (r) { done(!!r.active); });"))
    manifest = driver.execute_cdp_cmd("Page.getAppManifest", {})
    assert manifest.get("errors") == [], manifest.get("errors")
    assert "/manifest.webmanifest" in manifest["url"]
    errors = driver.execute_cdp_cmd("Page.getInstallabilityErrors", {})["installabilityErrors"]
    assert errors == [], errors
    # An offer read online is kept for reading offline; the offline page is kept from the start.
    driver.get(url("/offers/00000000-0000-4000-8000-00000000d001", "pl"))
    kept = driver.execute_async_script("""
        var done = arguments[0];
        caches.keys().then(function (keys) { return caches.open(keys[0]); }).then(function (c) {
          return Promise.all([c.match('/offers/00000000-0000-4000-8000-00000000d001?lang=pl'), c.match('/offline')]);
        }).then(function (r) { done([!!r[0], !!r[1]]); }, function () { done([false, false]); });
    """)
    assert kept == [True, True], kept
    for lang in LANGUAGES:
        driver.get(url("/offline", lang))
        assert_accessible(driver, "/offline", lang)


def test_push_reaches_the_seekers_device_signed_and_encrypted(driver, push_service):
    password_step(driver, "olena.demo@example.org")
    for lang in LANGUAGES:
        driver.get(url("/account/notifications", lang))
        assert_accessible(driver, "/account/notifications", lang)
    driver.get(url("/account/notifications", "en"))
    for box in driver.find_elements("css selector", "input[type=checkbox][name^=kind_]"):
        box.click()
    old = driver.find_element("tag name", "html")
    driver.find_element("css selector", "form[action='/account/notifications'] button[type=submit]").click()
    WebDriverWait(driver, 15).until(page_left(old))
    assert "Saved." in driver.page_source
    assert len(driver.find_elements("css selector", "input[type=checkbox][name^=kind_]:checked")) == 3

    # Two devices of this account; the server takes only endpoints of push services it may call.
    device = ec.generate_private_key(ec.SECP256R1())
    public = device.public_key().public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    auth = os.urandom(16)
    keys = {"p256dh": b64(public), "auth": b64(auth)}
    assert post_json(driver, "/account/notifications/devices", {"endpoint": "https://push.evil.example/x", "keys": keys}) == 400
    assert post_json(driver, "/account/notifications/devices", {"endpoint": PUSH_BASE + "/sub/1", "keys": {"p256dh": "AAAA", "auth": keys["auth"]}}) == 400
    assert post_json(driver, "/account/notifications/devices", {"endpoint": PUSH_BASE + "/sub/1", "keys": keys}) == 201
    assert post_json(driver, "/account/notifications/devices", {"endpoint": PUSH_BASE + "/sub/gone", "keys": keys}) == 201
    driver.get(url("/account/notifications", "en"))
    assert "Devices with notifications on: 2" in driver.page_source

    push_service.received.clear()
    old = driver.find_element("tag name", "html")
    driver.find_element("css selector", "form[action='/account/notifications/test'] button[type=submit]").click()
    WebDriverWait(driver, 15).until(page_left(old))
    assert "Devices that took the notification: 1." in driver.page_source
    assert sorted(p for p, _, _ in push_service.received) == ["/sub/1", "/sub/gone"]
    path, headers, body = next(r for r in push_service.received if r[0] == "/sub/1")
    assert headers["content-encoding"] == "aes128gcm" and int(headers["ttl"]) > 0
    verify_vapid(headers["authorization"], PUSH_BASE)
    message = decrypt(body, device, auth)
    assert message["title"] == "Test notification" and message["url"] == "/account/notifications", message
    # The push service said the second is gone: it is no longer the account's.
    driver.get(url("/account/notifications", "en"))
    assert "Devices with notifications on: 1" in driver.page_source
    forget_session(driver)
