"""The theme suggester's reasons in the admin, in Chromium: once a model is trained, an officer's
inspect view of a new piece of feedback shows, for each suggested theme, the word list's phrases
and the words that weighed most in the model with their weights; the dashboard shows the model's
figures and history. Both pages are checked with axe-core."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser import test_officers
from tests.browser.conftest import _manage
from tests.browser.test_officers import FEEDBACK_LIST, add_feedback, feedback_id, marker

# The admin's axe check and what it needs, fixtures of the officers' tests.
admin_axe = test_officers.admin_axe
project_axe_version = test_officers.project_axe_version

pytestmark = pytest.mark.browser

DASHBOARD = "/admin/feedback-dashboard/"
FORGET_MODELS = "from consultation.models import ThemeModel; ThemeModel.objects.all().delete()"


@pytest.fixture
def trained_model(demo_site):
    """A model trained with the command, as a council would from its own labelled comments;
    removed afterwards, so the other tests see the word list alone, as the demo site has it."""
    _manage(["themes_train", "--csv", "tests/data/labelled_feedback_more.csv", "--csv-only"], demo_site.env)
    yield
    _manage(["shell", "-c", FORGET_MODELS], demo_site.env)


@pytest.fixture
def officer(new_context, login, trained_model):
    return login(new_context().new_page(), "officer")


def test_the_inspect_view_explains_each_suggestion_with_the_models_words(officer, admin_axe):
    word = marker()
    text = f"The youth club on our estate shut and now the teenagers have nowhere to go at night {word}"
    add_feedback(officer, ("youth_voice", text))
    officer.goto(f"{FEEDBACK_LIST}?q={word}")
    item = feedback_id(officer, text)
    officer.goto(f"{FEEDBACK_LIST}inspect/{item}/")

    table = officer.locator("table.feedback-suggestions")
    expect(table.get_by_role("columnheader", name="Weighed most in the model")).to_be_visible()
    row = table.locator("tr", has=officer.get_by_role("rowheader", name="Young People"))
    expect(row).to_have_count(1)
    cells = row.locator("td")
    assert "youth" in cells.nth(1).inner_text()  # the word list's phrases, as before
    model_cell = cells.nth(2)
    assert re.search(r"Model version \d+: \d+% likely", model_cell.inner_text()), model_cell.inner_text()
    weighed = model_cell.locator("li").all_inner_texts()
    assert weighed, "no words listed for the model"
    for entry in weighed:
        match = re.fullmatch(r"“(.+)” (\d+\.\d\d)", entry.strip())
        assert match, entry
        assert match.group(1) in text.lower(), f"{match.group(1)!r} is not in the text"
        assert float(match.group(2)) > 0
    admin_axe(officer)

    officer.goto(DASHBOARD + "#dash-model")
    section = officer.locator("main")
    expect(section.get_by_role("heading", name="How the suggester learns")).to_be_visible()
    expect(section.get_by_text(re.compile(r"^Version \d+$")).first).to_be_visible()
    expect(section.get_by_role("table", name="Every training run, newest first")).to_be_visible()
    expect(section.get_by_role("button", name="Learn from the latest confirmations")).to_be_visible()
    admin_axe(officer)
