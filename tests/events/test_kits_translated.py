"""Bleed-control kits in the visitor's language: a kit is translated with wagtail-localize
(its name and opening hours; where it is stays the English kit's), the public page shows each
kit once, in the visitor's language where it is translated and marked as English where not,
and everything that counts kits counts each once."""

import re
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale

from core.translations import translation_from_po, translation_po
from events.models import BleedKit
from events.selectors import bleed_kits, bleed_kits_by_ward
from tests.events.factories import BleedKitFactory

pytestmark = pytest.mark.django_db

URDU_NAME = "کلاک ٹاور کی دکان"
URDU_HOURS = "چوبیس گھنٹے"


def _translated_into_urdu(kit, strings):
    po = translation_po(kit, language_code="ur")
    for entry in po:
        entry.msgstr = strings.get(entry.msgid, "")
    return translation_from_po(kit, language_code="ur", po=po)


def _kit_item(html: str, name: str) -> str:
    start = html.index(name)
    return html[html.rindex("<li", 0, start) : html.index("</li>", start)]


def test_a_kit_is_translated_through_a_po_file_with_only_its_words_open_to_translators():
    kit = BleedKitFactory(name="Clock Tower shop", access_hours="24 hours", address="1 Clock Tower\nLeicester")
    msgids = {entry.msgid for entry in translation_po(kit, language_code="ur")}
    assert msgids == {"Clock Tower shop", "24 hours"}

    urdu = _translated_into_urdu(kit, {"Clock Tower shop": URDU_NAME, "24 hours": URDU_HOURS})
    kit.refresh_from_db()

    assert urdu.pk != kit.pk
    assert urdu.locale.language_code == "ur"
    assert urdu.translation_key == kit.translation_key
    assert (urdu.name, urdu.access_hours) == (URDU_NAME, URDU_HOURS)
    # Where it is, and its dates, are the English kit's.
    assert (urdu.address, urdu.postcode, urdu.ward_id, urdu.latitude) == (
        kit.address,
        kit.postcode,
        kit.ward_id,
        kit.latitude,
    )


def test_the_urdu_kit_page_shows_a_translated_kit_in_urdu_and_an_untranslated_one_marked_english(client):
    translated = BleedKitFactory(name="Clock Tower shop", access_hours="24 hours")
    BleedKitFactory(name="Market hall", access_hours="Market opening hours")
    # Its name translated, its opening hours left to the translator (empty in the PO file).
    _translated_into_urdu(translated, {"Clock Tower shop": URDU_NAME})

    response = client.get("/ur/bleed-kits/")
    assert response.status_code == 200
    html = unescape(response.content.decode())

    item = _kit_item(html, URDU_NAME)
    assert f"<span>{URDU_NAME}</span>" in item
    assert "Clock Tower shop" not in item
    # Opening hours not translated: English, marked as such; so is the address.
    assert '<span lang="en-GB" dir="ltr">24 hours</span>' in item
    assert re.search(r'<p lang="en-GB" dir="ltr">1 Test Street', item)
    assert f"See {URDU_NAME} on OpenStreetMap" not in item  # the sentence is Urdu's own words

    untranslated = _kit_item(html, "Market hall")
    assert '<span lang="en-GB" dir="ltr">Market hall</span>' in untranslated
    assert '<span lang="en-GB" dir="ltr">Market opening hours</span>' in untranslated

    # Each kit once, in Urdu as in English.
    assert html.count(URDU_NAME) == 2  # its heading and its map link
    english = unescape(client.get("/bleed-kits/").content.decode())
    assert URDU_NAME not in english
    assert "<span>Clock Tower shop</span>" in english
    assert english.count("summary-list__item") == html.count("summary-list__item")


def test_a_kit_translated_word_for_word_the_same_is_marked_english(client):
    kit = BleedKitFactory(name="Tesco Express", access_hours="24 hours")
    _translated_into_urdu(kit, {"Tesco Express": "Tesco Express", "24 hours": URDU_HOURS})
    item = _kit_item(unescape(client.get("/ur/bleed-kits/").content.decode()), "Tesco Express")
    assert '<span lang="en-GB" dir="ltr">Tesco Express</span>' in item
    assert f"<span>{URDU_HOURS}</span>" in item


def test_kits_are_counted_once_whatever_their_translations():
    kit = BleedKitFactory(name="Clock Tower shop")
    before = BleedKit.objects.filter(locale=Locale.get_default()).count()
    listed = len(bleed_kits())
    _translated_into_urdu(kit, {"Clock Tower shop": URDU_NAME})
    _translated_into_urdu(BleedKitFactory(name="Market hall"), {"Market hall": "مارکیٹ ہال"})
    assert BleedKit.objects.count() == before + 1 + 2
    assert len(bleed_kits()) == listed + 1
    assert sum(len(kits) for _ward, kits in bleed_kits_by_ward()) == listed + 1


def test_the_kits_admin_lists_the_english_kits_and_offers_to_translate_them(client):
    kit = BleedKitFactory(name="Clock Tower shop")
    _translated_into_urdu(kit, {"Clock Tower shop": URDU_NAME})
    admin = get_user_model().objects.create_superuser("kits-admin", "kits@example.com", "pw")
    client.force_login(admin)

    listing = unescape(client.get("/admin/snippets/events/bleedkit/").content.decode())
    assert "Clock Tower shop" in listing
    assert URDU_NAME not in listing
    translate = f"/admin/localize/submit/snippet/events/bleedkit/{kit.pk}/"
    assert translate in listing
    assert client.get(translate).status_code == 200
    every = unescape(client.get("/admin/snippets/events/bleedkit/?locale=").content.decode())
    assert URDU_NAME in every and "Clock Tower shop" in every
    urdu = unescape(client.get("/admin/snippets/events/bleedkit/?locale=ur").content.decode())
    assert URDU_NAME in urdu and "Clock Tower shop" not in urdu

    assert client.get(f"/admin/snippets/events/bleedkit/edit/{kit.pk}/").status_code == 200
    assert client.get("/admin/snippets/events/bleedkit/add/").status_code == 200
