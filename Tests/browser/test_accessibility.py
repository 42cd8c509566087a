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


def test_a_narrow_screen_gets_a_menu_button_instead_of_a_header_that_fills_it(driver):
    driver.set_window_size(500, 800)
    try:
        driver.get(url("/", "pl"))
        height = driver.execute_script("return document.querySelector('.site-header').getBoundingClientRect().height")
        assert height <= 0.3 * 800, f"the header takes {height} px of 800"
        toggle = driver.find_element("id", "menu-toggle")
        assert toggle.is_displayed() and toggle.get_attribute("aria-expanded") == "false"
        nav = driver.find_element("css selector", ".site-header nav")
        assert not nav.is_displayed()
        toggle.click()
        assert toggle.get_attribute("aria-expanded") == "true" and nav.is_displayed()
        assert_accessible(driver, "/ with the menu open at 500 px", "pl")
    finally:
        driver.set_window_size(1280, 900)
    driver.get(url("/", "pl"))
    assert not driver.find_element("id", "menu-toggle").is_displayed(), "no menu button on a wide screen"
