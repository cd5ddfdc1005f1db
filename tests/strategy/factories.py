"""factory_boy factories for every strategy model (tests/strategy/test_models.py checks that
every page model has one)."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from core import models as core_models
from home import models as home_models
from strategy import models


class ThemeFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Test theme {n}")
    slug = factory.Sequence(lambda n: f"test-theme-{n}")
    description = "A theme made by a test."

    class Meta:
        model = core_models.Theme


class WardFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Test ward {n}")
    slug = factory.Sequence(lambda n: f"test-ward-{n}")

    class Meta:
        model = core_models.Ward


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    intro = "A home page made by a test."

    class Meta:
        model = home_models.HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    intro = "A plain page."

    class Meta:
        model = home_models.StandardPage


class PrivacyNoticePageFactory(wagtail_factories.PageFactory):
    title = "Privacy notice"
    intro = "What we collect."

    class Meta:
        model = home_models.PrivacyNoticePage


class CookiesPageFactory(wagtail_factories.PageFactory):
    title = "Cookies"

    class Meta:
        model = home_models.CookiesPage


class AccessibilityStatementPageFactory(wagtail_factories.PageFactory):
    title = "Accessibility statement"
    prepared_on = datetime.date(2026, 12, 1)

    class Meta:
        model = home_models.AccessibilityStatementPage


class StrategyPageFactory(wagtail_factories.PageFactory):
    title = "A strategy"
    intro = "A strategy made by a test."
    pledge = "<p>Our pledge.</p>"

    class Meta:
        model = models.StrategyPage


class ThemePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Theme page {n}")
    theme = factory.SubFactory(ThemeFactory)
    intro = "A theme page."

    class Meta:
        model = models.ThemePage


class RecommendationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Recommendation {n}")
    label = factory.Sequence(lambda n: str(100 + n))
    full_text = "We will do something that matters."
    lead = "A lead"
    status = models.RecommendationStatus.IN_PROGRESS

    class Meta:
        model = models.RecommendationPage


class ProgressUpdateFactory(DjangoModelFactory):
    page = factory.SubFactory(RecommendationPageFactory)
    date = datetime.date(2024, 1, 15)
    text = "Something happened."

    class Meta:
        model = models.ProgressUpdate


class InitiativePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Initiative {n}")
    summary = "An initiative made by a test."

    class Meta:
        model = models.InitiativePage


class InitiativeFigureFactory(DjangoModelFactory):
    page = factory.SubFactory(InitiativePageFactory)
    value = "12"
    label = "people helped"

    class Meta:
        model = models.InitiativeFigure
