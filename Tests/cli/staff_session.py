"""A demo staff member signing in over HTTP as a browser does: the password, then the second
factor (enrolled at the first sign-in from the key the page shows)."""
import base64
import hashlib
import hmac
import re
import struct
import time

import requests

PASSWORD = "Zielona-Demo-2026"


def totp(key, at=None):
    """RFC 6238 with SHA-1, 6 digits, 30 s: what authenticator apps compute."""
    secret = base64.b32decode(key + "=" * (-len(key) % 8))
    mac = hmac.new(secret, struct.pack(">Q", int((at or time.time()) // 30)), hashlib.sha1).digest()
    offset = mac[-1] & 15
    return "%06d" % ((struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000)


def csrf(session, base, path):
    return re.search(r'name="_csrf" value="([^"]+)"', session.get(base + path).text).group(1)


def password_step(session, base, email):
    r = session.post(base + "/login", data={"email": email, "password": PASSWORD, "_csrf": csrf(session, base, "/login")},
                     allow_redirects=False)
    assert r.status_code == 303, f"password step of {email}: {r.status_code}"
    return r.headers["location"]


def enrol(base, email):
    """The first sign-in: enrols the second factor; gives the signed-in session and the key."""
    s = requests.Session()
    assert password_step(s, base, email) == "/login/two-factor/setup"
    page = s.get(base + "/login/two-factor/setup?lang=en").text
    key = re.sub(r"\s", "", re.search(r'id="totp-secret"[^>]*>([^<]+)<', page).group(1))
    r = s.post(base + "/login/two-factor/setup", data={"code": totp(key), "_csrf": csrf(s, base, "/login/two-factor/setup")},
               allow_redirects=False)
    assert r.status_code in (200, 303), f"enrolment of {email}: {r.status_code}"
    return s, key


def sign_in(base, email, key):
    """A later sign-in, with a code of the next step (one code cannot be used twice)."""
    s = requests.Session()
    assert password_step(s, base, email) == "/login/two-factor"
    r = s.post(base + "/login/two-factor", data={"code": totp(key, time.time() + 30), "_csrf": csrf(s, base, "/login/two-factor")},
               allow_redirects=False)
    assert r.status_code == 303, f"second factor of {email}: {r.status_code} {r.text[:300]}"
    return s
