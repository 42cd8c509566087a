"""Opens every public page of the portal in headless Chromium in all four languages and fails
on any axe-core violation tagged WCAG 2.0/2.1 level A or AA.

Needs: ZIELONA_URL (a running server), AXE_SCRIPT (axe.min.js of axe-core 4.x)."""
import pytest

from axe_check import assert_accessible, make_driver, url
from pages import LANGUAGES, PAGES


@pytest.fixture(scope="module")
def driver():
    d = make_driver()
    yield d
    d.quit()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_page_has_no_wcag_a_or_aa_violations(driver, page, lang):
    driver.get(url(page, lang))
    assert_accessible(driver, page, lang)
