"""A seeded, property-based fuzzer of the site's forms (Python `hypothesis`): every form a visitor,
the demo job seeker, the demo employer and demo staff (a consultant, a supervisor, an editor and an
office administrator, signed in with their second factor) can reach is found by walking the site's links, and
generated values are posted into each — with the form's own valid CSRF token, so the handlers
themselves are reached, not the token check. Every answer must be below 500, and no generated
markup may come back unescaped.

Forms that would end the session or delete the account (sign-out, erasure, deletions, a staff
member's password, second factor and the accounts of others) are left out: the walk would lose its
identity; those routes are covered by the Swift suite's malformed-body and escaping tests.

Needs: ZIELONA_URL, a server with the demo data. FUZZ_EXAMPLES (default 12) per form."""
import collections
import html.parser
import os
import re
import sys
import urllib.parse

import requests
from hypothesis import HealthCheck, example, given, seed, settings
from hypothesis import strategies as st

from demo_sign_in import signed_in

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cli"))
from staff_session import enrol  # noqa: E402

BASE = os.environ["ZIELONA_URL"]
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "12"))
MARKER = "<zz-fuzz"
SKIP_FILES = r"\.(css|js|png|jpe?g|svg|ico|pdf|ics|csv|xml|json|txt|webmanifest|zip)$"
SKIP_LINK = re.compile(SKIP_FILES + r"|^/(logout|dev/|staff|desktop|api/|healthz|metrics)")
# Staff walk their own pages too, but not the exports and live sockets.
SKIP_STAFF_LINK = re.compile(SKIP_FILES + r"|^/(logout|dev/|api/|healthz|metrics)|/ws$|/export|/download")
SKIP_ACTION = re.compile(r"logout|sign-out|delete|erase|erasure|remove|/end$|everywhere|password|two-factor|recovery|/staff/admin/staff/|deactivate|/state$")
MAX_PAGES = 160


class Forms(html.parser.HTMLParser):
    """The links and the POST forms of a page, with their fields."""

    def __init__(self):
        super().__init__()
        self.links, self.forms, self.form, self.select = [], [], None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "form" and (a.get("method") or "get").lower() == "post":
            self.form = {"action": a.get("action") or "", "fields": {}, "options": collections.defaultdict(list), "csrf": None}
        elif self.form is not None and tag in ("input", "textarea", "select") and a.get("name"):
            name = a["name"]
            if name == "_csrf":
                self.form["csrf"] = a.get("value")
            elif a.get("type") not in ("submit", "button", "file", "image"):
                self.form["fields"].setdefault(name, a.get("value") or "")
            if tag == "select":
                self.select = name
        elif tag == "option" and self.form is not None and self.select:
            self.form["options"][self.select].append(a.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "form" and self.form is not None:
            self.forms.append(self.form)
            self.form = None
        elif tag == "select":
            self.select = None


def walk(session, roots, skip=SKIP_LINK):
    """Pages reachable from the roots by links on this site; the forms found, once each."""
    seen, queue, forms = set(), list(roots), {}
    while queue and len(seen) < MAX_PAGES:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        res = session.get(BASE + path, allow_redirects=True, timeout=20)
        assert res.status_code < 500, f"GET {path}: {res.status_code}"
        if "text/html" not in res.headers.get("Content-Type", ""):
            continue
        parser = Forms()
        parser.feed(res.text)
        for href in parser.links:
            target = urllib.parse.urlsplit(urllib.parse.urljoin(BASE + path, href))
            if target.netloc != urllib.parse.urlsplit(BASE).netloc or skip.search(target.path):
                continue
            # One page of each listing: a query string makes the same forms again.
            queue.append(target.path)
        for form in parser.forms:
            action = urllib.parse.urlsplit(urllib.parse.urljoin(BASE + path, form["action"])).path
            if form["csrf"] and not SKIP_ACTION.search(action):
                # The same form on every offer or thread is one form: its kind, not its id.
                kind = re.sub(r"[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}|\d+", "{id}", action)
                forms.setdefault((kind, tuple(sorted(form["fields"]))), dict(form, page=path, action=action))
    return forms


def value(options):
    """What a person, a robot or an attacker might type into a field."""
    hostile = st.sampled_from([MARKER + ' a="1">', '"><zz-fuzz>', "';--", "%00", "\u202e\u0000", "1e309", "-1", "99999999999999999999",
                               "2026-02-30", "../../etc/passwd", "=cmd|' /C calc'!A0", "{{7*7}}", "${jndi:x}"])
    text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=300)
    long = st.integers(min_value=1_000, max_value=20_000).map(lambda n: ("Ż" + MARKER + ">") * (n // 10))
    numbers = st.integers(min_value=-10**12, max_value=10**12).map(str)
    choices = [hostile, text, long, numbers, st.just("")]
    if options:
        choices.append(st.sampled_from(options))
    return st.one_of(*choices)


def fuzz(session, form, stats):
    fields = sorted(form["fields"])

    @seed(20261206)
    @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.fixed_dictionaries({name: value(form["options"].get(name)) for name in fields}))
    @example({name: MARKER + ' a="1">' for name in fields})  # markup in every field at once, always
    def post(values):
        page = session.get(BASE + form["page"], timeout=20).text
        token = re.search(r'name="_csrf" value="([^"]+)"', page)
        data = dict(values, _csrf=token.group(1) if token else form["csrf"])
        res = session.post(BASE + form["action"], data=data, allow_redirects=False, timeout=30)
        stats[res.status_code // 100] += 1
        assert res.status_code < 500, f"POST {form['action']} answered {res.status_code} to {data!r}"[:2000]
        assert MARKER not in res.text, f"POST {form['action']} reflected markup unescaped for {data!r}"[:2000]

    post()


def main():
    identities = [("visitor", requests.Session(), ["/", "/contact", "/callback", "/register", "/newsletter", "/complaints", "/cv-factory",
                                                   "/forum", "/polls", "/forms/00000000-0000-4000-8000-00000000f101", "/returns"]),
                  ("job seeker", signed_in("jan.demo@example.org"), ["/account", "/account/cvs", "/account/settings", "/account/privacy", "/forum/pup-2002"]),
                  ("employer", signed_in("transport.demo@example.org"), ["/account", "/employer/offers", "/employer/candidates"])]
    identities += [(role, enrol(BASE, email)[0], ["/staff/home", "/desktop"]) for role, email in [
        ("consultant", "konsultant.bialystok@example.org"), ("supervisor", "kierownik.bialystok@example.org"),
        ("editor", "redaktor.bialystok@example.org"), ("office administrator", "admin.bialystok@example.org")]]
    total = collections.Counter()
    for label, session, roots in identities:
        forms = walk(session, roots, SKIP_LINK if label in ("visitor", "job seeker", "employer") else SKIP_STAFF_LINK)
        stats = collections.Counter()
        for form in forms.values():
            fuzz(session, form, stats)
        total += stats
        print(f"ok: {label}: {len(forms)} forms, {sum(stats.values())} posts "
              f"({stats[2]} 2xx, {stats[3]} 3xx, {stats[4]} 4xx): no 5xx, no markup reflected", flush=True)
    if sum(total.values()) < 100:
        sys.exit(f"FAIL: only {sum(total.values())} posts: the walk found too few forms")


main()
