"""Pinned quotes for a survey's report: the check for names, phone numbers and email addresses,
the warning an officer must acknowledge, five per theme, unpinning, who may, and the selector
the report reads (consultation/quotes.py, consultation/admin_feedback/quotes.py)."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import ModelLogEntry

from consultation.models import Feedback, PinnedQuote
from consultation.quotes import pii_findings
from consultation.selectors import pinned_quotes
from consultation.services import QuoteRefused, feedback_redact, quote_pin, quote_unpin
from core.models import Theme

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "kind", "found"),
    [
        ("Email me at sam.jones@example.co.uk please", "email address", "sam.jones@example.co.uk"),
        ("write to sam at example dot com", "email address", "sam at example dot com"),
        ("Ring 07700 900123 any time", "phone number", "07700 900123"),
        ("ring +44 7700 900 123", "phone number", "+44 7700 900 123"),
        ("call (0116) 454 1000 and ask", "phone number", "(0116) 454 1000"),
        ("call 0116-454-1000", "phone number", "0116-454-1000"),
        ("my name is Tariq and I live here", "name", "Tariq"),
        ("I'm Kacper, I walk this way every day", "name", "Kacper"),
        ("my son Dwayne was stabbed", "name", "Dwayne"),
        ("Mrs Okonkwo at number 12 saw it", "name", "Okonkwo"),
        ("Priya and her friends were scared", "name", "Priya"),
    ],
)
def test_the_check_finds_names_phone_numbers_and_email_addresses(text, kind, found):
    assert (kind, found) in [(finding.kind, finding.found) for finding in pii_findings(text)]


@pytest.mark.parametrize(
    "text",
    [
        "More youth clubs and better lighting in the park.",
        "I'm worried about the underpass after dark.",
        "I am Muslim and I feel safe at the mosque.",
        "Will the council put more police on foot in 2024?",
        "The bus at 10 pm is always late.",
        "priya and ali is not a name the check sees without a capital",
    ],
)
def test_everyday_words_are_not_taken_for_names_or_numbers(text):
    assert pii_findings(text) == []


@pytest.fixture
def officer():
    return get_user_model().objects.get(username="officer")


@pytest.fixture
def theme():
    return Theme.objects.get(slug="young-people")


def _feedback(survey, theme, text="More youth clubs would keep kids off the street.", **fields):
    feedback = Feedback.objects.create(source=Feedback.Source.SURVEY, survey=survey, text=text, **fields)
    feedback.themes.add(theme)
    return feedback


def test_a_clean_quote_is_pinned_at_once_and_logged_without_its_words(survey, theme, officer):
    feedback = _feedback(survey, theme)
    quote, findings = quote_pin(feedback=feedback, theme=theme, user=officer)
    assert findings == [] and quote.text == feedback.text and not quote.warning_acknowledged
    entry = ModelLogEntry.objects.for_instance(feedback).get(action="consultation.quote_pinned")
    assert entry.data == {"theme": theme.name}
    assert entry.user == officer


def test_a_quote_with_a_name_needs_the_warning_acknowledged(survey, theme, officer):
    feedback = _feedback(survey, theme, text="My name is Tariq and the park needs lights.")
    quote, findings = quote_pin(feedback=feedback, theme=theme, user=officer)
    assert quote is None and [finding.kind for finding in findings] == ["name"]
    assert not PinnedQuote.objects.exists()
    quote, findings = quote_pin(feedback=feedback, theme=theme, user=officer, acknowledged=True)
    assert quote.warning_acknowledged
    log = ModelLogEntry.objects.for_instance(feedback).get(action="consultation.quote_pinned")
    assert "Tariq" not in str(log.data)


def test_an_excerpt_leaves_the_name_out_and_must_be_their_words(survey, theme, officer):
    feedback = _feedback(survey, theme, text="My name is Tariq and the park needs  lights after dark.")
    quote, findings = quote_pin(feedback=feedback, theme=theme, user=officer, excerpt="the park needs lights")
    assert findings == [] and quote.text == "the park needs lights"
    with pytest.raises(QuoteRefused, match="words copied from what they said"):
        quote_pin(feedback=feedback, theme=theme, user=officer, excerpt="the park needs torches")


def test_at_most_five_quotes_per_theme_per_survey(survey, theme, officer):
    for index in range(5):
        quote_pin(feedback=_feedback(survey, theme, text=f"Quote number {index}"), theme=theme, user=officer)
    with pytest.raises(QuoteRefused, match="already has 5 quotes pinned"):
        quote_pin(feedback=_feedback(survey, theme, text="The sixth"), theme=theme, user=officer)
    other = Theme.objects.get(slug="communities")
    quote, _ = quote_pin(feedback=_feedback(survey, other, text="Another theme"), theme=other, user=officer)
    assert quote is not None
    quote_unpin(quote=PinnedQuote.objects.filter(theme=theme).first(), user=officer)
    quote, _ = quote_pin(feedback=_feedback(survey, theme, text="Now it fits"), theme=theme, user=officer)
    assert quote is not None


def test_what_cannot_be_quoted(survey, theme, officer):
    with pytest.raises(QuoteRefused, match="Only what people said in a survey"):
        quote_pin(feedback=_feedback(None, theme), theme=theme, user=officer)
    with pytest.raises(QuoteRefused, match="safeguarding"):
        quote_pin(feedback=_feedback(survey, theme, safeguarding_flag=True), theme=theme, user=officer)
    with pytest.raises(QuoteRefused, match="Confirm the theme"):
        quote_pin(feedback=_feedback(survey, theme), theme=Theme.objects.get(slug="education"), user=officer)


def test_removing_personal_details_from_the_feedback_unpins_its_quotes(survey, theme, officer):
    feedback = _feedback(survey, theme, text="Tariq says the park needs lights.")
    quote_pin(feedback=feedback, theme=theme, user=officer, acknowledged=True)
    feedback_redact(feedback=feedback, user=officer, reason="A name", words="Tariq")
    assert not PinnedQuote.objects.exists()


def test_the_selector_groups_quotes_by_theme_in_order(survey, theme, officer):
    communities = Theme.objects.get(slug="communities")
    quote_pin(feedback=_feedback(survey, communities, text="Neighbours look out"), theme=communities, user=officer)
    quote_pin(feedback=_feedback(survey, theme, text="First"), theme=theme, user=officer)
    quote_pin(feedback=_feedback(survey, theme, text="Second"), theme=theme, user=officer)
    grouped = pinned_quotes(survey=survey)
    assert [(group.theme.slug, group.quotes) for group in grouped] == [
        ("young-people", ["First", "Second"]),
        ("communities", ["Neighbours look out"]),
    ]


# --- The admin pages -------------------------------------------------------------------------


def test_the_officer_pins_from_the_inspect_page_after_acknowledging_the_warning(client, survey, theme, officer):
    feedback = _feedback(survey, theme, text="Call me on 07700 900123 about the park.")
    client.force_login(officer)
    inspect = client.get(reverse("wagtailsnippets_consultation_feedback:inspect", args=[feedback.pk]))
    assert "Pin a quote for the report" in inspect.content.decode()
    url = reverse("consultation_quotes:pin", args=[feedback.pk])
    warned = client.post(url, {"theme": theme.pk})
    html = warned.content.decode()
    assert warned.status_code == 200 and "Check this quote before pinning it" in html
    assert "phone number" in html and "07700 900123" in html and 'name="acknowledged"' in html
    assert not PinnedQuote.objects.exists()
    unticked = client.post(url, {"theme": theme.pk, "checked": "1"})
    assert "Tick the box to say you have read the quote" in unticked.content.decode()
    assert not PinnedQuote.objects.exists()
    pinned = client.post(url, {"theme": theme.pk, "checked": "1", "acknowledged": "on"})
    assert pinned.status_code == 302
    quote = PinnedQuote.objects.get()
    assert quote.warning_acknowledged and quote.pinned_by == officer
    inspect = client.get(reverse("wagtailsnippets_consultation_feedback:inspect", args=[feedback.pk]))
    assert "Unpin" in inspect.content.decode()
    client.post(reverse("consultation_quotes:unpin", args=[quote.pk]))
    assert not PinnedQuote.objects.exists()


def test_bad_input_comes_back_with_a_message(client, survey, theme, officer):
    feedback = _feedback(survey, theme)
    client.force_login(officer)
    url = reverse("consultation_quotes:pin", args=[feedback.pk])
    for data in (
        {},
        {"theme": "999999"},
        {"theme": theme.pk, "excerpt": "x" * 1001},
        {"theme": theme.pk, "excerpt": "words they never wrote"},
        {"theme": "1\x00"},
    ):
        response = client.post(url, data)
        assert response.status_code == 200 and "There is a problem" in response.content.decode(), data
    assert not PinnedQuote.objects.exists()
    assert client.get(reverse("consultation_quotes:unpin", args=[1])).status_code == 404


@pytest.mark.parametrize("username", ["editor", "moderator", "safeguarding", "dataprotection"])
def test_only_officers_may_pin_or_unpin(client, survey, theme, officer, username):
    feedback = _feedback(survey, theme)
    quote, _ = quote_pin(feedback=feedback, theme=theme, user=officer)
    client.force_login(get_user_model().objects.get(username=username))
    response = client.post(reverse("consultation_quotes:pin", args=[feedback.pk]), {"theme": theme.pk})
    assert response.status_code in (302, 403)
    client.post(reverse("consultation_quotes:unpin", args=[quote.pk]))
    assert PinnedQuote.objects.count() == 1
