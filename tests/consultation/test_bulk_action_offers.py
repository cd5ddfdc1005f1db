"""The bulk action bar of an admin listing offers only what the user may do.

Wagtail lists every registered bulk action for everyone and refuses only once the action runs:
officers were offered "Delete" on feedback, then told they could not. What people wrote is a
record: only administrators may delete feedback.
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.consultation.factories import FeedbackFactory

pytestmark = pytest.mark.django_db

FEEDBACK_LIST = "/admin/snippets/consultation/feedback/"
THEME_LIST = "/admin/snippets/core/theme/"


def bulk_url(app_label: str, model_name: str, action: str) -> str:
    return reverse("wagtail_bulk_action", args=[app_label, model_name, action])


def listing(client, username: str, url: str) -> str:
    client.force_login(get_user_model().objects.get(username=username))
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_officers_are_not_offered_delete_on_the_feedback_list(client):
    FeedbackFactory()
    html = listing(client, "officer", FEEDBACK_LIST)
    assert f'href="{bulk_url("consultation", "feedback", "delete")}"' not in html
    # What they may do is still offered.
    for action in ("accept_suggestions", "add_theme", "remove_theme", "add_tag", "mark_reviewed"):
        assert f'href="{bulk_url("consultation", "feedback", action)}"' in html, action


def test_administrators_are_offered_delete_on_the_feedback_list(client):
    FeedbackFactory()
    html = listing(client, "admin", FEEDBACK_LIST)
    assert f'href="{bulk_url("consultation", "feedback", "delete")}"' in html


def test_an_officer_who_asks_for_a_bulk_delete_anyway_deletes_nothing(client):
    feedback = FeedbackFactory()
    client.force_login(get_user_model().objects.get(username="officer"))
    client.post(bulk_url("consultation", "feedback", "delete") + f"?id={feedback.pk}")
    assert type(feedback).objects.filter(pk=feedback.pk).exists()


def test_editors_are_not_offered_delete_on_the_six_themes(client):
    # Editors describe the themes but may not add or delete them: the six are fixed.
    html = listing(client, "editor", THEME_LIST)
    assert f'href="{bulk_url("core", "theme", "delete")}"' not in html
    assert f'href="{bulk_url("core", "theme", "delete")}"' in listing(client, "admin", THEME_LIST)
