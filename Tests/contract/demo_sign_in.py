"""Signing in as a demo person through the login form, as a browser does."""
import os
import re

import requests

DEMO_PASSWORD = "Zielona-Demo-2026"


def signed_in(email, base=None):
    """A requests session signed in as `email` (the demo password)."""
    base = base or os.environ["ZIELONA_URL"]
    s = requests.Session()
    page = s.get(base + "/login?lang=en").text
    token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    res = s.post(base + "/login", data={"email": email, "password": DEMO_PASSWORD, "_csrf": token}, allow_redirects=False)
    assert res.status_code == 303, f"sign-in of {email}: {res.status_code}"
    return s
