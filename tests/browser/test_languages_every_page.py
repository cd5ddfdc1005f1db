"""Every public page in every language, in Chromium with axe-core: the notices, open data, search,
the local picture, email updates, events, the strategy from its index to an initiative and the
progress report, the consultations and a closed survey's public results summary, a plain content
page and the forum's front and sign-in page.

Each is served with the right `<html lang dir>` (Urdu and Arabic right to left), its own words
in the visitor's language, the language bar with every language and the current one marked,
no serious or critical axe violation, and nothing loaded from another host. One browser context
per language, on the seeded demo site the other language tests use."""

import pytest

from tests.browser.conftest import _manage
from tests.browser.test_languages import LANGUAGES, RIGHT_TO_LEFT
from tests.browser.test_languages_notices import MAKE_STANDARD_PAGE, STANDARD_SLUG
from tests.browser.test_officers import MAKE_CLOSED_SURVEY

pytestmark = pytest.mark.browser

PAGES = [
    "/privacy/",
    "/cookies/",
    "/accessibility/",
    "/open-data/",
    "/search/?q=youth",
    "/local-picture/",
    "/subscribe/",
    "/events/",
    "/strategy/",
    "/strategy/education/",
    "/strategy/education/reach-project/",
    "/strategy/progress-report/",
    "/consultations/",
    "/consultations/public-conversations-on-knife-crime/",  # closed: what we asked, what we did
    "/consultations/results-summary-test/results/",  # a closed survey's public results summary
    f"/{STANDARD_SLUG}/",
    "/forum/",
    "/accounts/login/",
]


# What each page shows, read in one go: the html element's lang and dir, the direction the body
# is laid out in, the language bar's links (language, address without the query, current), and
# the language of the first of the page's own words (None if it has none).
SEEN = """() => {
    const fixed = document.querySelector("main :is(button, h1:not([lang]), h2:not([lang]))");
    return {
        lang: document.documentElement.getAttribute("lang"),
        dir: document.documentElement.getAttribute("dir"),
        bodyDirection: getComputedStyle(document.body).direction,
        bar: [...document.querySelectorAll("nav.language-switcher a")].map(link => [
            link.getAttribute("lang"),
            link.getAttribute("href").split("?")[0],
            link.getAttribute("aria-current") === "true",
        ]),
        fixedWordsLang: fixed ? fixed.closest("[lang]").getAttribute("lang") : null,
    };
}"""


@pytest.fixture(scope="module")
def standard_page(demo_site):
    """A plain content page and a closed survey with published results, with their copies in
    the other languages' trees."""
    _manage(["shell", "-c", MAKE_STANDARD_PAGE], demo_site.env)
    copies = "\nfrom core.translations import trees_sync\ntrees_sync()\n"
    _manage(["shell", "-c", MAKE_CLOSED_SURVEY + copies], demo_site.env)


@pytest.mark.parametrize("tag", LANGUAGES)
def test_every_public_page_in_each_language(new_context, axe_check, demo_site, standard_page, tag):
    direction = "rtl" if tag in RIGHT_TO_LEFT else "ltr"
    context = new_context()
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    for path in PAGES:
        response = page.goto(LANGUAGES[tag] + path)
        assert response is not None and response.status == 200, f"{tag} {path} answered {response and response.status}"
        seen = page.evaluate(SEEN)
        assert (seen["lang"], seen["dir"], seen["bodyDirection"]) == (tag, direction, direction), path
        # The language bar: every language, this one marked as current, each link to this page.
        address = path.partition("?")[0]
        assert seen["bar"] == [[other, LANGUAGES[other] + address, other == tag] for other in LANGUAGES], path
        # The page's own words (its first button or heading editors did not write) are in the
        # visitor's language, not left in English.
        assert seen["fixedWordsLang"] in (tag, None), path
        axe_check(page)

    assert requested, "no requests were recorded"
    elsewhere = [url for url in requested if not url.startswith(demo_site.url + "/")]
    assert not elsewhere, f"requests to other hosts: {elsewhere}"
