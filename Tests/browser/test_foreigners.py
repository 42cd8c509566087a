"""The foreigners' application generator in a real browser: a declaration of entrusting work
filled step by step in Ukrainian (a Cyrillic surname offered in Latin letters, a Georgian
citizen refused with the right path), every step, the checklist and the printout checked with
axe, and the PDF read back with pypdf: Polish wording, capitals, the values given."""
import datetime
import io
import re
import urllib.request

import pypdf
import pytest
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.ui import WebDriverWait

from axe_check import BASE, assert_accessible, make_driver, page_left, url
from pages import LANGUAGES


@pytest.fixture(scope="module")
def driver():
    d = make_driver()
    yield d
    d.quit()


def fill(driver, fields):
    """Types into text fields and picks options of selects, then saves and goes on."""
    for name, value in fields.items():
        el = driver.find_element("name", name)
        if el.tag_name == "select":
            Select(el).select_by_value(value)
        else:
            el.clear()
            if el.get_attribute("type") == "date":
                # Chromium's date input takes the date as the locale shows it; set it directly.
                driver.execute_script("arguments[0].value = arguments[1]", el, value)
            else:
                el.send_keys(value)
    old = driver.find_element("tag name", "html")
    driver.find_element("css selector", "main form button[value=next]").click()
    WebDriverWait(driver, 15).until(page_left(old))


def test_a_declaration_from_the_first_step_to_the_pdf(driver):
    for lang in LANGUAGES:
        for page in ["/foreigners", "/foreigners/work-declaration", "/foreigners/temporary-residence", "/foreigners/work-permit-a"]:
            driver.get(url(page, lang))
            assert_accessible(driver, page, lang)
    driver.get(url("/foreigners/work-declaration", "uk"))
    old = driver.find_element("tag name", "html")
    driver.find_element("css selector", "main form button[type=submit]").click()
    WebDriverWait(driver, 15).until(page_left(old))
    draft = re.sub(r"/steps/.*$", "", driver.current_url.replace(BASE, "").split("?")[0])
    assert "/foreigners/work-declaration/drafts/" in draft
    assert_accessible(driver, "declaration step 1", "uk")
    fill(driver, {"employer_name": "Firma Budowlana sp. z o.o.", "employer_street": "ul. Piotrkowska 100", "employer_locality": "Łódź",
                  "employer_postal_code": "90-001", "employer_nip": "7251801126", "employer_phone": "+48 42 123 45 67"})
    assert "/steps/2" in driver.current_url
    fill(driver, {"surname": "Шевченко", "given_names": "Olena", "sex": "F", "birth_date": "1990-04-12", "citizenship": "GE",
                  "passport_number": "FX123456", "passport_expiry": "2031-01-01"})
    # Refused, with the Latin spelling offered in the field and the right path for a Georgian citizen.
    assert driver.find_element("name", "surname").get_attribute("value") == "SHEVCHENKO"
    assert "error-summary" in driver.page_source
    assert_accessible(driver, "declaration step 2 with errors", "uk")
    fill(driver, {"citizenship": "UA"})
    assert "/steps/3" in driver.current_url
    start = datetime.date.today() + datetime.timedelta(days=10)
    fill(driver, {"position": "murarz", "work_place": "Łódź, ul. Długa 1", "seasonal": "no", "contract": "employment", "weekly_hours": "40",
                  "pay_unit": "monthly", "pay": "6200", "comparable_pay": "yes", "work_from": start.isoformat(),
                  "work_to": (start + datetime.timedelta(days=150)).isoformat()})
    assert driver.current_url.replace(BASE, "").split("?")[0] == draft + "/check"
    for lang in LANGUAGES:
        driver.get(url(draft + "/check", lang))
        assert_accessible(driver, "declaration checklist", lang)
    driver.get(url(draft + "/print", "uk"))
    # The printout is Polish whatever the user's language.
    assert_accessible(driver, "declaration printout", "pl")
    assert "OŚWIADCZENIE O POWIERZENIU PRACY CUDZOZIEMCOWI" in driver.page_source
    with urllib.request.urlopen(BASE + draft + "/application.pdf") as r:
        assert r.headers["Content-Type"].startswith("application/pdf")
        text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(r.read())).pages)
    for expected in ["OŚWIADCZENIE O POWIERZENIU PRACY CUDZOZIEMCOWI", "DANE PODMIOTU POWIERZAJĄCEGO PRACĘ", "SHEVCHENKO", "UKRAINA",
                     "FIRMA BUDOWLANA SP. Z O.O.", "ŁÓDŹ", "6200,00 ZŁ", "NIE DOTYCZY", "strona 1 z"]:
        assert expected in text, f"{expected!r} not in the PDF's text:\n{text[:1500]}"
