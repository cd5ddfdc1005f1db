"""Each page renders the briefing's content, and editors can create pages where allowed."""

import pytest
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from strategy.models import InitiativePage, ProgressUpdate, RecommendationPage, StrategyPage, ThemePage

pytestmark = pytest.mark.django_db
page_asserts = WagtailPageTestCase()


def test_home_shows_pledge_and_six_themes(client):
    html = client.get("/").content.decode()
    assert "help prevent and deter" in html
    for name in (
        "Education",
        "Young People",
        "Communities",
        "Partnership Working",
        "Employment and Training",
        "Policy and Process",
    ):
        assert name in html


def test_strategy_page_shows_progress_table_by_theme(client):
    response = client.get("/strategy/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "How the strategy was developed" in html
    assert "Held public conversations with communities across Leicester" in html
    assert "Next steps" in html
    rows = {row.theme_page.theme.slug: row for row in response.context["summary"]}
    assert rows["education"].counts == {"in_progress": 3}
    assert rows["communities"].total == 4
    assert rows["policy-and-process"].total == 0
    assert html.count('class="progress-bar"') == 6


def test_progress_bar_widths_add_up_to_the_whole(strategy_page):
    from strategy.selectors import progress_summary

    education = progress_summary(strategy_page=strategy_page)[0]
    assert sum(segment["width"] for segment in education.segments) == pytest.approx(100)


def test_theme_page_lists_its_recommendations_and_initiatives(client):
    html = client.get("/strategy/communities/").content.decode()
    assert "Recommendation 14: Community mentoring for young people at risk" in html
    assert "Recommendation a: Emergency bleed-control kits across the city" in html
    assert "Chance 2 Change" in html
    assert "£7,500" in html


def test_theme_without_recommendations_says_so(client):
    html = client.get("/strategy/policy-and-process/").content.decode()
    assert "No recommendations have been published under this theme yet." in html


def test_recommendation_page_shows_status_update_and_figure(client):
    html = client.get("/strategy/education/minimise-school-suspensions/").content.decode()
    assert "Work with education establishments to minimise the number of school suspensions." in html
    assert "In progress" in html
    assert "4 October 2022" in html
    assert "58" in html
    assert "Foxes Friday" in html and "The Reach Project in Early Help" in html


def test_recommendation_updates_show_newest_first(client):
    page = RecommendationPage.objects.get(slug="minimise-school-suspensions")
    ProgressUpdate.objects.create(page=page, date="2023-03-01", text="A later update.")
    html = client.get(page.url).content.decode()
    assert html.index("1 March 2023") < html.index("4 October 2022")


def test_initiative_page_shows_figures_partners_and_recommendation(client):
    html = client.get("/strategy/education/reach-project/").content.decode()
    assert "34 male and 24 female, aged 11-15" in html
    assert "Home Office" in html
    assert "Recommendation 1: Minimise school suspensions" in html


def test_every_demo_page_renders_its_title(client):
    for model in (StrategyPage, ThemePage, RecommendationPage, InitiativePage):
        for page in model.objects.live():
            response = client.get(page.url)
            assert response.status_code == 200, page.url
            assert f"<h1>{page.title}</h1>" in response.content.decode(), page.url


def test_pages_escape_editor_text(client):
    page = RecommendationPage.objects.get(slug="community-mentoring")
    page.full_text = "<script>alert(1)</script>"
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_admin_can_create_a_recommendation_under_a_theme(admin_client):
    theme_page = ThemePage.objects.get(slug="young-people")
    data = nested_form_data(
        {
            "title": "Safe spaces after school",
            "slug": "safe-spaces",
            "label": "5",
            "full_text": "We will open safe spaces after school.",
            "themes": '"Young People"',
            "lead": "Youth Service",
            "status": "not_started",
            "updates": inline_formset(
                [{"date": "2024-02-01", "text": "Planning started.", "figure": "", "figure_label": ""}]
            ),
            "action-publish": "publish",
        }
    )
    page_asserts.client = admin_client
    page_asserts.assertCanCreate(theme_page, RecommendationPage, data)
    # The English page; each other language's tree got an alias of it (core/translations.py).
    page = RecommendationPage.objects.get(slug="safe-spaces", alias_of__isnull=True)
    assert page.live
    assert RecommendationPage.objects.filter(alias_of=page).count() == 6
    assert [t.slug for t in page.themes.all()] == ["young-people"]
    assert page.updates.get().text == "Planning started."


def test_admin_can_create_an_initiative_under_a_theme(admin_client):
    theme_page = ThemePage.objects.get(slug="education")
    data = nested_form_data(
        {
            "title": "Homework club",
            "slug": "homework-club",
            "summary": "An after-school club.",
            "who_it_serves": "Pupils",
            "partners": "A school",
            "figures": inline_formset([{"value": "20", "label": "pupils", "detail": ""}]),
            "body": streamfield([("paragraph", rich_text("<p>More about it.</p>"))]),
            "themes": "Education",
        }
    )
    page_asserts.client = admin_client
    page_asserts.assertCanCreate(theme_page, InitiativePage, data)
    assert InitiativePage.objects.get(slug="homework-club", alias_of__isnull=True).figures.get().value == "20"
