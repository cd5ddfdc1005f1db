import pytest

from consultation.models import SurveyPage, YouthVoicePage


@pytest.fixture
def survey(db):
    return SurveyPage.objects.get(slug="feeling-safe-where-you-live")


@pytest.fixture
def closed_survey(db):
    return SurveyPage.objects.get(slug="public-conversations-on-knife-crime")


@pytest.fixture
def youth_voice_page(db):
    return YouthVoicePage.objects.get()
