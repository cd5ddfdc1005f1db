"""The page tree rules, the themes and the staff groups."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from core import models as core_models
from home import models as home_models
from strategy import models
from tests.strategy import factories

pytestmark = pytest.mark.django_db

PAGE_MODELS = [
    home_models.HomePage,
    home_models.StandardPage,
    home_models.PrivacyNoticePage,
    home_models.CookiesPage,
    home_models.AccessibilityStatementPage,
    models.StrategyPage,
    models.ThemePage,
    models.RecommendationPage,
    models.InitiativePage,
]
page_asserts = WagtailPageTestCase()


def test_every_page_model_has_a_factory():
    factory_models = {
        value._meta.model
        for value in vars(factories).values()
        if isinstance(value, type) and hasattr(value, "_meta") and getattr(value._meta, "model", None)
    }
    page_models = {model for model in Page.__subclasses__() if model._meta.app_label in ("strategy", "home")}
    assert page_models == set(PAGE_MODELS)
    assert page_models <= factory_models


def test_page_tree_rules():
    page_asserts.assertAllowedParentPageTypes(models.StrategyPage, {home_models.HomePage})
    page_asserts.assertAllowedParentPageTypes(models.ThemePage, {models.StrategyPage})
    page_asserts.assertAllowedParentPageTypes(models.RecommendationPage, {models.ThemePage})
    page_asserts.assertAllowedParentPageTypes(models.InitiativePage, {models.ThemePage})
    page_asserts.assertAllowedSubpageTypes(models.ThemePage, {models.RecommendationPage, models.InitiativePage})
    page_asserts.assertAllowedSubpageTypes(models.RecommendationPage, set())


def test_the_notices_sit_under_the_home_page_once_each():
    for model in (home_models.PrivacyNoticePage, home_models.CookiesPage, home_models.AccessibilityStatementPage):
        page_asserts.assertAllowedParentPageTypes(model, {home_models.HomePage})
        page_asserts.assertAllowedSubpageTypes(model, set())
        assert model.max_count == 1


def test_recommendation_cannot_be_created_outside_a_theme(strategy_page):
    page_asserts.assertCanNotCreateAt(models.StrategyPage, models.RecommendationPage)
    page_asserts.assertCanNotCreateAt(home_models.HomePage, models.ThemePage)
    page_asserts.assertCanCreateAt(models.ThemePage, models.RecommendationPage)


def test_six_themes_exist_in_strategy_order():
    assert list(core_models.Theme.objects.values_list("slug", flat=True)) == [
        "education",
        "young-people",
        "communities",
        "partnership-working",
        "employment-and-training",
        "policy-and-process",
    ]


def test_themes_cannot_be_free_tagged():
    assert core_models.Theme.free_tagging is False


def test_staff_groups_exist_with_admin_access():
    for name in ("Editors", "Officers", "Forum moderators", "Safeguarding"):
        group = Group.objects.get(name=name)
        assert group.permissions.filter(codename="access_admin").exists(), name


def test_editors_can_publish_pages_and_edit_wards_but_officers_cannot(django_user_model):
    editor = django_user_model.objects.get(username="editor")
    officer = django_user_model.objects.get(username="officer")
    home = home_models.HomePage.objects.get()
    assert home.permissions_for_user(editor).can_publish()
    assert not home.permissions_for_user(officer).can_edit()
    assert editor.has_perm("core.change_ward")
    assert not officer.has_perm("core.change_ward")
    assert officer.has_perm("core.view_theme")
    assert not editor.has_perm("core.add_theme")


def test_initiative_partner_list_skips_blank_lines():
    page = models.InitiativePage(partners="Kara Training\n\n  Leicester City Council  \n")
    assert page.partner_list == ["Kara Training", "Leicester City Council"]
