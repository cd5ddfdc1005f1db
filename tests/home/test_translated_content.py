"""What editors write, translated (wagtail-localize, core/translations.py): a page tree per
language, English pages shown with the notice until translated, a translation served in its
language, the PO file round trip an editor does with the council's supplier, surveys answered
in another language recorded against the English survey, and every list, feed and count
showing each item once although each language has its own copy of every page."""

import io
import re
from html import unescape

import feedparser
import polib
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import translation
from wagtail.models import Locale, Page

from consultation import demo_translations
from consultation.models import Answer, Response, SurveyIndexPage, SurveyPage, SurveyQuestion, YouthVoicePage
from consultation.selectors import surveys_with_response_counts
from core.translations import page_translated_with, page_translation_po, trees_sync
from events.models import EventIndexPage, EventPage
from events.selectors import events_for_staff
from subscriptions.models import Item

pytestmark = pytest.mark.django_db

OTHER_CODES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
DEMO_SURVEY_SLUG = "feeling-safe-where-you-live"


def _html(response) -> str:
    assert response.status_code == 200, response.status_code
    return unescape(response.content.decode())


def _main(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


def _content_notice(code: str) -> str:
    """The notice a translated template shows over English content, in language `code`."""
    name = dict(settings.LANGUAGES)[code]
    with translation.override(code):
        return translation.gettext(
            "What the council wrote on this page is not yet available in %(language)s, so it is shown in English."
        ) % {"language": name}


def _english(model):
    return model.objects.filter(locale__language_code=settings.LANGUAGE_CODE)


# --- Locales and trees ------------------------------------------------------------------------


def test_a_locale_for_every_language_with_english_the_default():
    assert sorted(Locale.objects.values_list("language_code", flat=True)) == sorted(
        code for code, _name in settings.LANGUAGES
    )
    assert Locale.get_default().language_code == settings.LANGUAGE_CODE


def _every_language_has_a_copy_of_every_english_page():
    english = _english(Page).filter(depth__gt=1, live=True)
    keys = set(english.values_list("translation_key", flat=True))
    for code in OTHER_CODES:
        copies = Page.objects.filter(locale__language_code=code, live=True)
        assert set(copies.values_list("translation_key", flat=True)) == keys, code
    # The drafted translations replaced the aliases of the youth voice page and the open demo
    # survey; the rest are aliases.
    translated = Page.objects.exclude(locale__language_code=settings.LANGUAGE_CODE).filter(alias_of__isnull=True)
    assert sorted((page.specific_class.__name__, page.slug) for page in translated) == sorted(
        [("YouthVoicePage", "have-your-say"), ("SurveyPage", DEMO_SURVEY_SLUG)] * len(OTHER_CODES)
    )


# --- Fallback, and a translation served in its language -------------------------------------------


def test_untranslated_pages_fall_back_to_english_and_translations_are_served_in_their_language(client, translated_demo):
    """One test, as building every language's tree takes a while."""
    _every_language_has_a_copy_of_every_english_page()
    _an_untranslated_page_is_english_with_the_notice_in_the_visitors_language(client)
    _an_untranslated_page_with_untranslated_fixed_words_is_wrapped_as_english(client)
    _the_drafted_translation_is_served_in_its_language(client)
    _links_on_a_translated_page_stay_in_its_language(client)


def _an_untranslated_page_is_english_with_the_notice_in_the_visitors_language(client):
    html = _html(client.get("/ur/events/"))
    assert '<html lang="ur" dir="rtl">' in html
    main = _main(html)
    assert _content_notice("ur") in main
    assert re.search(r'<h1 lang="en-GB" dir="ltr">', main)
    # Its links stay in Urdu: they go to the Urdu tree's copies.
    event = _english(EventPage).live().first()
    assert f'href="/ur/events/{event.slug}/"' in main


def _an_untranslated_page_with_untranslated_fixed_words_is_wrapped_as_english(client):
    main = _main(_html(client.get("/ur/strategy/")))
    assert '<div lang="en-GB" dir="ltr">' in main


def _the_drafted_translation_is_served_in_its_language(client):
    for code, title in (("ur", "اپنی بات کہیں"), ("pl", "Powiedz, co myślisz"), ("so", "Codkaaga ka dhiib")):
        html = _html(client.get(f"/{code}/have-your-say/"))
        main = _main(html)
        assert f"<h1>{title}</h1>" in main, code
        assert _content_notice(code) not in main
        assert 'lang="en-GB"' not in main
    assert '<html lang="ur" dir="rtl">' in _html(client.get("/ur/have-your-say/"))
    # English stays English.
    assert "<h1>Have your say</h1>" in _html(client.get("/have-your-say/"))


def _links_on_a_translated_page_stay_in_its_language(client):
    html = _html(client.get("/ur/have-your-say/"))
    nav = html[html.index('<nav class="site-nav') :] if '<nav class="site-nav' in html else html
    hrefs = re.findall(r'href="(/[^"]*)"', nav)
    pages = [href for href in hrefs if not href.startswith(("/static/", "/media/", "/documents/"))]
    english_only = [href for href in pages if not href.startswith(("/ur/", "/gu/", "/pa/", "/pl/", "/so/", "/ar/"))]
    # Only the language bar's English choice leaves Urdu.
    assert english_only and set(english_only) <= {"/have-your-say/"}, english_only


def test_an_alias_is_english_content():
    """Without the demo's translations: an alias in the Urdu tree reads as English."""
    from core.translations import content_language_code

    youth = _english(YouthVoicePage).get()
    alias = youth.copy_for_translation(Locale.objects.get(language_code="ur"), copy_parents=True, alias=True)
    assert content_language_code(alias) == settings.LANGUAGE_CODE


# --- The PO file round trip -----------------------------------------------------------------------


def test_an_editor_exports_a_po_file_and_publishes_the_imported_translation(
    client, translated_demo, django_capture_on_commit_callbacks
):
    client.force_login(get_user_model().objects.get(username="editor"))
    events = _english(EventIndexPage).get()
    urdu = Locale.objects.get(language_code="ur")
    # "Translate this page", into Urdu: the alias in the Urdu tree becomes its translation.
    response = client.post(f"/admin/localize/submit/page/{events.pk}/", {"locales": [urdu.pk]})
    assert response.status_code == 302, response.status_code
    target = EventIndexPage.objects.get(translation_key=events.translation_key, locale=urdu)
    assert target.alias_of_id is None
    # Until its translation is published, the page still reads as English, with the notice.
    assert target.live_revision_id is None
    main = _main(_html(client.get("/ur/events/")))
    assert _content_notice("ur") in main and events.title in main
    from wagtail_localize.models import Translation

    job = Translation.objects.get(source__object_id=events.translation_key, target_locale=urdu)

    download = client.get(f"/admin/localize/translate/{job.pk}/pofile/download/")
    assert download.status_code == 200
    assert download["Content-Disposition"].endswith("-ur.po")
    po = polib.pofile(download.content.decode())
    by_english = {entry.msgid: entry for entry in po}
    assert events.title in by_english
    # The supplier's file comes back with the Urdu.
    by_english[events.title].msgstr = "تقریبات"
    if events.intro:
        by_english[events.intro].msgstr = "آنے والی تقریبات، سب کے لیے کھلی۔"
    upload = io.BytesIO(str(po).encode())
    upload.name = "events-ur.po"
    response = client.post(
        f"/admin/localize/translate/{job.pk}/pofile/upload/",
        {"file": upload, "next": f"/admin/pages/{target.pk}/edit/"},
    )
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/pages/{target.pk}/edit/", {"action": "publish"})
    assert response.status_code in (200, 302)
    target.refresh_from_db()
    assert target.live and target.title == "تقریبات"

    client.logout()
    html = _html(client.get("/ur/events/"))
    assert '<html lang="ur" dir="rtl">' in html
    main = _main(html)
    assert "<h1>تقریبات</h1>" in main
    assert _content_notice("ur") not in main
    # English is untouched.
    assert f"<h1>{events.title}</h1>" in _html(client.get("/events/"))


def test_a_draft_of_a_published_translation_stays_off_the_live_page(client, django_capture_on_commit_callbacks):
    """A translation saved as a draft (wagtail-localize writes it onto the page) is not served
    until an editor publishes it; the published words stay live meanwhile."""
    from core.translations import page_translation_from_po

    events = _english(EventIndexPage).get()
    urdu = Locale.objects.get(language_code="ur")
    events.copy_for_translation(urdu, copy_parents=True, alias=True)
    with django_capture_on_commit_callbacks(execute=True):
        page_translated_with(events, language_code="ur", strings={events.title: "تقریبات"})
    assert "<h1>تقریبات</h1>" in _main(_html(client.get("/ur/events/")))

    po = page_translation_po(events, language_code="ur")
    next(entry for entry in po if entry.msgid == events.title).msgstr = "تقریبات اور میلے"
    with django_capture_on_commit_callbacks(execute=True):
        target = page_translation_from_po(events, language_code="ur", po=po, publish=False)

    main = _main(_html(client.get("/ur/events/")))
    assert "<h1>تقریبات</h1>" in main and "میلے" not in main
    target.refresh_from_db()
    assert target.live and target.has_unpublished_changes and target.title == "تقریبات"
    draft = target.get_latest_revision()
    assert draft.as_object().title == "تقریبات اور میلے"

    draft.publish()
    assert "<h1>تقریبات اور میلے</h1>" in _main(_html(client.get("/ur/events/")))


def test_a_po_file_holds_the_pages_strings_in_english():
    survey = _english(SurveyPage).get(slug="feeling-safe-where-you-live")
    po = page_translation_po(survey, language_code="pl")
    msgids = {entry.msgid for entry in po}
    labels = [q.label for q in survey.questions.all()]
    assert survey.title in msgids and set(labels) <= msgids
    # What answers and rules depend on is not for translators, nor is the address: every
    # language's copy keeps the English slug under its prefix.
    assert not msgids & {q.key for q in survey.questions.all()}
    assert survey.slug not in msgids


# --- Surveys answered in another language ------------------------------------------------------


def _survey_in_english_and_urdu(*, urdu_choices: str) -> tuple[SurveyPage, SurveyPage]:
    index = _english(SurveyIndexPage).get()
    survey = SurveyPage(
        title="Parks at night",
        slug="parks-at-night",
        intro="Two questions about the parks.",
        privacy_notice="<p>Anonymous.</p>",
    )
    park = SurveyQuestion(
        kind=SurveyQuestion.Kind.SINGLE_CHOICE,
        label="Which park do you use most?",
        required=True,
        choices="Abbey Park\nVictoria Park",
        allow_other=True,
    )
    why = SurveyQuestion(kind=SurveyQuestion.Kind.LONG_TEXT, label="Why do you feel unsafe there?")
    why.show_if_key, why.show_if_values = park.key, ["Abbey Park"]
    survey.questions = [park, why]
    index.add_child(instance=survey)
    survey.save_revision().publish()
    # Its copy in the Urdu tree (with the tree's home and index), as the admin makes them.
    survey.copy_for_translation(Locale.objects.get(language_code="ur"), copy_parents=True, alias=True)
    strings = {
        "Parks at night": "رات کو پارک",
        "Two questions about the parks.": "پارکوں کے بارے میں دو سوال۔",
        "Which park do you use most?": "آپ سب سے زیادہ کون سا پارک استعمال کرتے ہیں؟",
        # A PO file shows a text's lines joined by <br/>: translators keep one per line.
        "Abbey Park<br/>Victoria Park": urdu_choices,
        "Why do you feel unsafe there?": "آپ وہاں خود کو غیر محفوظ کیوں محسوس کرتے ہیں؟",
    }
    urdu = page_translated_with(survey, language_code="ur", strings=strings)
    return survey, urdu


def _answer(client, path: str, step_data: dict) -> None:
    """Answer the one step (twice where an answer brings in a question: it must be seen), check
    and send."""
    assert client.get(path).status_code == 200
    for _round in range(2):
        response = client.post(f"{path}answer/1/", {**step_data, "next": "1"})
        assert response.status_code == 302, _html(response)
    response = client.get(f"{path}check/")
    token = re.search(r'name="token" value="([^"]+)"', response.content.decode()).group(1)
    response = client.post(f"{path}check/", {"token": token})
    assert response.status_code == 302 and response["Location"].endswith("thank-you/")


def test_a_response_in_urdu_is_recorded_against_the_english_survey(client):
    survey, urdu = _survey_in_english_and_urdu(urdu_choices="ایبی پارک<br/>وکٹوریہ پارک")
    park, why = survey.questions.all()
    path = "/ur/consultations/parks-at-night/"
    html = _html(client.get(f"{path}answer/1/"))
    # Shown in Urdu, with the English choice as the value sent.
    assert "آپ سب سے زیادہ کون سا پارک استعمال کرتے ہیں؟" in html
    assert re.search(r'value="Abbey Park"[^>]*>\s*<label[^>]*>ایبی پارک</label>', html)
    # The skip rule works in Urdu: choosing the first park brings the second question in.
    _answer(client, path, {f"q{park.pk}": "Abbey Park", f"q{why.pk}": "لائٹس نہیں ہیں"})
    response = Response.objects.get()
    assert response.survey_id == survey.pk and response.language == "ur"
    answer = Answer.objects.get(response=response, question=park)
    assert answer.value == "Abbey Park" and answer.question_text == "Which park do you use most?"
    assert set(response.asked) == {park.pk, why.pk}
    written = Answer.objects.get(response=response, question=why)
    assert written.value == "لائٹس نہیں ہیں" and written.question_text == "Why do you feel unsafe there?"
    assert response.feedback.get().survey_id == survey.pk
    # Counted with the English responses, once.
    assert surveys_with_response_counts().get(pk=survey.pk).response_count == 1
    assert not surveys_with_response_counts().filter(pk=urdu.pk).exists()


def test_a_translation_with_another_number_of_choices_is_not_ready_and_asks_in_english(client):
    survey, urdu = _survey_in_english_and_urdu(urdu_choices="ایبی پارک<br/>وکٹوریہ پارک<br/>بریڈگیٹ پارک")
    assert not urdu.translation_ready()
    park = survey.questions.first()
    html = _html(client.get("/ur/consultations/parks-at-night/answer/1/"))
    assert "Which park do you use most?" in html and "بریڈگیٹ" not in html
    _answer(client, "/ur/consultations/parks-at-night/", {f"q{park.pk}": "Victoria Park"})
    answer = Answer.objects.get(question=park)
    assert answer.value == "Victoria Park" and answer.response.language == "ur"


def _error_messages(response) -> tuple[list[str], list[str]]:
    """The error summary's messages and the fields' messages, as HTML (not unescaped)."""
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    summary = re.findall(
        r"<li><a href=\"#[^\"]+\">(.*?)</a></li>", html.split('class="error-summary"', 1)[1].split("</div>", 1)[0]
    )
    fields = re.findall(
        r'<p class="error-message"[^>]*><span class="visually-hidden">[^<]*</span> (.*?)</p>', html, re.S
    )
    return summary, fields


def test_a_survey_steps_messages_quote_the_question_in_the_visitors_language(
    client, django_capture_on_commit_callbacks
):
    # wagtail-localize publishes a translation once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        survey, urdu = _survey_in_english_and_urdu(urdu_choices="ایبی پارک<br/>وکٹوریہ پارک")
    path = "/ur/consultations/parks-at-night/"
    client.get(path)
    summary, fields = _error_messages(client.post(f"{path}answer/1/", {"next": "1"}))
    message = "“آپ سب سے زیادہ کون سا پارک استعمال کرتے ہیں؟” کا جواب منتخب کریں"  # Choose an answer to “...”
    assert summary == [message] and fields == [message]
    # "Other" chosen with nothing said: quoted in Urdu too.
    park = survey.questions.first()
    summary, _fields = _error_messages(client.post(f"{path}answer/1/", {f"q{park.pk}": "__other__", "next": "1"}))
    assert summary and all("Which park" not in item for item in summary)
    assert "آپ سب سے زیادہ کون سا پارک استعمال کرتے ہیں؟" in summary[0]


def test_a_survey_asked_in_english_on_an_urdu_page_marks_the_quoted_question_english(client):
    survey, urdu = _survey_in_english_and_urdu(urdu_choices="ایبی پارک<br/>وکٹوریہ پارک<br/>بریڈگیٹ پارک")
    assert not urdu.translation_ready()
    park, why = survey.questions.all()
    why.label = "Why <there>?"
    why.show_if_key, why.show_if_values = "", []
    why.save()
    path = "/ur/consultations/parks-at-night/"
    client.get(path)
    summary, fields = _error_messages(client.post(f"{path}answer/1/", {"next": "1"}))
    marked = '<span lang="en-GB" dir="ltr">Which park do you use most?</span>'
    assert summary == [f"“{marked}” کا جواب منتخب کریں"] == fields
    # A message Django fills in itself (how much was written) keeps the mark, and what editors
    # wrote is escaped inside it.
    response = client.post(f"{path}answer/1/", {f"q{park.pk}": "Victoria Park", f"q{why.pk}": "x" * 5001, "next": "1"})
    summary, fields = _error_messages(response)
    assert len(summary) == 1 and summary == fields
    assert summary[0].startswith('“<span lang="en-GB" dir="ltr">Why &lt;there&gt;?</span>”')
    assert "5,001" in summary[0] or "5001" in summary[0]
    # In English nothing is marked.
    client.get("/consultations/parks-at-night/")
    summary, _fields = _error_messages(client.post("/consultations/parks-at-night/answer/1/", {"next": "1"}))
    assert summary == ["Choose an answer to “Which park do you use most?”"]


# --- The demo survey's drafted translations ----------------------------------------------------


def test_every_string_of_the_demo_survey_has_a_drafted_translation_in_every_language():
    """The PO file of the open demo survey, entry by entry, against the drafted translations: a
    question added to or changed in the demo and not translated, or a translation left for a
    string the survey no longer has, fails here. Texts of several lines keep one line per line.
    The address (slug) stays English in every language."""
    survey = _english(SurveyPage).get(slug=DEMO_SURVEY_SLUG)
    assert sorted(demo_translations.SURVEY) == sorted(OTHER_CODES)
    for code in OTHER_CODES:
        entries = [entry for entry in page_translation_po(survey, language_code=code) if entry.msgctxt != "slug"]
        strings = demo_translations.SURVEY[code]
        assert {entry.msgid for entry in entries} == set(strings), code
        for entry in entries:
            translated = strings[entry.msgid]
            assert translated.strip() and translated != entry.msgid, (code, entry.msgid)
            assert translated.count("<br/>") == entry.msgid.count("<br/>"), (code, entry.msgid)
            assert all(line.strip() for line in translated.split("<br/>")), (code, entry.msgid)


def test_the_demo_survey_is_asked_in_each_language_and_answers_are_recorded_in_english(client, translated_demo):
    """With every language's tree built (one test, as building them takes a while)."""
    survey = _english(SurveyPage).get(slug=DEMO_SURVEY_SLUG)
    for code in OTHER_CODES:
        copy = SurveyPage.objects.get(translation_key=survey.translation_key, locale__language_code=code)
        assert copy.alias_of_id is None and copy.live and copy.translation_ready(), code
        assert copy.title == demo_translations.SURVEY[code][survey.title]
    _the_first_step_is_in_urdu(client, survey)
    _an_answer_in_polish_is_recorded_against_the_english_survey(client, survey)
    # Seeding again changes nothing.
    before = list(SurveyPage.objects.order_by("pk").values_list("pk", "latest_revision_id"))
    from home.demo import demo_translations_seed

    demo_translations_seed(home=translated_demo)
    assert list(SurveyPage.objects.order_by("pk").values_list("pk", "latest_revision_id")) == before


def _the_first_step_is_in_urdu(client, survey):
    urdu = demo_translations.SURVEY["ur"]
    day = survey.questions.get(label=demo_translations.Q_DAY)
    worry = survey.questions.get(label=demo_translations.Q_WORRY)
    html = _html(client.get(f"/ur/consultations/{DEMO_SURVEY_SLUG}/answer/1/"))
    assert '<html lang="ur" dir="rtl">' in html
    main = _main(html)
    assert f"<h1>{urdu[demo_translations.SECTION_SAFE]}</h1>" in main
    assert urdu[demo_translations.Q_DAY] in main and demo_translations.Q_DAY not in main
    assert _content_notice("ur") not in main and 'lang="en-GB"' not in main
    # The choices read in Urdu, each sending its English value.
    for value, label in zip(worry.choice_list, urdu[demo_translations.Q_WORRY_CHOICES].split("<br/>"), strict=True):
        assert re.search(rf'value="{value}"[^>]*>\s*<label[^>]*>{label}</label>', main)
    assert f'name="{day.field_name}"' in main


def _an_answer_in_polish_is_recorded_against_the_english_survey(client, survey):
    from tests.consultation.test_survey_journey import _valid_steps

    path = f"/pl/consultations/{DEMO_SURVEY_SLUG}/"
    polish = demo_translations.SURVEY["pl"]
    assert polish[demo_translations.Q_WORRY] in _html(client.get(f"{path}answer/1/"))
    for number, data in enumerate(_valid_steps(survey, feeling="Lepsze oświetlenie w parku"), start=1):
        response = client.post(f"{path}answer/{number}/", {**data, "next": "1"})
        assert response.status_code == 302, _main(_html(response))[:2000]
    check = _html(client.get(f"{path}check/"))
    # The check page shows the questions and the answer chosen in Polish.
    assert polish[demo_translations.Q_WORRY] in check and "Często" in check
    token = re.search(r'name="token" value="([^"]+)"', check).group(1)
    response = client.post(f"{path}check/", {"token": token})
    assert response.status_code == 302 and response["Location"].endswith("thank-you/")

    response = Response.objects.get(is_demo=False, survey=survey)
    assert response.language == "pl" and response.survey_title == survey.title
    worry = Answer.objects.get(response=response, question__label=demo_translations.Q_WORRY)
    assert worry.value == "Often" and worry.question_text == demo_translations.Q_WORRY
    written = Answer.objects.get(response=response, question__label=demo_translations.Q_WOULD_HELP)
    assert written.value == "Lepsze oświetlenie w parku"
    assert not Response.objects.exclude(survey=survey).filter(language="pl").exists()


# --- Each item once ----------------------------------------------------------------------------


def _feed_entries(client, url: str) -> list[str]:
    feed = feedparser.parse(client.get(url).content)
    return [entry.title for entry in feed.entries]


def test_lists_feeds_search_and_counts_show_each_item_once(client, translated_demo):
    """With every language's tree built (one test, as building them takes a while)."""
    _publishing_a_translation_or_an_alias_announces_nothing_new()
    _a_booking_on_the_urdu_copy_of_an_event_is_made_on_the_english_event(client)
    for prefix in ("", "/ur", "/pl"):
        home = _html(client.get(f"{prefix}/"))
        for survey in _english(SurveyPage).live():
            if survey.is_open:
                # Under its own title in the visitor's language where it is translated.
                code = prefix.strip("/") or settings.LANGUAGE_CODE
                title = SurveyPage.objects.get(translation_key=survey.translation_key, locale__language_code=code).title
                assert home.count(f">{title}<") == 1, (prefix, title)
        events = _html(client.get(f"{prefix}/events/"))
        for event in _english(EventPage).live().filter(cancelled=False):
            assert events.count(f">{event.title}<") <= 1, (prefix, event.title)
        for feed in ("/consultations/feed.atom", "/events/feed.atom", "/strategy/progress.atom"):
            titles = _feed_entries(client, f"{prefix}{feed}")
            assert len(titles) == len(set(titles)), (prefix, feed, titles)
        results = _html(client.get(f"{prefix}/search/", {"q": "knife"}))
        links = re.findall(r'<a href="([^"]+)"[^>]*>[^<]*</a>', _main(results))
        assert len(links) == len(set(links)), links
        nav = re.findall(
            r'class="site-nav__link[^"]*"[^>]*href="([^"]+)"|href="([^"]+)"[^>]*class="site-nav__link', home
        )
        nav = [a or b for a, b in nav]
        assert len(nav) == len(set(nav)), nav
    # The sitemap lists each page once.
    locs = re.findall(r"<loc>([^<]+)</loc>", client.get("/sitemap.xml").content.decode())
    assert locs and len(locs) == len(set(locs))
    # Staff figures count the English pages.
    assert surveys_with_response_counts().count() == _english(SurveyPage).count()
    assert all(event.locale.language_code == settings.LANGUAGE_CODE for event in events_for_staff())
    assert (
        events_for_staff().count()
        == _english(EventPage).filter(end_at__gt=__import__("django").utils.timezone.now()).count()
    )


def _publishing_a_translation_or_an_alias_announces_nothing_new():
    before = Item.objects.count()
    trees_sync()
    event = _english(EventPage).live().filter(cancelled=False).order_by("start_at").last()
    page_translated_with(event, language_code="ur", strings={event.title: "ایک تقریب"})
    assert EventPage.objects.get(translation_key=event.translation_key, locale__language_code="ur").live
    assert Item.objects.count() == before


def _a_booking_on_the_urdu_copy_of_an_event_is_made_on_the_english_event(client):
    event = next(e for e in _english(EventPage).live() if e.booking_state() == "open")
    urdu = EventPage.objects.get(translation_key=event.translation_key, locale__language_code="ur")
    response = client.post(
        urdu.url, {"name": "Amna", "email": "amna@example.org", "places": "1", "access_needs": "", "consent": "on"}
    )
    assert response.status_code == 302, response.status_code
    booking = event.bookings.get(email="amna@example.org")
    assert booking.language == "ur" and not urdu.bookings.exists()
    assert response["Location"].startswith("/ur/")
