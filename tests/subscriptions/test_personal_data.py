"""Subscriptions in the site's find, export and erase (core/personal_data.py)."""

import json
import zipfile
from io import BytesIO

import pytest

from core.personal_data import person_build, personal_data_erase, personal_data_export_zip, personal_data_find
from subscriptions.models import Subscriber, Suppression, email_hash

pytestmark = pytest.mark.django_db


def _found(email):
    return {f.source.key: f.rows for f in personal_data_find(person=person_build(email=email)) if f.rows}


def test_a_subscriber_is_found_by_address_in_any_case_and_exported(subscriber, wards):
    subscriber("sam@example.org", events=True, wards=[wards[0]])
    found = _found("SAM@example.org")
    assert [row.email for row in found["subscriptions.subscribers"]] == ["sam@example.org"]
    _, content = personal_data_export_zip(person=person_build(email="sam@example.org"))
    with zipfile.ZipFile(BytesIO(content)) as archive:
        records = json.loads(archive.read("subscriptions.subscribers.json"))["records"]
    assert records[0]["email"] == "sam@example.org" and records[0]["events_only_in_wards"] == [wards[0].name]


def test_erasing_deletes_the_subscription_and_keeps_only_a_hash(subscriber):
    subscriber("sam@example.org", consultations=True)
    log = personal_data_erase(person=person_build(email="sam@example.org"))
    assert log.counts["subscriptions.subscribers"] == 1
    assert not Subscriber.objects.filter(email="sam@example.org").exists()
    assert Suppression.objects.filter(email_sha256=email_hash("sam@example.org")).exists()
    # Found again: only the hash, which is never erased (it is what keeps the address off the list).
    assert list(_found("sam@example.org")) == ["subscriptions.suppressions"]


def test_someone_else_is_not_found(subscriber):
    subscriber("sam@example.org", consultations=True)
    assert _found("alex@example.org") == {}
