"""The privacy notice, the cookies page and the accessibility statement are generated from what
the site does (core/privacy.py, core/cookies.py, home/notices.py), so they cannot drift from it."""

import json
import re
from datetime import date
from html import unescape

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.test import Client
from django.utils import translation

from core.cookies import seconds_in_words, site_cookie_names, site_cookies
from core.models import DataRetentionSettings, SiteSettings
from core.personal_data import personal_data_sources
from core.privacy import privacy_purposes
from core.retention import RULE_KEYS
from core.seeding import publish_child
from home import notices
from home.models import AccessibilityStatementPage, CookiesPage, HomePage, PrivacyNoticePage, StandardPage
from home.seeding import notices_seed, site_settings_seed

pytestmark = pytest.mark.django_db


def _html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


# --- The privacy notice ---------------------------------------------------------------------------


def test_every_kind_of_personal_data_and_every_retention_rule_is_in_some_purpose():
    purposes = privacy_purposes()
    covered_sources = {key for purpose in purposes for key in purpose.source_keys}
    assert {source.key for source in personal_data_sources()} <= covered_sources
    covered_rules = {key for purpose in purposes for key in purpose.retention_keys}
    assert set(RULE_KEYS) <= covered_rules
    # And no purpose names a source or a rule that does not exist.
    assert covered_sources <= {source.key for source in personal_data_sources()}
    assert covered_rules <= set(RULE_KEYS)


def test_the_notice_covers_each_purpose_with_its_basis_who_sees_it_and_how_long(client):
    html = _html(client, "/privacy/")
    for title in (
        "Answering a consultation",
        "Telling us what would make you feel safer (youth voice)",
        "Asking us to contact you about what you said",
        "Keeping people safe (safeguarding)",
        "Booking a place at an event, or joining its waiting list",
        "The Community Parent Forum",
        "Staff who run the site",
    ):
        assert f">{title}</h2>" in html, title
    for basis in ("Article 6(1)(e)", "Article 6(1)(a)", "Article 6(1)(d)", "Article 9(2)(g)"):
        assert basis in html, basis
    # Retention, read from the settings: the defaults.
    assert "12 months" in html or "1 year" in html
    assert "6 years" in html
    assert "2 years" in html
    # Who sees contact requests: the group that holds the permission.
    assert "Council staff in the Safeguarding group" in html
    # Rights and the ICO.
    assert "ico.org.uk/make-a-complaint" in html
    assert "0303 123 1113" in html
    assert "within one month" in html


def test_a_new_retention_period_shows_on_the_notice_at_once(client):
    client.get("/privacy/")  # cached
    retention = DataRetentionSettings.load()
    retention.contact_request_days = 180
    retention.save()
    assert "Contact details left with a survey or youth voice answer: 180 days after" in _html(client, "/privacy/")


def test_a_group_given_a_permission_is_named_among_those_who_see_the_data(client):
    officers = Group.objects.get(name="Officers")
    officers.permissions.add(
        Permission.objects.get(content_type__app_label="consultation", codename="view_safeguarding")
    )
    html = _html(client, "/privacy/")
    contact_section = html.split('id="consultation-contact-requests"', 1)[1].split("<h2", 1)[0]
    assert "Council staff in the Officers group" in contact_section
    assert "Council staff in the Safeguarding group" in contact_section


def test_the_data_protection_officer_and_ico_number_come_from_the_site_settings(client):
    settings = SiteSettings.objects.get()
    settings.dpo_email = "dpo@example.gov.uk"
    settings.dpo_address = "City Hall\n115 Charles Street"
    settings.ico_registration_number = "Z1234567"
    settings.save()
    html = _html(client, "/privacy/")
    assert 'href="mailto:dpo@example.gov.uk"' in html
    assert "City Hall<br>115 Charles Street" in html
    assert "registration number Z1234567" in html


