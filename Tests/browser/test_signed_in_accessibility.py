"""The pages behind a sign-in, checked with axe like the public ones: the staff pages (signed in
as the demo supervisor and administrator of PUP Białystok, through the real two-step login:
enrolment, code from the shown key, recovery codes) and the account pages of the demo seeker and
employer. Needs a freshly started demo server (the demo staff enrol at their first sign-in)."""
import base64
import hmac
import http.cookiejar
import urllib.parse
import urllib.request
import os
import re
import subprocess
import struct
import tempfile
import time
import zlib

import pytest
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException, WebDriverException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.ui import WebDriverWait

from axe_check import BASE, assert_accessible, forget_session, make_driver, page_left, pause_live, url
from pages import LANGUAGES

DEMO_PASSWORD = "Zielona-Demo-2026"
# What later tests of this module need from earlier ones: the supervisor's second-factor key and
# when a code was last used, the call made on the consultant's desktop.
STATE = {}


def totp(key, at=None):
    """RFC 6238 with SHA-1, 6 digits, 30 s: what authenticator apps compute."""
    key = key.replace(" ", "")
    secret = base64.b32decode(key + "=" * (-len(key) % 8))
    counter = int((at or time.time()) // 30)
    mac = hmac.new(secret, struct.pack(">Q", counter), "sha1").digest()
    offset = mac[-1] & 15
    return "%06d" % ((struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000)


def submit_to(driver, action, fields):
    """Fills the named fields and sends the form posting to `action` (not the page's first)."""
    for name, value in fields.items():
        driver.find_element("name", name).send_keys(value)
    old = driver.find_element("tag name", "html")
    driver.find_element("css selector", f"form[action='{action}'] button[type=submit]").click()
    WebDriverWait(driver, 15).until(page_left(old))


def fill(driver, fields):
    """Types each value into its named field, replacing what was there."""
    for name, value in fields.items():
        el = driver.find_element("name", name)
        el.clear()
        el.send_keys(value)


def submit(driver, fields):
    """Fills the first form of the page and waits until the next page has replaced it."""
    fill(driver, fields)
    old = driver.find_element("tag name", "html")
    try:
        driver.find_element("css selector", "main form button[type=submit]").click()
    except WebDriverException as e:
        # Chromium sometimes reports a click that started the navigation as "node does not
        # belong to the document"; if the page did not move on, the click is made once more.
        if "does not belong" not in str(e) and not isinstance(e, StaleElementReferenceException):
            raise
        try:
            WebDriverWait(driver, 3).until(page_left(old))
        except TimeoutException:
            driver.find_element("css selector", "main form button[type=submit]").click()
    WebDriverWait(driver, 15).until(page_left(old))


def foreigner_draft_code():
    """Starts a work permit application as a visitor would (its first step filled) and gives
    the short code its pages show, for the helpline."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def csrf(path):
        page = opener.open(BASE + path).read().decode()
        return re.search(r'name="_csrf" value="([^"]+)"', page).group(1)

    started = opener.open(BASE + "/foreigners/work-permit-a",
                          urllib.parse.urlencode({"_csrf": csrf("/foreigners/work-permit-a")}).encode())
    step = started.geturl().replace(BASE, "")
    fields = {"employer_name": "Firma Budowlana", "employer_street": "Piotrkowska 100", "employer_locality": "Łódź",
              "employer_postal_code": "90-001", "employer_nip": "7251801126", "employer_phone": "+48 42 123 45 67"}
    fields["_csrf"] = csrf(step)
    opener.open(BASE + step, urllib.parse.urlencode(fields).encode())
    check = opener.open(BASE + step.split("/steps/")[0] + "/check").read().decode()
    return re.search(r'class="draft-code">([2-9A-Z]{4}-[2-9A-Z]{4})', check).group(1)


def check_all_languages(driver, page):
    for lang in LANGUAGES:
        driver.get(url(page, lang))
        assert_accessible(driver, page, lang)


def password_step(driver, email):
    driver.get(url("/login", "pl"))
    submit(driver, {"email": email, "password": DEMO_PASSWORD})


def enrol(driver, email):
    """First sign-in of a demo staff member: checks the enrolment and recovery-code pages too."""
    password_step(driver, email)
    assert "/login/two-factor/setup" in driver.current_url, driver.current_url
    check_all_languages(driver, "/login/two-factor/setup")
    key = driver.find_element("id", "totp-secret").text
    submit(driver, {"code": totp(key)})
    assert "recovery" in driver.page_source or "zapasowe" in driver.page_source
    assert_accessible(driver, "recovery codes", "uk")  # the last language set by the loop above
    return key


@pytest.fixture(scope="module")
def driver():
    d = make_driver()
    yield d
    d.quit()


def test_staff_pages_of_a_supervisor(driver):
    key = enrol(driver, "kierownik.bialystok@example.org")
    for page in ["/staff/home", "/staff/security", "/staff/clients", "/staff/clients?by=number&q=100000009&reason=call",
                 "/staff/client-links", "/staff/employers", "/staff/audit", "/staff/offers", "/account", "/wallboard",
                 "/wallboard?voivodeship=20", "/desktop", "/staff/reports", "/staff/reports?interval=week&by=topic&channel=voice",
                 "/staff/foreigners"]:
        check_all_languages(driver, page)
    # The wallboard fits a screen and a laptop at 200 % zoom, never scrolling sideways.
    for width in (1280, 640):
        driver.set_window_size(width, 800)
        driver.get(url("/wallboard", "pl"))
        pause_live(driver)
        assert no_sideways_scroll(driver), f"/wallboard scrolls sideways at {width} px: {too_wide(driver)}"
    driver.set_window_size(1280, 900)
    # The demo's past weeks are in the reports: figures, four charts, the office's consultants by name.
    driver.get(url("/staff/reports?by=consultant", "en"))
    offered = driver.find_element("css selector", ".figures .figure .figure-value").text
    assert int(offered) > 0, offered
    assert len(driver.find_elements("css selector", "figure.chart svg[role=img]")) == 4
    assert "Demo: konsultant PUP Białystok" in driver.page_source
    # A reversed period is refused with the field named, on an accessible page.
    driver.get(url("/staff/reports?from=2026-01-10&to=2026-01-01", "pl"))
    assert "Dzień końcowy" in driver.page_source
    assert_accessible(driver, "/staff/reports reversed", "pl")
    # A consultant's skills, from the wallboard, and the form with errors.
    skills = first_link(driver, "/wallboard", "main table a[href^='/staff/agents/']")
    check_all_languages(driver, skills)
    driver.get(url(skills, "en"))
    field = driver.find_element("name", "capacity_chat")
    field.clear()
    field.send_keys("many")
    old = driver.find_element("tag name", "html")
    driver.find_element("css selector", "form[action$='/skills'] button[type=submit]").click()
    WebDriverWait(driver, 15).until(page_left(old))
    assert_accessible(driver, "skills form with errors", "en")
    driver.get(url("/staff/clients?by=number&q=100000009&reason=call", "pl"))
    card = driver.find_element("css selector", "main table a").get_attribute("href")
    client_path = card.replace(BASE, "").split("?")[0]
    check_all_languages(driver, client_path)
    check_all_languages(driver, client_path + "?reason=call")
    # The code page of a later sign-in (a new code: the enrolment one cannot be used twice).
    forget_session(driver)
    password_step(driver, "kierownik.bialystok@example.org")
    assert "/login/two-factor" in driver.current_url
    check_all_languages(driver, "/login/two-factor")
    time.sleep(max(0, 30 - time.time() % 30) + 1)
    submit(driver, {"code": totp(key)})
    assert "/staff/home" in driver.current_url, driver.current_url
    STATE["supervisor"] = (key, time.time())
    forget_session(driver)


def test_staff_pages_of_an_administrator(driver):
    enrol(driver, "admin.bialystok@example.org")
    # A personal API token, shown once.
    driver.get(url("/staff/security", "en"))
    driver.find_element("name", "token_name").send_keys("Wallboard screen")
    old = driver.find_element("tag name", "html")
    driver.find_element("css selector", "form[action='/staff/security/tokens'] button[type=submit]").click()
    WebDriverWait(driver, 15).until(page_left(old))
    assert driver.find_element("id", "new-token").text.startswith("zl_")
    assert_accessible(driver, "security page with a new API token", "en")
    check_all_languages(driver, "/staff")
    check_all_languages(driver, "/staff/new")
    driver.get(url("/staff", "pl"))
    member = driver.find_element("css selector", "main table a").get_attribute("href").replace(BASE, "")
    check_all_languages(driver, member)
    forget_session(driver)


@pytest.mark.parametrize("email", ["jan.demo@example.org", "olena.demo@example.org", "rekrutacja.demo@example.org"])
def test_account_pages(driver, email):
    password_step(driver, email)
    assert driver.current_url.split("?")[0].endswith("/account"), driver.current_url
    check_all_languages(driver, "/account")
    check_all_languages(driver, "/account/privacy")
    if "demo@example.org" in email and not email.startswith("rekrutacja"):
        check_all_languages(driver, "/account/sms")
    forget_session(driver)


def test_employer_offer_pages(driver):
    password_step(driver, "transport.demo@example.org")
    check_all_languages(driver, "/employer/offers")
    check_all_languages(driver, "/employer/offers/new")
    check_all_languages(driver, "/employer/offers/00000000-0000-4000-8000-00000000d001/edit")
    check_all_languages(driver, "/employer/offers/00000000-0000-4000-8000-00000000d001/candidates")
    # The form shown again with its errors.
    driver.get(url("/employer/offers/new", "en"))
    submit(driver, {"title": "", "wage_min": "9000", "wage_max": "100"})
    assert_accessible(driver, "offer form with errors", "en")
    forget_session(driver)


def first_link(driver, page, selector="main article h2 a"):
    driver.get(url(page, "pl"))
    pause_live(driver)
    return driver.find_element("css selector", selector).get_attribute("href").replace(BASE, "").split("?")[0]


def test_cv_pages_of_a_seeker(driver):
    password_step(driver, "jan.demo@example.org")
    check_all_languages(driver, "/account/cvs")
    check_all_languages(driver, "/account/cvs/new")
    check_all_languages(driver, "/account/matches")
    driver.get(url("/account/matches", "en"))
    assert "same occupation group" in driver.page_source, "Jan's CV fits the demo C+E offer"
    edit = first_link(driver, "/account/cvs", "main table a")
    check_all_languages(driver, edit)
    check_all_languages(driver, edit.replace("/edit", "/print"))
    # Saving a search from the results, then the list of alerts.
    driver.get(url("/offers?q=kierowca", "pl"))
    driver.find_element("css selector", "form.save-search button[type=submit]").click()
    WebDriverWait(driver, 15).until(lambda d: "/account/alerts" in d.current_url)
    check_all_languages(driver, "/account/alerts")
    check_all_languages(driver, "/trainings?q=w%C3%B3zki")
    driver.get(url("/account/cvs/new", "en"))
    submit(driver, {"title": "", "experience_months": "many"})
    assert_accessible(driver, "CV form with errors", "en")
    # An objection to the matching of alerts, recorded and lifted again.
    objection = "form[action='/account/privacy/objection'] button[type=submit]"
    driver.get(url("/account/privacy", "uk"))
    driver.find_element("css selector", objection).click()
    WebDriverWait(driver, 15).until(lambda d: "/account/privacy/objection" in d.current_url)
    assert_accessible(driver, "objection recorded", "uk")
    # Lifted again; wait for that page, or its late arrival lands on the next test's page.
    old = driver.find_element("tag name", "html")
    driver.find_element("css selector", objection).click()
    WebDriverWait(driver, 15).until(page_left(old))
    forget_session(driver)


def test_candidate_and_event_detail_pages(driver):
    check_all_languages(driver, first_link(driver, "/trainings"))
    check_all_languages(driver, first_link(driver, "/job-fairs"))
    password_step(driver, "transport.demo@example.org")
    check_all_languages(driver, "/employer/candidates")
    check_all_languages(driver, "/employer/candidates?experience_months=-1")
    check_all_languages(driver, first_link(driver, "/employer/candidates"))
    forget_session(driver)


def test_event_pages_of_an_office_editor(driver):
    enrol(driver, "redaktor.bialystok@example.org")
    # Knowledge base: a new entry with errors, then saved; its editor and history.
    check_all_languages(driver, "/staff/kb/new")
    driver.get(url("/staff/kb/new", "en"))
    submit(driver, {"title": "x"})
    assert_accessible(driver, "knowledge-base form with errors", "en")
    driver.get(url("/staff/kb/new", "pl"))
    submit(driver, {"title": "Gdzie w PUP Białystok złożyć wniosek?", "body": "W sali obsługi na parterze, stanowiska 1–6."})
    assert "/edit" in driver.current_url, driver.current_url
    edit = driver.current_url.replace(BASE, "").split("?")[0]
    check_all_languages(driver, edit)
    check_all_languages(driver, edit.replace("/edit", "/versions"))
    check_all_languages(driver, "/staff/kb")
    check_all_languages(driver, "/staff/events")
    check_all_languages(driver, "/staff/events/new?kind=job_fair")
    check_all_languages(driver, first_link(driver, "/staff/events", "main table td a[href$='/edit']"))
    driver.get(url("/staff/events/new", "en"))
    submit(driver, {"title": ""})
    assert_accessible(driver, "event form with errors", "en")
    # Visit statistics (a headless browser is a robot to them: the tables may well be empty).
    check_all_languages(driver, "/staff/statistics")
    check_all_languages(driver, "/staff/statistics?days=7")
    # The office's section: its pages, a page with errors then published, its menu and its details.
    check_all_languages(driver, "/staff/content")
    check_all_languages(driver, "/staff/content/pages")
    driver.get(url("/staff/content/pages/new", "en"))
    submit(driver, {"slug": "Zła Strona", "title": "x"})
    assert_accessible(driver, "page form with errors", "en")
    driver.get(url("/staff/content/pages/new", "pl"))
    fill(driver, {"slug": "dokumenty", "title": "Jakie dokumenty zabrać", "body": "- dowód osobisty\n- świadectwa pracy"})
    click(driver, "main form button[value=published]")
    assert "/edit" in driver.current_url, driver.current_url
    check_all_languages(driver, driver.current_url.replace(BASE, "").split("?")[0])
    check_all_languages(driver, "/offices/pup-2002/pages/dokumenty")
    check_all_languages(driver, "/staff/content/menus?section=office:pup-2002")
    driver.get(url("/staff/content/menus?section=office:pup-2002", "en"))
    submit(driver, {"item3_label_pl": "Dokumenty", "item3_target": "javascript:alert(1)"})
    assert "the target is a portal page" in driver.page_source
    assert_accessible(driver, "menu refused", "en")
    check_all_languages(driver, "/staff/content/office-details?office=pup-2002")
    driver.get(url("/staff/content/office-details?office=pup-2002", "en"))
    submit(driver, {"phone": "zadzwoń"})
    assert_accessible(driver, "office details with errors", "en")
    forget_session(driver)


def test_consultant_desktop_and_screen_pop(driver):
    """A contact queued from the command line (as a channel would) rings on the desktop; the
    consultant accepts it and works the screen pop: every state of these pages is checked."""
    enrol(driver, "konsultant.bialystok@example.org")
    check_all_languages(driver, "/desktop")
    check_all_languages(driver, "/desktop/manual")
    # Remote work: without the carrier's API here, the page says why no number can be proved.
    check_all_languages(driver, "/desktop/phone")
    driver.get(url("/desktop/manual", "en"))
    submit(driver, {"client_number": "999"})
    assert_accessible(driver, "manual contact form with errors", "en")
    driver.get(url("/desktop", "pl"))
    old = driver.find_element("tag name", "html")
    driver.find_element("css selector", "form[action='/desktop/state'] button").click()
    WebDriverWait(driver, 15).until(page_left(old))
    queued = subprocess.run([os.environ["ZIELONA_BIN"], "enqueue", "--office", "pup-2002", "--client", "100000009", "--channel", "web_form"],
                            cwd=os.environ["ZIELONA_DIR"], capture_output=True, text=True, timeout=120)
    assert queued.returncode == 0, queued.stdout + queued.stderr
    contact = queued.stdout.split()[1]
    # The live panel shows the offer without a reload.
    WebDriverWait(driver, 20).until(lambda d: d.find_elements("id", f"accept-{contact}"))
    # One language here: the offer rings for 20 s (the page itself was checked in all four).
    assert_accessible(driver, "desktop with an offer ringing", "pl")
    # Keyboard only: the offer's accept button is a real button that takes Enter.
    press_accept(driver, contact)
    assert f"/desktop/interactions/{contact}" in driver.current_url, driver.current_url
    check_all_languages(driver, f"/desktop/interactions/{contact}")
    driver.get(url(f"/desktop/interactions/{contact}", "en"))
    old = driver.find_element("tag name", "html")
    driver.find_element("css selector", f"form[action='/desktop/interactions/{contact}/close'] button").click()
    WebDriverWait(driver, 15).until(page_left(old))
    assert_accessible(driver, "screen pop with an error", "en")
    # A foreigner reads out the code of their application draft: opened with their consent, read only.
    code = foreigner_draft_code()
    driver.get(url(f"/desktop/interactions/{contact}", "en"))
    submit_to(driver, f"/desktop/interactions/{contact}/foreigner-draft", {"code": "2222-2222"})
    assert "Confirm the caller" in driver.page_source
    assert_accessible(driver, "screen pop with a draft code refused", "en")
    driver.find_element("name", "code").clear()
    driver.find_element("id", "consent").click()
    submit_to(driver, f"/desktop/interactions/{contact}/foreigner-draft", {"code": code})
    assert "The caller" in driver.page_source and "FIRMA BUDOWLANA" in driver.page_source, driver.page_source[:2000]
    assert_accessible(driver, "a foreigner's draft opened from the screen pop", "en")
    # The workstation fits a 1280 × 800 screen and a laptop at 200 % zoom (640 px): panes side
    # by side, then one column, never a page that scrolls sideways.
    for width in (1280, 640):
        driver.set_window_size(width, 800)
        for page in (f"/desktop/interactions/{contact}", "/desktop"):
            driver.get(url(page, "pl"))
            pause_live(driver)
            assert no_sideways_scroll(driver), f"{page} scrolls sideways at {width} px: {too_wide(driver)}"
        driver.get(url(f"/desktop/interactions/{contact}", "pl"))
        columns = driver.execute_script("return getComputedStyle(document.querySelector('.panes')).gridTemplateColumns.split(' ').length")
        assert columns == (3 if width == 1280 else 1), (width, columns)
    driver.set_window_size(1280, 900)
    # The web form promised an answer by e-mail: it is answered from the screen pop first, then
    # closed with an outcome, and the client (Jan has an e-mail address) gets the survey.
    driver.get(url(f"/desktop/interactions/{contact}", "en"))
    assert "Goes by e-mail to" in driver.page_source
    send_reply(driver, contact, "Dzień dobry, wniosek przyjmujemy w pokoju 12.")
    assert "wniosek przyjmujemy w pokoju 12" in driver.page_source
    assert_accessible(driver, "screen pop after a reply by e-mail", "en")
    close_contact(driver, contact)
    driver.get(url("/dev/mail", "pl"))
    survey = re.search(r"/survey/[A-Za-z0-9_-]+", driver.page_source).group(0)
    check_all_languages(driver, survey)
    driver.get(url(survey, "en"))
    submit(driver, {"comment": "no rating chosen"})
    assert_accessible(driver, "survey with an error", "en")
    driver.find_element("id", "rating-5").click()
    submit(driver, {"comment": "Dziękuję"})
    assert_accessible(driver, "survey answered", "en")
    live_chat(driver)
    mail_case(driver)
    phone_call(driver)
    forget_session(driver)


MAIL = """From: =?UTF-8?Q?Zofia_Ma=C5=82ecka?= <zofia.demo@example.org>
To: kontakt+pup-2002@127.0.0.1
Subject: =?UTF-8?Q?Pytanie_o_zasi=C5=82ek?=
Message-ID: <browser-test-1@example.org>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b"

--b
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

Dzień dobry, kiedy dostanę zasiłek? W załączniku świadectwo pracy.
--b
Content-Type: application/pdf; name="swiadectwo.pdf"
Content-Disposition: attachment; filename="swiadectwo.pdf"
Content-Transfer-Encoding: base64

JVBERi0xLjQK
--b--
"""


def mail_case(desk):
    """An e-mail taken in as the mailbox poller would: it rings on the desktop; the screen pop
    shows the thread with its attachment and the reply form, with an error and after a reply."""
    path = os.path.join(os.environ["ZIELONA_DIR"], "question.eml")
    with open(path, "w", encoding="utf-8", newline="\r\n") as f:
        f.write(MAIL)
    taken = subprocess.run([os.environ["ZIELONA_BIN"], "mail", "receive", "--file", path], cwd=os.environ["ZIELONA_DIR"],
                           capture_output=True, text=True, timeout=120)
    assert taken.returncode == 0 and "New case" in taken.stdout, taken.stdout + taken.stderr
    contact = taken.stdout.split()[2]
    desk.get(url("/desktop", "pl"))
    WebDriverWait(desk, 40).until(lambda d: d.find_elements("id", f"accept-{contact}"))
    # Accepted with the keyboard shortcut shown at the foot of the page (Alt+Shift+A).
    old = desk.find_element("tag name", "html")
    ActionChains(desk).key_down(Keys.ALT).key_down(Keys.SHIFT).send_keys("a").key_up(Keys.SHIFT).key_up(Keys.ALT).perform()
    WebDriverWait(desk, 15).until(page_left(old))
    assert f"/desktop/interactions/{contact}" in desk.current_url, desk.current_url
    assert "swiadectwo.pdf" in desk.page_source and "kiedy dostanę zasiłek" in desk.page_source
    check_all_languages(desk, f"/desktop/interactions/{contact}")
    desk.get(url(f"/desktop/interactions/{contact}", "en"))
    send_reply(desk, contact, "")
    assert_accessible(desk, "e-mail reply with an error", "en")
    send_reply(desk, contact, "Zasiłek przysługuje od dnia rejestracji.")
    assert "Zasiłek przysługuje od dnia rejestracji." in desk.page_source
    assert_accessible(desk, "e-mail case after a reply", "en")


def phone_call(desk):
    """A phone call made with `zielona call` (signed webhooks, as the carrier makes them): the
    caller identifies with client number and PIN and waits; the consultant accepts the offer, the
    screen pop shows what the IVR learned, and the caller is put through to the consultant."""
    contact = re.search(r"/desktop/interactions/([0-9A-F-]{36})", desk.current_url).group(1)
    close_contact(desk, contact)
    caller = subprocess.Popen([os.environ["ZIELONA_BIN"], "call", "--from", "+48600300400", "--digits", "1 1 200000008 4826 2",
                               "--server", BASE, "--max-wait", "120"], cwd=os.environ["ZIELONA_DIR"], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    try:
        desk.get(url("/desktop", "pl"))
        # After the wrap-up time the offer rings.
        WebDriverWait(desk, 90).until(lambda d: d.find_elements("css selector", "[id^='accept-']"))
        call = desk.find_element("css selector", "[id^='accept-']").get_attribute("id")[len("accept-"):]
        press_accept(desk, call)
        page = desk.page_source
        assert "powitanie › wybór języka › godziny pracy › sposób identyfikacji › numer klienta i PIN › temat" in page, page
        assert "numer klienta i PIN" in page and "+48600300400" in page and "Olena" in page
        check_all_languages(desk, f"/desktop/interactions/{call}")
        out, _ = caller.communicate(timeout=60)
    finally:
        if caller.poll() is None:
            caller.kill()
    assert caller.returncode == 0, out
    assert "Teraz wpisz PIN" in out and "Jesteś 1. w kolejce" in out, out
    consultant = re.search(r"put through to Client agent-([0-9A-F-]{36})", out)
    assert consultant and "Talked with Client agent-" in out, out
    desk.get(url(f"/desktop/interactions/{call}", "pl"))
    close_contact(desk, call)
    STATE["call"] = call


def no_sideways_scroll(d):
    return d.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1")


def too_wide(d):
    """The innermost elements that reach past the window's right edge, to say what to fix."""
    return d.execute_script("""
        const w = window.innerWidth, out = [];
        for (const e of document.querySelectorAll('body *')) {
          const r = e.getBoundingClientRect();
          if (r.right > w + 1 && ![...e.children].some(c => c.getBoundingClientRect().right > w + 1))
            out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).split(' ').join('.') : '') + ' ' + Math.round(r.right) + 'px');
        }
        return out.slice(0, 8).join(', ');""")


def send_reply(desk, contact, text):
    """Writes the answer in the screen pop's reply box and sends it (empty: sends nothing typed)."""
    if text:
        desk.find_element("name", "reply").send_keys(text)
    old = desk.find_element("tag name", "html")
    desk.find_element("css selector", f"form[action='/desktop/interactions/{contact}/reply'] button").click()
    WebDriverWait(desk, 15).until(page_left(old))


def close_contact(desk, contact):
    """Closes the contact shown in the screen pop with the outcome "resolved"."""
    Select(desk.find_element("name", "outcome")).select_by_value("resolved")
    old = desk.find_element("tag name", "html")
    desk.find_element("css selector", f"form[action='/desktop/interactions/{contact}/close'] button").click()
    WebDriverWait(desk, 15).until(page_left(old))


def offered_contact(desk, timeout=30):
    """The id of the contact ringing on the desktop, read while the live panel may redraw it."""
    def ringing(d):
        for b in d.find_elements("css selector", "button[id^='accept-']"):
            return b.get_attribute("id")[len("accept-"):]
        return None
    return WebDriverWait(desk, timeout, ignored_exceptions=(StaleElementReferenceException,)).until(ringing)


def press_accept(desk, contact):
    """Enter on an offer's accept button; the live panel may have just redrawn it, then again."""
    old = desk.find_element("tag name", "html")
    for _ in range(5):
        try:
            desk.find_element("id", f"accept-{contact}").send_keys(Keys.ENTER)
            break
        except StaleElementReferenceException:
            time.sleep(0.2)
    WebDriverWait(desk, 15).until(page_left(old))


def chat_text(d, selector):
    return " ".join(e.text for e in d.find_elements("css selector", selector))


def live_chat(desk):
    """A visitor (a second browser) chats with the consultant signed in on `desk`: the chat
    rings on the desktop, the answer typed in the screen pop reaches the visitor's page over
    its WebSocket, the chat box follows the visitor to another page, and the end brings the
    rating. Every state of both sides is checked with axe."""
    visitor = make_driver()
    try:
        check_all_languages(visitor, "/chat")
        visitor.get(url("/chat", "en"))
        submit(visitor, {"postal_code": "99-999"})
        assert "postal code" in visitor.page_source
        assert_accessible(visitor, "chat start with errors", "en")
        visitor.get(url("/chat", "pl"))
        submit(visitor, {"name": "Anna", "postal_code": "15-371", "message": "Dzień dobry, pytanie o rejestrację."})
        WebDriverWait(visitor, 15).until(lambda d: "kolejce" in chat_text(d, "[data-chat-status]"))
        assert_accessible(visitor, "chat waiting", "pl")

        desk.get(url("/desktop", "pl"))
        contact = offered_contact(desk)
        press_accept(desk, contact)
        assert "pytanie o rejestrację" in chat_text(desk, "[data-chat-log]")
        WebDriverWait(visitor, 15).until(lambda d: "Rozmawiasz" in chat_text(d, "[data-chat-status]"))
        assert_accessible(desk, "screen pop of a chat", "pl")

        # The consultant answers with Enter; the visitor's page shows it without a reload.
        field = desk.find_element("id", f"chat-{contact}-text")
        field.send_keys("Zapraszamy do urzędu z dowodem osobistym.")
        field.send_keys(Keys.ENTER)
        WebDriverWait(visitor, 15).until(lambda d: "dowodem osobistym" in chat_text(d, "[data-chat-log]"))
        assert_accessible(visitor, "chat in progress", "pl")
        # The visitor answers; the consultant's box shows it.
        mine = visitor.find_element("id", "chat-text")
        mine.send_keys("Dziękuję, a w jakich godzinach?")
        mine.send_keys(Keys.ENTER)
        WebDriverWait(desk, 15).until(lambda d: "w jakich godzinach" in chat_text(d, "[data-chat-log]"))

        # Another page of the portal: the chat box comes along, live.
        visitor.get(url("/offers", "pl"))
        WebDriverWait(visitor, 15).until(lambda d: "dowodem osobistym" in chat_text(d, ".chat-widget [data-chat-log]"))
        assert_accessible(visitor, "offers with the chat box", "pl")

        # The consultant ends the chat: the visitor is asked for a rating.
        visitor.get(url("/chat", "pl"))
        old = desk.find_element("tag name", "html")
        desk.find_element("css selector", f"form[action='/desktop/interactions/{contact}/end'] button").click()
        WebDriverWait(desk, 15).until(page_left(old))
        WebDriverWait(visitor, 15).until(lambda d: d.find_element("id", "rating-heading").is_displayed())
        check_all_languages(visitor, "/chat")
        visitor.get(url("/chat", "en"))
        visitor.find_element("id", "rating-5").click()
        old = visitor.find_element("tag name", "html")
        visitor.find_element("css selector", "form[action='/chat/rate'] button").click()
        WebDriverWait(visitor, 15).until(page_left(old))
        assert "Thank you" in visitor.page_source
        assert_accessible(visitor, "chat rated", "en")
        # The consultant closes the chat with an outcome: free for the next contact.
        desk.get(url(f"/desktop/interactions/{contact}", "pl"))
        close_contact(desk, contact)
    finally:
        visitor.quit()


def test_faq_entry_pages(driver):
    """An answer with its languages and the helpful vote, before and after voting."""
    entry = first_link(driver, "/faq?q=godziny")
    check_all_languages(driver, entry)
    driver.get(url(entry, "en"))
    old = driver.find_element("tag name", "html")
    driver.find_element("css selector", "form[action$='/helpful'] button").click()
    WebDriverWait(driver, 15).until(page_left(old))
    assert_accessible(driver, "answer after a vote", "en")


def test_contact_form_states(driver):
    """The contact form with its errors, and the confirmation with a case number."""
    driver.get(url("/contact", "en"))
    submit(driver, {"email": "not-an-address", "message": "hi"})
    assert_accessible(driver, "contact form with errors", "en")
    driver.get(url("/contact", "pl"))
    Select(driver.find_element("name", "powiat")).select_by_value("2061")
    submit(driver, {"email": "anna@example.org", "message": "Dzień dobry, proszę o informację o stażach."})
    assert "ZL-" in driver.page_source
    assert_accessible(driver, "contact form sent", "pl")


def test_callback_form_states(driver):
    """"Zamów rozmowę" with its errors, and booked."""
    driver.get(url("/callback", "en"))
    submit(driver, {"phone": "12", "locality": ""})
    assert_accessible(driver, "callback form with errors", "en")
    driver.get(url("/callback", "pl"))
    Select(driver.find_element("name", "slot")).select_by_index(1)
    Select(driver.find_element("name", "powiat")).select_by_value("2061")
    submit(driver, {"phone": "600 100 200", "locality": "Białystok", "postal_code": "15-371"})
    assert "ZL-" in driver.page_source
    assert_accessible(driver, "callback booked", "pl")


def test_video_booking_states(driver):
    """Sign-language video booking with its errors, and booked."""
    driver.get(url("/video", "en"))
    submit(driver, {"email": "nope"})
    assert_accessible(driver, "video booking with errors", "en")
    driver.get(url("/video", "pl"))
    Select(driver.find_element("name", "slot")).select_by_index(1)
    Select(driver.find_element("name", "powiat")).select_by_value("2061")
    submit(driver, {"email": "ola@example.org"})
    assert "ZL-" in driver.page_source
    assert_accessible(driver, "video booked", "pl")


def test_newsletter_states(driver):
    """Subscribing with errors, subscribed, the confirmation link from the e-mail, a bad link."""
    driver.get(url("/newsletter", "en"))
    submit(driver, {"email": "nope"})
    assert_accessible(driver, "newsletter with errors", "en")
    driver.get(url("/newsletter", "pl"))
    submit(driver, {"email": "czytelnik@example.org"})
    assert "Sprawdź skrzynkę" in driver.page_source
    assert_accessible(driver, "newsletter requested", "pl")
    driver.get(url("/dev/mail", "pl"))
    confirm = re.search(r"/newsletter/confirm\?token=[A-Za-z0-9_-]+", driver.page_source).group(0)
    driver.get(BASE + confirm + "&lang=ru")
    assert_accessible(driver, "newsletter confirmed", "ru")
    check_all_languages(driver, confirm)  # the link is spent: the bad-link page with the form


def test_newsletter_of_a_national_editor(driver):
    enrol(driver, "redaktor.krajowy@example.org")
    check_all_languages(driver, "/staff/newsletter")
    driver.get(url("/staff/newsletter", "en"))
    submit(driver, {"subject": "", "body": "short"})
    assert_accessible(driver, "newsletter edition with errors", "en")
    driver.get(url("/staff/newsletter", "pl"))
    submit(driver, {"subject": "Grudzień w urzędach pracy", "body": "Nowe szkolenia i targi pracy w grudniu – szczegóły na portalu."})
    assert "Wydanie zapisane" in driver.page_source
    assert_accessible(driver, "newsletter edition queued", "pl")
    portal_content_of_a_national_editor(driver)
    forget_session(driver)


def png_file(width, height):
    """A real PNG picture (two-colour stripes) written to a temporary file, for an upload field."""
    rows = b"".join(b"\x00" + b"".join(b"\x0b\x5d\x1e" if (x // 8 + y // 8) % 2 else b"\xff\xff\xff" for x in range(width)) for y in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
    path = os.path.join(tempfile.mkdtemp(), "targi.png")
    with open(path, "wb") as f:
        f.write(data)
    return path


def portal_content_of_a_national_editor(driver):
    """News with a picture from the form to the home page, the look refused for its contrast, the partners."""
    check_all_languages(driver, "/staff/content")
    driver.get(url("/staff/content/news/new", "en"))
    submit(driver, {"title": "x"})
    assert_accessible(driver, "news form with errors", "en")
    driver.get(url("/staff/content/news/new", "pl"))
    fill(driver, {"title": "Targi pracy w hali sportowej", "lead": "Ponad czterdziestu pracodawców i doradcy zawodowi na miejscu.",
                  "body": "## Program\n\n- stoiska pracodawców\n- porady", "image_alt": "Stoiska pracodawców w hali sportowej"})
    Select(driver.find_element("id", "scope")).select_by_value("national")
    driver.find_element("id", "image").send_keys(png_file(1600, 500))
    click(driver, "main form button[value=published]")
    assert "/edit" in driver.current_url, driver.current_url
    edit = driver.current_url.replace(BASE, "").split("?")[0]
    check_all_languages(driver, edit)
    check_all_languages(driver, edit.replace("/edit", "/versions"))
    check_all_languages(driver, "/staff/content/news")
    item = edit.replace("/staff/content/news/", "/news/").replace("/edit", "")
    check_all_languages(driver, item)
    driver.get(url("/", "pl"))
    assert "Targi pracy w hali sportowej" in driver.page_source
    assert_accessible(driver, "home page with news", "pl")
    # The look: a brand colour too light for white text is refused, naming the pair.
    driver.get(url("/staff/content/theme", "en"))
    submit(driver, {"brand": "#77aa77"})
    assert "contrast 2.69:1" in driver.page_source, driver.page_source[:2000]
    assert_accessible(driver, "theme refused for its contrast", "en")
    check_all_languages(driver, "/staff/content/theme")
    driver.get(url("/staff/content/partners", "pl"))
    submit(driver, {"name": "Zakład Ubezpieczeń Społecznych", "url": "https://www.zus.pl", "description": "Ubezpieczenia i zasiłki"})
    assert "Zapisano partnera" in driver.page_source
    check_all_languages(driver, "/staff/content/partners")
    check_all_languages(driver, "/partners")
    check_all_languages(driver, "/staff/content/home")
    check_all_languages(driver, "/staff/content/menus?section=portal")
    # Forms: the editors' list, a form built with errors, a visitor's answer with errors.
    check_all_languages(driver, "/staff/content/forms")
    check_all_languages(driver, "/staff/content/forms/00000000-0000-4000-8000-00000000f101/edit")
    driver.get(url("/staff/content/forms/new", "en"))
    submit(driver, {"title_pl": "?", "retention_days": "999"})
    assert_accessible(driver, "form builder with errors", "en")
    driver.get(url("/forms/00000000-0000-4000-8000-00000000f101", "en"))
    submit(driver, {"answer1": "not-an-address"})
    assert "is not an e-mail address" in driver.page_source
    assert_accessible(driver, "a visitor's form with errors", "en")
    # Polls: the editors' list and a form with errors; a reader votes and sees the results.
    check_all_languages(driver, "/staff/content/polls")
    driver.get(url("/staff/content/polls/new", "en"))
    submit(driver, {"question_pl": "?"})
    assert_accessible(driver, "poll form with errors", "en")
    poll = first_link(driver, "/polls", "main ul li h3 a")
    check_all_languages(driver, poll)
    driver.get(url(poll, "pl"))
    driver.find_element("css selector", "label[for='choice-1']").click()
    click(driver, "main form button[type=submit]")
    assert "results-heading" in driver.page_source
    check_all_languages(driver, poll)


def test_forum_from_a_member_to_the_moderator(driver):
    """A member replies (warned first about a phone number, then waiting for a moderator); the
    office's moderator finds the reply in the queue, refuses to hide it without a reason, and
    opens the thread's page."""
    thread = "/forum/threads/00000000-0000-4000-8000-00000000f001"
    reply = thread + "/reply"
    password_step(driver, "jan.demo@example.org")
    check_all_languages(driver, thread)
    check_all_languages(driver, "/forum/pup-2002/new")
    driver.get(url(thread, "en"))
    submit_to(driver, reply, {"body": "!"})
    assert "The text must" in driver.page_source
    assert_accessible(driver, "forum reply with errors", "en")
    driver.get(url(thread, "pl"))
    submit_to(driver, reply, {"body": "Dziękuję! Gdyby ktoś chciał pogadać: 600 100 200."})
    assert "numer telefonu" in driver.page_source
    assert_accessible(driver, "forum warning before personal data", "pl")
    driver.find_element("css selector", "label[for='confirm']").click()
    click(driver, f"form[action='{reply}'] button[type=submit]")
    assert "moderatora" in driver.page_source
    assert_accessible(driver, "forum reply waiting for a moderator", "pl")
    forget_session(driver)
    enrol(driver, "moderator.bialystok@example.org")
    check_all_languages(driver, "/staff/forum")
    post = first_link(driver, "/staff/forum", "main table a[href*='/staff/forum/posts/']")
    check_all_languages(driver, post)
    driver.get(url(post, "en"))
    Select(driver.find_element("id", "decision")).select_by_value("hide")
    submit_to(driver, post + "/decision", {})
    assert "Give the reason" in driver.page_source
    assert_accessible(driver, "forum decision with errors", "en")
    check_all_languages(driver, "/staff/forum/threads/00000000-0000-4000-8000-00000000f001")
    forget_session(driver)


def click(driver, selector):
    """Presses a form's button and waits for the next page."""
    old = driver.find_element("tag name", "html")
    driver.find_element("css selector", selector).click()
    WebDriverWait(driver, 15).until(page_left(old))


def test_ivr_editor_of_a_national_administrator(driver):
    """The IVR editor: overview with the diagram, step forms of several kinds (and with errors),
    publishing refused, the simulated caller from the first question to the end of the call."""
    enrol(driver, "admin.krajowy@example.org")
    check_all_languages(driver, "/staff/ivr")
    # The diagram scrolls in its own box; the page never scrolls sideways.
    for width in (1280, 640):
        driver.set_window_size(width, 800)
        driver.get(url("/staff/ivr", "pl"))
        assert no_sideways_scroll(driver), f"/staff/ivr scrolls sideways at {width} px: {too_wide(driver)}"
    driver.set_window_size(1280, 900)
    for step in ("topic", "language", "postal", "q-benefits"):
        check_all_languages(driver, f"/staff/ivr/steps/{step}")
    driver.get(url("/staff/ivr/steps/postal", "en"))
    submit(driver, {"digits": "50", "retries": "9"})
    assert "Give a number from 1 to 20." in driver.page_source
    assert_accessible(driver, "IVR step with errors", "en")
    # A step nobody reaches: the draft shows it flagged; publishing is refused with the reason.
    driver.get(url("/staff/ivr", "en"))
    submit(driver, {"id": "holiday-notice"})
    assert "/staff/ivr/steps/holiday-notice" in driver.current_url
    assert_accessible(driver, "new IVR step", "en")
    driver.get(url("/staff/ivr", "en"))
    click(driver, "form[action^='/staff/ivr/publish'] button")
    assert "No path leads to step holiday-notice." in driver.page_source
    assert_accessible(driver, "IVR publishing refused", "en")
    click(driver, "form[action^='/staff/ivr/discard'] button")
    assert_accessible(driver, "IVR draft discarded", "en")
    # The free line's flow, the recorded-information step, the numbers and their flows.
    check_all_languages(driver, "/staff/ivr?flow=unemployed")
    check_all_languages(driver, "/staff/ivr?flow=foreigners-uw-10")
    check_all_languages(driver, "/staff/ivr/steps/info")
    check_all_languages(driver, "/staff/ivr/lines")
    driver.get(url("/staff/ivr/lines", "en"))
    submit_to(driver, "/staff/ivr/lines", {"number": "12"})
    assert "Number: 3–15 digits." in driver.page_source
    assert_accessible(driver, "numbers page with errors", "en")
    driver.get(url("/staff/ivr", "en"))
    submit_to(driver, "/staff/ivr/flows", {"new_id": "Not An Id!"})
    assert "Name: 2–32 characters" in driver.page_source
    assert_accessible(driver, "new flow with an error", "en")
    check_all_languages(driver, "/staff/ivr/simulate")
    driver.get(url("/staff/ivr/simulate", "en"))
    for keys in ("2", "2", "15371"):
        driver.find_element("name", "keys").send_keys(keys)
        click(driver, "button[name=press]")
    assert "Benefits – 2." in driver.page_source
    driver.find_element("name", "keys").send_keys("x")
    click(driver, "button[name=press]")
    assert_accessible(driver, "simulated caller with an error", "en")
    driver.find_element("name", "keys").clear()
    driver.find_element("name", "keys").send_keys("2")
    click(driver, "button[name=press]")
    assert "topic: Benefits, language: English" in driver.page_source
    check_all_languages(driver, driver.current_url.replace(BASE, "").split("&lang=")[0].split("?lang=")[0])
    forget_session(driver)


def test_supervisor_reviews_the_call(driver):
    """The supervisor signs in again and opens the consultant's call from the latest contacts:
    what the IVR learned, the history and the recording (listed; playing needs the carrier's API)."""
    key, used = STATE["supervisor"]
    password_step(driver, "kierownik.bialystok@example.org")
    # A code of a later 30-second window than the one used last.
    time.sleep(max(0, 30 - (time.time() - used)) + 1)
    submit(driver, {"code": totp(key)})
    check_all_languages(driver, "/staff/interactions")
    call = STATE["call"]
    driver.get(url("/staff/interactions", "pl"))
    assert f"/staff/interactions/{call}" in driver.page_source
    check_all_languages(driver, f"/staff/interactions/{call}")
    driver.get(url(f"/staff/interactions/{call}", "en"))
    # The way through the voice menu in words, not the steps' ids.
    assert "welcome › choice of language ›" in driver.page_source
    assert "how to identify › client number and PIN" in driver.page_source
    # The recording the carrier reported is listed; without the carrier's API (not configured
    # here) the page says so instead of offering a player that cannot play.
    assert driver.find_elements("css selector", "#recordings-heading ~ ul li"), "the recording reported by the carrier"
    assert "playing them needs the carrier's API, which is not configured" in driver.page_source
    assert not driver.find_elements("css selector", "main audio[controls]")
    assert "This is not a phone call in progress." in driver.page_source
    forget_session(driver)


def test_requests_register_of_the_data_protection_officer(driver):
    """A complaint filed on the public form, then the officer's register and the case itself."""
    driver.get(url("/complaints", "en"))
    submit(driver, {"name": "", "email": "nope", "text": "short"})
    assert_accessible(driver, "complaint with errors", "en")
    driver.get(url("/complaints", "pl"))
    submit(driver, {"name": "Jan Skarżący", "email": "jan.skarga@example.org", "postal_code": "15-371",
                    "text": "Dzwoniłem trzy razy i nikt nie odebrał telefonu."})
    assert "RODO-" in driver.page_source
    assert_accessible(driver, "complaint sent", "pl")
    enrol(driver, "iod.bialystok@example.org")
    check_all_languages(driver, "/staff/privacy")
    check_all_languages(driver, first_link(driver, "/staff/privacy", "main table a"))
    forget_session(driver)


def test_cv_factory_from_the_seeker_to_the_centre(driver):
    """Jan asks for his CV to be improved; the centre's consultant sees the request, takes it and
    writes the CV; the form states with errors too."""
    password_step(driver, "jan.demo@example.org")
    check_all_languages(driver, "/cv-factory")
    driver.get(url("/cv-factory", "en"))
    submit(driver, {"note": "short"})
    assert "Note for the consultant: write at least 10 characters." in driver.page_source
    assert_accessible(driver, "/cv-factory with errors", "en")
    Select(driver.find_element("name", "source_cv")).select_by_index(1)
    submit(driver, {"note": "Proszę poprawić CV pod pracę kierowcy w Niemczech."})
    assert "Request received" in driver.page_source
    status = driver.find_element("css selector", "main [role=status] a").get_attribute("href").replace(BASE, "")
    check_all_languages(driver, status)
    forget_session(driver)
    enrol(driver, "konsultant.centrum@example.org")
    check_all_languages(driver, "/staff/cv-factory")
    request = first_link(driver, "/staff/cv-factory", "main table a")
    check_all_languages(driver, request)
    driver.get(url(request, "pl"))
    driver.find_element("css selector", f"form[action='{request}/take'] button[type=submit]").click()
    WebDriverWait(driver, 15).until(lambda d: "notice=taken" in d.current_url)
    check_all_languages(driver, request + "/write")
    forget_session(driver)


def test_recruitment_run_by_the_office(driver):
    """The transport company orders a recruitment for its offer; Jan applies through the office,
    consenting; the office's supervisor presents him; the company then sees him. Every page in
    four languages, the forms with their errors too."""
    offer = "00000000-0000-4000-8000-00000000d001"
    password_step(driver, "transport.demo@example.org")
    check_all_languages(driver, f"/employer/recruitments/new?offer={offer}")
    driver.get(url(f"/employer/recruitments/new?offer={offer}", "en"))
    driver.execute_script("document.getElementById('requirements').value = 'x'.repeat(4001)")
    submit(driver, {})
    assert "at most 4000 characters" in driver.page_source
    assert_accessible(driver, "recruitment order with errors", "en")
    driver.get(url(f"/employer/recruitments/new?offer={offer}", "pl"))
    submit(driver, {"requirements": "Prawo jazdy C+E, praca od zaraz."})
    assert "notice=ordered" in driver.current_url, driver.current_url
    check_all_languages(driver, "/employer/recruitments")
    order = first_link(driver, "/employer/recruitments", "main table a")
    check_all_languages(driver, order)
    forget_session(driver)

    password_step(driver, "jan.demo@example.org")
    check_all_languages(driver, f"/offers/{offer}")
    check_all_languages(driver, f"/offers/{offer}/recruitment")
    driver.get(url(f"/offers/{offer}/recruitment", "en"))
    submit(driver, {})
    assert "Consent: without it you cannot take part" in driver.page_source
    assert_accessible(driver, "recruitment application with errors", "en")
    driver.find_element("id", "consent").click()
    submit(driver, {})
    assert "You applied" in driver.page_source
    check_all_languages(driver, "/account/recruitments")
    forget_session(driver)

    key, _ = STATE["supervisor"]
    password_step(driver, "kierownik.bialystok@example.org")
    time.sleep(max(0, 30 - time.time() % 30) + 1)
    submit(driver, {"code": totp(key)})
    check_all_languages(driver, "/staff/recruitments")
    pipeline = first_link(driver, "/staff/recruitments", "main table a")
    check_all_languages(driver, pipeline)
    driver.get(url(pipeline, "en"))
    assert "Jan Demo-Kowalski" in driver.page_source
    form = driver.find_element("css selector", "form[action*='/candidates/']")
    Select(form.find_element("css selector", "select")).select_by_value("presented")
    old = driver.find_element("tag name", "html")
    form.find_element("css selector", "button[type=submit]").click()
    WebDriverWait(driver, 15).until(page_left(old))
    assert "notice=moved" in driver.current_url, driver.current_url
    assert_accessible(driver, "pipeline after presenting", "en")
    forget_session(driver)

    password_step(driver, "transport.demo@example.org")
    driver.get(url(order, "en"))
    assert "Jan Demo-Kowalski" in driver.page_source
    check_all_languages(driver, order)
    forget_session(driver)
