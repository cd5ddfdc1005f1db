"""A young person can tell us they are at risk in any of the site's languages: the youth voice
checks what they wrote against the shipped safeguarding phrases of every language (drafts
included), shows where to get help, and alerts the Safeguarding group once, naming the
language and never quoting the text. An everyday comment in the same language alerts nobody."""

from html import unescape

import pytest
from django.core import mail

from consultation.models import Feedback
from core.models import SafeguardingPhrase

pytestmark = pytest.mark.django_db

# language code, its name in the alert, a disclosure, an everyday comment
LANGUAGES = [
    (
        "gu",
        "Gujarati",
        "મારા સાવકા પિતા દારૂ પીને મને મારે છે",  # my stepfather hits me when he drinks
        "મારી શાળા પાસે વધુ પોલીસ અને પાર્કમાં સારી લાઇટ હોવી જોઈએ",  # more police near my school, better lights
    ),
    (
        "pa",
        "Punjabi",
        "ਮੇਰੇ ਕੋਲ ਚਾਕੂ ਹੈ ਕਿਉਂਕਿ ਉਹ ਮੈਨੂੰ ਮਾਰ ਦੇਣਗੇ",  # I have a knife because they will kill me
        "ਮੈਂ ਗੁਰਦੁਆਰੇ ਜਾਂਦਾ ਹਾਂ ਅਤੇ ਨੌਜਵਾਨਾਂ ਲਈ ਹੋਰ ਕਲੱਬ ਚਾਹੀਦੇ ਹਨ",  # I go to the gurdwara; more youth clubs
    ),
    (
        "ur",
        "Urdu",
        "میں اپنی حفاظت کے لئے چاقو رکھتا ہوں",  # I carry a knife to protect myself
        "چاقو کے جرائم کم ہونے چاہئیں اور پارک میں بہتر روشنی چاہیے",  # knife crime should fall; better park lights
    ),
    (
        "pl",
        "Polish",
        "Ojczym mnie bije, kiedy jest pijany",  # my stepfather hits me when he is drunk
        "Czuję się bezpiecznie w domu, ale w parku potrzeba więcej światła",  # safe at home; more light in the park
    ),
    (
        "so",
        "Somali",
        "Mindi ayaan sitaa maalin kasta sababtoo ah waan baqayaa",  # I carry a knife every day because I'm scared
        "Waxaan u baahanahay naadiyo dhallinyaro iyo nal fiican oo beerta ah",  # youth clubs and good park lights
    ),
    (
        "ar",
        "Arabic",
        "زوج أمي يضربني كل يوم",  # my mother's husband hits me every day
        "نحتاج إلى المزيد من النوادي للشباب وإضاءة أفضل في الحديقة",  # more youth clubs, better park lights
    ),
]


def _send(client, page, text: str, capture, **headers):
    with capture(execute=True):
        response = client.post(page.url, {"age_band": "11-15", "safer": text}, **headers)
    assert response.status_code == 302
    return response


def test_every_language_ships_draft_phrases_for_every_kind_of_risk():
    for code, _name, _disclosure, _everyday in LANGUAGES:
        phrases = SafeguardingPhrase.objects.filter(language=code)
        assert phrases.exists() and not phrases.filter(reviewed=True).exists(), code
        kinds = set(phrases.values_list("category", flat=True))
        assert kinds >= {"threat", "weapon", "harm_at_home", "self_harm", "exploitation"}, code