def _main(html: str) -> str:
    return html.split('<main id="main-content"', 1)[1].split("</main>", 1)[0]


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (
            "ur",
            [
                ">کسی مشاورت کا جواب دینا</h2>",  # Answering a consultation
                "سروے کے سوالات کے آپ کے جوابات",  # Your answers to the survey's questions
                "<strong>عوامی فریضہ</strong>",  # Public task
                "تحفظ گروپ میں کونسل کا عملہ",  # Council staff in the Safeguarding group
                "سائٹ کے منتظمین",  # The site's administrators
                "تحفظ کی ٹیم کو الرٹ کا لنک ای میل کیا جاتا ہے۔",  # What we send: the alert's email
                "سروے یا نوجوانوں کی آواز کے جواب کے ساتھ دی گئی رابطے کی تفصیلات: مشاورت بند ہونے کے 1 سال بعد",
            ],
        ),
        (
            "pl",
            [
                ">Udział w konsultacjach</h2>",
                "Twoje odpowiedzi na pytania ankiety",
                "<strong>Zadanie publiczne</strong>",
                "Pracownicy rady w grupie Ochrona",
                "Administratorzy strony",
                "Zespół ds. ochrony otrzymuje e-mailem link do zgłoszenia.",
                "Dane kontaktowe pozostawione z odpowiedzią na ankietę lub w głosie młodzieży: 1 rok po zakończeniu",
            ],
        ),
    ],
)
def test_the_notice_is_in_the_visitors_language_but_what_editors_wrote_is_marked_english(
    client, translated_demo, code, words
):
    main = _main(unescape(_html(client, f"/{code}/privacy/")))
    for word in words:
        assert word in main, word
    # None of the register is left in English: no purpose's title, no basis, no group line.
    for english in ("Answering a consultation", "Public task", "Council staff in the", "How long we keep it"):
        assert english not in main, english
    # Nothing generated is marked as English any more; only the editors' title and intro are.
    marked = re.findall(r'<(\w+)[^>]* lang="en-GB"', main)
    assert marked and set(marked) <= {"h1", "p", "span", "div"}, marked
    assert not re.search(r'<(dd|h2|a)[^>]* lang="en-GB"', main)


def test_a_group_an_administrator_added_is_named_as_written_and_marked_english(client, translated_demo):
    group = Group.objects.create(name="Partners <b>")
    group.permissions.add(Permission.objects.get(content_type__app_label="consultation", codename="view_safeguarding"))
    main = _main(_html(client, "/ur/privacy/"))
    assert '<span lang="en-GB" dir="ltr">Partners &lt;b&gt;</span> گروپ میں کونسل کا عملہ' in main


@pytest.mark.parametrize("number", ["1234567", "Z12", "z1234567", "Z1234567<script>", "ZZZ1234567"])
def test_an_ico_number_that_is_not_one_is_refused(number):
    settings = SiteSettings.objects.get()
    settings.ico_registration_number = number
    with pytest.raises(ValidationError) as error:
        settings.full_clean()
    assert "ico_registration_number" in error.value.message_dict


# --- Cookies --------------------------------------------------------------------------------------


def test_the_cookies_page_lists_every_cookie_from_the_settings(client, settings):
    html = _html(client, "/cookies/")
    for cookie in site_cookies():
        assert f"<code>{cookie.name}</code>" in html
    assert "shows no cookie banner" in html
    settings.SESSION_COOKIE_NAME = "council_session"
    assert "council_session" in site_cookie_names()
    assert "<code>council_session</code>" in _html(Client(), "/cookies/?fresh")


def test_a_response_that_sets_an_unlisted_cookie_fails_the_suite():
    with pytest.raises(AssertionError, match="tracker"):
        HttpResponse().set_cookie("tracker", "1")
    HttpResponse().set_cookie("csrftoken", "1")  # a listed one is fine


