"""What both browser tests share: the Chromium driver and the axe check of the page shown."""
import os

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service

BASE = os.environ.get("ZIELONA_URL", "http://127.0.0.1:8080")
AXE_SCRIPT = os.environ["AXE_SCRIPT"]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def make_driver():
    opts = webdriver.ChromeOptions()
    opts.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"):
        opts.add_argument(arg)
    return webdriver.Chrome(options=opts, service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")))


def url(page, lang):
    return f"{BASE}{page}{'&' if '?' in page else '?'}lang={lang}"


def page_left(old):
    """A wait condition: the page that `old` (its html element) belonged to has gone. Chromium
    reports a node of a page just replaced either as stale or as "does not belong to the
    document"; both mean the new page is there."""
    def gone(_driver):
        try:
            old.is_enabled()
            return False
        except (StaleElementReferenceException, WebDriverException):
            return True
    return gone


def forget_session(driver):
    """Signs the browser out by dropping its cookies — on a page without scripts. A live page
    left open (the desktop, a chat) notices a lost session and navigates by itself, which raced
    the next page the test opened (it found the sign-in page instead of the answers it asked for)."""
    driver.get(BASE + "/healthz")
    driver.delete_all_cookies()


def pause_live(driver):
    """Live pages (desktop, wallboard) update themselves; their pause button (WCAG 2.2.2)
    holds the page still while it is read. Waits until the script has shown the button."""
    driver.execute_script("""
        var b = document.getElementById('live-pause');
        if (b && !b.hidden && b.getAttribute('aria-pressed') !== 'true') { b.click(); }""")


def assert_accessible(driver, label, lang):
    """Runs axe on the page the driver shows; fails on any WCAG 2.0/2.1 A or AA violation."""
    assert driver.find_element("tag name", "html").get_attribute("lang") == lang
    pause_live(driver)
    axe = Axe(driver, script_url=AXE_SCRIPT)
    axe.inject()
    version = driver.execute_script("return axe.version")
    assert version.startswith("4."), f"expected axe-core 4.x, got {version}"
    results = axe.run(options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    violations = [
        f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:3]}"
        for v in results["violations"]
    ]
    assert violations == [], f"{label} [{lang}]:\n" + "\n".join(violations)
    # axe must actually have checked something, or the page did not load.
    assert len(results["passes"]) > 10
