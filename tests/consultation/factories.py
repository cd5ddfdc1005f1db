"""factory_boy factories for the consultation models."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from consultation import models


class SurveyPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Survey {n}")
    intro = "A survey made by a test."
    privacy_notice = "<p>Privacy.</p>"

    class Meta:
        model = models.SurveyPage


class SurveyIndexPageFactory(wagtail_factories.PageFactory):
    title = "Consultations"

    class Meta:
        model = models.SurveyIndexPage


class YouthVoicePageFactory(wagtail_factories.PageFactory):
    title = "Have your say"
    intro = "Tell us."
    privacy_text = "<p>Privacy.</p>"

    class Meta:
        model = models.YouthVoicePage


class SurveyQuestionFactory(DjangoModelFactory):
    page = factory.SubFactory(SurveyPageFactory)
    kind = models.SurveyQuestion.Kind.LONG_TEXT
    label = factory.Sequence(lambda n: f"Question {n}")

    class Meta:
        model = models.SurveyQuestion


class FeedbackFactory(DjangoModelFactory):
    source = models.Feedback.Source.OTHER
    text = "Something someone said."

    class Meta:
        model = models.Feedback