def test_the_cookies_a_survey_a_booking_and_signing_in_set_are_all_listed(client, admin_user):
    seen = set()

    def visit(response):
        seen.update(response.cookies.keys())
        return response

    csrf_client = Client(enforce_csrf_checks=True)
    visit(csrf_client.get("/"))
    youth = visit(csrf_client.get("/have-your-say/"))
    assert youth.status_code == 200
    visit(csrf_client.get("/accounts/login/"))
    visit(csrf_client.post("/admin/login/", {"username": "admin", "password": "wrong"}))
    client.force_login(admin_user)
    visit(client.get("/admin/"))
    assert {"csrftoken"} <= seen
    assert seen <= site_cookie_names(), seen - site_cookie_names()


# --- The accessibility statement ------------------------------------------------------------------


def test_the_statement_has_the_model_statements_sections(client):
    html = _html(client, "/accessibility/")
    for heading in (
        "How accessible this website is",
        "Feedback and contact information",
        "Reporting accessibility problems with this website",
        "Enforcement procedure",
        "Technical information about this website's accessibility",
        "Compliance status",
        "Non-accessible content",
        "Disproportionate burden",
        "What we're doing to improve accessibility",
        "How we tested this website",
        "Preparation of this accessibility statement",
    ):
        assert f">{heading}</h" in html, heading
    assert "Equality Advisory and Support Service" in html
    assert "This website is fully compliant with" in html


def test_known_issues_an_editor_lists_are_shown_with_their_criterion_and_plan(client):
    page = AccessibilityStatementPage.objects.get()
    page.compliance = AccessibilityStatementPage.Compliance.PARTIAL
    page.known_issues = [
        (
            "issue",
            {
                "problem": "Some older PDF reports are not tagged for screen readers.",
                "criterion": "1.3.1 Info and relationships",
                "plan": "We will replace them with web pages by March 2027.",
            },
        )
    ]
    page.save_revision().publish()
    html = _html(client, "/accessibility/")
    assert "partially compliant" in html
    assert "Some older PDF reports are not tagged for screen readers." in html
    assert "success criterion 1.3.1 Info and relationships" in html
    assert "We will replace them with web pages by March 2027." in html


def test_fully_compliant_with_known_issues_or_a_review_before_preparation_is_refused():
    page = AccessibilityStatementPage.objects.get()
    page.known_issues = [("issue", {"problem": "A problem", "criterion": "", "plan": ""})]
    page.compliance = AccessibilityStatementPage.Compliance.FULL
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "compliance" in error.value.message_dict
    page.known_issues = []
    page.prepared_on = date(2026, 12, 1)
    page.reviewed_on = date(2026, 11, 1)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "reviewed_on" in error.value.message_dict


def test_how_we_tested_is_read_from_the_record_of_the_last_release(client, tmp_path, monkeypatch):
    record = tmp_path / "accessibility_checks.json"
    record.write_text(
        json.dumps(
            {
                "passed_on": "2026-12-02",
                "commit": "abc1234",
                "axe_version": "4.10.0",
                "rulesets": ["wcag2a"],
                "pages": ["/", "/have-your-say/", "/admin/", "/admin/pages/{id}/edit/"],
                "keyboard_journeys": ["Young person answers youth voice with the keyboard alone"],
                "no_javascript_journeys": ["Resident answers a survey without javascript"],
            }
        )
    )
    monkeypatch.setattr(notices, "ACCESSIBILITY_CHECKS_FILE", record)
    monkeypatch.setattr(notices.accessibility_checks, "__defaults__", (record,))
    html = _html(client, "/accessibility/")
    assert "These checks last passed on 2 December 2026, for release abc1234." in html
    assert "2 public pages" in html
    assert "2 pages of the staff admin" in html
    assert "Young person answers youth voice with the keyboard alone" in html
    assert "axe-core</a> 4.10.0" in html

    record.unlink()
    html = _html(Client(), "/accessibility/?fresh")
    assert "has not been through a release" in html


