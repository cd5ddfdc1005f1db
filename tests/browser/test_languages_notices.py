"""The pages whose fixed words were translated last, in Chromium with axe-core, in Urdu (right to
left) and Polish: a plain content page, the open data page and the three notices (privacy,
cookies, accessibility). Each is in the visitor's language, not wrapped as English, marks what
editors wrote as English, and passes axe."""

import pytest

from tests.browser.conftest import _manage
from tests.browser.test_languages_journeys import _open

pytestmark = pytest.mark.browser

STANDARD_SLUG = "about-this-website-languages"
MAKE_STANDARD_PAGE = f"""
from django.core.management import call_command
from wagtail.models import Locale
from home.models import HomePage, StandardPage
if not StandardPage.objects.filter(slug={STANDARD_SLUG!r}).exists():
    page = StandardPage(title="About this website", slug={STANDARD_SLUG!r}, intro="Who runs it and why.")
    HomePage.objects.get(locale=Locale.get_default()).add_child(instance=page)
    page.save_revision().publish()
    call_command("sync_locale_trees")  # its copies in the other languages' trees
"""
# The fixed words each page must show in the visitor's language.
WORDS = {
    "ur": {
        "/open-data/": "اوپن ڈیٹا",
        "/cookies/": "وہ کوکیز جو یہ سائٹ لگاتی ہے",
        "/privacy/": "آپ کے حقوق، اور انہیں کیسے استعمال کریں",
        "/accessibility/": "ہم نے اس ویب سائٹ کو کیسے جانچا",
    },
    "pl": {
        "/open-data/": "Jak chronimy małe liczby",
        "/cookies/": "Pliki cookie, które ustawia ta strona",
        "/privacy/": "Twoje prawa i jak z nich korzystać",
        "/accessibility/": "Jak testowaliśmy tę stronę",
    },
}


@pytest.mark.parametrize("code", ["ur", "pl"])
def test_the_notices_open_data_and_content_pages_are_in_the_visitors_language(new_context, axe_check, demo_site, code):
    _manage(["shell", "-c", MAKE_STANDARD_PAGE], demo_site.env)
    page = new_context().new_page()
    for path, words in WORDS[code].items():
        _open(page, path, code)
        assert words in page.locator("main").inner_text(), path
        if path != "/open-data/":  # the open data page shows nothing editors wrote
            assert page.locator("main h1").get_attribute("lang") == "en-GB", path
        axe_check(page)
    # The privacy notice's register is in the visitor's language too: nothing in it is marked
    # English, and it names the staff groups in that language.
    _open(page, "/privacy/", code)
    assert page.locator("main dd").count() > 0
    assert page.locator("main dd[lang='en-GB'], main dd [lang='en-GB']").count() == 0
    register = page.locator("main dl.facts").first.inner_text()
    assert {"ur": "سائٹ کے منتظمین", "pl": "Administratorzy strony"}[code] in register  # The site's administrators
    # A plain content page: nothing but what editors wrote, marked English, and the notice
    # that it is not yet in the visitor's language.
    response = page.goto(f"/{code}/{STANDARD_SLUG}/")
    assert response is not None and response.status == 200
    assert page.locator("html").get_attribute("lang") == code
    assert page.locator("main h1").get_attribute("lang") == "en-GB"
    assert page.locator("main .lead").get_attribute("lang") == "en-GB"
    axe_check(page)
