"""Runs schemathesis over the OpenAPI document of a live server (ZIELONA_URL), once anonymous,
once with a staff member's personal API token, once as a signed-in job seeker (browser session),
once with a job seeker's app token and once as a signed-in employer: every operation, every time. Fails on any 5xx and on any answer whose
status, content type, headers or body the document does not describe.

Needs: ZIELONA_URL, ZIELONA_BIN and ZIELONA_DIR (to make the staff token), the demo data."""
import os
import subprocess
import sys

import requests

from demo_sign_in import DEMO_PASSWORD, signed_in

BASE = os.environ["ZIELONA_URL"]
CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance"


def session_cookie(email):
    """Signs in through the login form as a browser does; returns the cookies as a header."""
    return "; ".join(f"{c.name}={c.value}" for c in signed_in(email, BASE).cookies)


def staff_token(email):
    out = subprocess.run([os.environ["ZIELONA_BIN"], "staff", "token", "--email", email, "--name", "contract test"],
                         cwd=os.environ["ZIELONA_DIR"], capture_output=True, text=True, check=True)
    return out.stdout.strip().splitlines()[-1]


def app_token(email):
    res = requests.post(BASE + "/api/v1/app/sign-in", json={"email": email, "password": DEMO_PASSWORD, "device": "contract test"})
    assert res.status_code == 201, f"app sign-in of {email}: {res.status_code} {res.text}"
    return res.json()["token"]


def run(label, headers):
    print(f"-- schemathesis {label}", flush=True)
    args = ["schemathesis", "run", BASE + "/api/openapi.json", "--checks", CHECKS, "--max-examples", "25",
            "--seed", "20261206", "--no-color"]
    for h in headers:
        args += ["-H", h]
    res = subprocess.run(args, capture_output=True, text=True)
    lines = res.stdout.strip().splitlines()
    # A failing run shows its failures whole (operation, answer, how to reproduce); a passing one its summary.
    start = next((n for n, l in enumerate(lines) if "FAILURES" in l), None) if res.returncode else None
    print("\n".join(lines[start:] if start is not None else lines[-25:]))
    return res.returncode == 0


# Every credential first: the runs try the sign-in with made-up addresses until this address is
# limited, after which no sign-in would pass.
staff = "Authorization: Bearer " + staff_token("kierownik.bialystok@example.org")
seeker = "Cookie: " + session_cookie("jan.demo@example.org")
device = "Authorization: Bearer " + app_token("jan.demo@example.org")
employer = "Cookie: " + session_cookie("transport.demo@example.org")
ok = run("anonymous", [])
ok &= run("staff (supervisor's API token)", [staff])
ok &= run("job seeker (session)", [seeker])
ok &= run("job seeker (app token)", [device])
ok &= run("employer (session)", [employer])
sys.exit(0 if ok else 1)