def test_the_browser_tests_write_the_record_only_when_pages_were_checked(tmp_path):
    from tests.browser import conftest as browser

    path = tmp_path / "record.json"
    saved = set(browser.AXE_CHECKED_PAGES)
    try:
        browser.AXE_CHECKED_PAGES.clear()
        assert browser.accessibility_record_write(path) is False
        assert not path.exists()
        browser.AXE_CHECKED_PAGES.update(
            {
                "/",
                browser._page_path("http://127.0.0.1:8000/admin/pages/42/edit/?x=1"),
                browser._page_path("http://127.0.0.1:8000/subscribe/confirm/abc:1xY:Zz-9/"),
            }
        )
        assert browser.accessibility_record_write(path) is True
        record = json.loads(path.read_text())
        assert record["pages"] == ["/", "/admin/pages/{id}/edit/", "/subscribe/confirm/{token}/"]
        assert record["passed_on"] == date.today().isoformat()
        assert notices.accessibility_checks(path).staff_pages == ["/admin/pages/{id}/edit/"]
    finally:
        browser.AXE_CHECKED_PAGES.clear()
        browser.AXE_CHECKED_PAGES.update(saved)


# --- Seeding ----------------------------------------------------------------------------------------


def test_seeding_replaces_the_old_plain_demo_notices_and_nothing_else():
    home = HomePage.objects.get()
    PrivacyNoticePage.objects.get().delete()
    CookiesPage.objects.get().delete()
    publish_child(
        home,
        StandardPage(title="Privacy notice", slug="privacy", intro="What this website collects about you, and why."),
    )
    own = publish_child(home, StandardPage(title="Our cookies", slug="cookies", intro="The council's own words."))
    site_settings_seed(home=home, notices=notices_seed(home=home))
    assert PrivacyNoticePage.objects.get().slug == "privacy"
    assert not CookiesPage.objects.exists()
    assert StandardPage.objects.get(pk=own.pk).title == "Our cookies"
    settings = SiteSettings.objects.get()
    assert settings.privacy_page_id == PrivacyNoticePage.objects.get().pk
    assert settings.cookies_page_id == own.pk


def test_what_each_test_process_checked_is_gathered_into_one_record(tmp_path):
    """`make test` runs the suite in two processes: the main one writes what both checked."""
    from tests.browser import conftest as browser

    path = tmp_path / "record.json"
    saved = [set(s) for s in (browser.AXE_CHECKED_PAGES, browser.KEYBOARD_JOURNEYS, browser.NO_JAVASCRIPT_JOURNEYS)]
    try:
        for held in (browser.AXE_CHECKED_PAGES, browser.KEYBOARD_JOURNEYS, browser.NO_JAVASCRIPT_JOURNEYS):
            held.clear()
        browser.AXE_CHECKED_PAGES.add("/")
        browser.accessibility_checks_add(
            {"pages": ["/events/"], "keyboard_journeys": ["Parent books an event"], "no_javascript_journeys": []}
        )
        assert browser.accessibility_checks_taken()["pages"] == ["/", "/events/"]
        assert browser.accessibility_record_write(path) is True
        record = json.loads(path.read_text())
        assert record["pages"] == ["/", "/events/"] and record["keyboard_journeys"] == ["Parent books an event"]
    finally:
        for held, before in zip(
            (browser.AXE_CHECKED_PAGES, browser.KEYBOARD_JOURNEYS, browser.NO_JAVASCRIPT_JOURNEYS), saved, strict=True
        ):
            held.clear()
            held.update(before)


def test_how_long_a_cookie_lasts_is_in_the_visitors_language(client):
    assert seconds_in_words(2 * 7 * 86400) == "2 weeks" and seconds_in_words(3600) == "1 hour"
    with translation.override("pl"):
        assert seconds_in_words(2 * 7 * 86400) == "2 tygodnie"
        assert seconds_in_words(5 * 60) == "5 minut"
    html = client.get("/pl/cookies/").content.decode()
    assert "Dlaczego nie prosimy o zgodę" in html
    assert "Do zamknięcia przeglądarki" in html or "Najwyżej" in html
