"""Opens every page of the portal in headless Chromium in all four languages and fails on
any axe-core violation tagged WCAG 2.0/2.1 level A or AA.

Needs: ZIELONA_URL (a running server), AXE_SCRIPT (axe.min.js of axe-core 4.x)."""
import os

import pytest
from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from pages import LANGUAGES, PAGES

BASE = os.environ.get("ZIELONA_URL", "http://127.0.0.1:8080")
AXE_SCRIPT = os.environ["AXE_SCRIPT"]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def driver():
    opts = webdriver.ChromeOptions()
    opts.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"):
        opts.add_argument(arg)
    d = webdriver.Chrome(options=opts, service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")))
    yield d
    d.quit()


def url(page, lang):
    return f"{BASE}{page}{'&' if '?' in page else '?'}lang={lang}"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_page_has_no_wcag_a_or_aa_violations(driver, page, lang):
    driver.get(url(page, lang))
    assert driver.find_element("tag name", "html").get_attribute("lang") == lang
    axe = Axe(driver, script_url=AXE_SCRIPT)
    axe.inject()
    version = driver.execute_script("return axe.version")
    assert version.startswith("4."), f"expected axe-core 4.x, got {version}"
    results = axe.run(options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    violations = [
        f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:3]}"
        for v in results["violations"]
    ]
    assert violations == [], f"{page} [{lang}]:\n" + "\n".join(violations)
    # axe must actually have checked something, or the page did not load.
    assert len(results["passes"]) > 10