@pytest.mark.parametrize(("code", "name", "disclosure", "everyday"), LANGUAGES, ids=[row[0] for row in LANGUAGES])
def test_a_disclosure_in_each_language_is_flagged_and_alerts_once_naming_the_language(
    client, youth_voice_page, django_capture_on_commit_callbacks, code, name, disclosure, everyday
):
    response = _send(client, youth_voice_page, disclosure, django_capture_on_commit_callbacks)

    feedback = Feedback.objects.get()
    assert feedback.safeguarding_flag and feedback.safeguarding_matches
    html = unescape(client.get(response["Location"]).content.decode())
    assert "Get help now" in html and 'href="tel:999"' in html
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert f"The phrases it matched are in {name}." in body
    assert f"/{feedback.pk}/" in body  # a link to it ...
    for word in disclosure.split():
        assert word not in body  # ... and never what they wrote

    # Processing the same feedback again (a retried task) sends nothing twice.
    from consultation import processing

    assert processing.safeguarding_alert_send(feedback=feedback) is False
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(("code", "name", "disclosure", "everyday"), LANGUAGES, ids=[row[0] for row in LANGUAGES])
def test_an_everyday_comment_in_each_language_alerts_nobody(
    client, youth_voice_page, django_capture_on_commit_callbacks, code, name, disclosure, everyday
):
    response = _send(client, youth_voice_page, everyday, django_capture_on_commit_callbacks)

    feedback = Feedback.objects.get()
    assert not feedback.safeguarding_flag and feedback.safeguarding_matches == []
    assert "Get help now" not in unescape(client.get(response["Location"]).content.decode())
    assert mail.outbox == []


def test_the_english_list_still_matches_on_a_page_in_another_language(
    client, youth_voice_page, django_capture_on_commit_callbacks
):
    # A Polish speaker's browser, Polish words, and the English that gives the risk away.
    _send(
        client,
        youth_voice_page,
        "Nie lubię szkoły, ale he said he is going to stab me",
        django_capture_on_commit_callbacks,
        HTTP_ACCEPT_LANGUAGE="pl",
    )
    assert Feedback.objects.get().safeguarding_flag
    assert "The phrases it matched are in English." in mail.outbox[0].body


def test_an_alert_names_every_language_it_matched(client, youth_voice_page, django_capture_on_commit_callbacks):
    _send(client, youth_voice_page, "Ojczym mnie bije and I want to die", django_capture_on_commit_callbacks)
    assert "The phrases it matched are in English and Polish." in mail.outbox[0].body


def test_a_language_whose_phrases_staff_switch_off_no_longer_alerts(
    client, youth_voice_page, django_capture_on_commit_callbacks
):
    from core.matching import wordlists_changed

    SafeguardingPhrase.objects.filter(language="pl").update(active=False)
    wordlists_changed()
    _send(client, youth_voice_page, "Ojczym mnie bije", django_capture_on_commit_callbacks)
    assert not Feedback.objects.get().safeguarding_flag and mail.outbox == []


# language code, a comment, a theme its words suggest
THEMED = [
    ("gu", "મારી શાળા પાસે વધુ પ્રવૃત્તિઓ હોવી જોઈએ", "education"),  # more activities near my school
    ("pa", "ਨੌਜਵਾਨਾਂ ਲਈ ਸ਼ਾਮ ਨੂੰ ਕੁਝ ਕਰਨ ਲਈ ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ", "young-people"),  # something for young people
    ("ur", "پولیس کو زیادہ گشت کرنا چاہیے", "partnership-working"),  # the police should patrol more
    ("pl", "Potrzebujemy więcej pracy dla ludzi", "employment-and-training"),  # we need more jobs
    ("so", "Bulshada waa inay wada shaqeysaa", "communities"),  # the community must work together
    ("ar", "نحتاج إلى تمويل أكثر", "policy-and-process"),  # we need more funding
]


@pytest.mark.parametrize(("code", "text", "theme"), THEMED, ids=[row[0] for row in THEMED])
def test_a_comment_in_each_language_is_suggested_a_theme_from_that_languages_keywords(
    client, youth_voice_page, django_capture_on_commit_callbacks, code, text, theme
):
    _send(client, youth_voice_page, text, django_capture_on_commit_callbacks)
    feedback = Feedback.objects.get()
    assert theme in {suggestion.theme.slug for suggestion in feedback.suggestions.all()}
