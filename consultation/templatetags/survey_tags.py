"""Rendering the parts of a survey question made of several fields, and the language of what
editors wrote on a survey."""

from django import template
from django.conf import settings
from django.utils.html import format_html

from core.languages import languages
from core.translations import content_language_code

register = template.Library()


@register.filter
def date_part_invalid(field):
    """A day, month or year input of a date with an error: marked invalid (the fieldset points
    at the message)."""
    return field.as_widget(attrs={"aria-invalid": "true"})


@register.simple_tag
def survey_words_lang(page) -> str:
    """For what editors wrote on a survey, shown inside the English frame of the survey's pages
    (their fixed words are not translated yet): ` lang=".." dir=".."` when the survey's words
    are in another language (a published translation), nothing when they are English. A
    translation whose questions are not ready is shown with the English questions, so its
    questions are English (SurveyPage.translation_ready); its title and texts are not."""
    code = content_language_code(page)
    if code == settings.LANGUAGE_CODE:
        return ""
    language = next((language for language in languages() if language.code == code), None)
    if language is None:
        return ""
    return format_html(' lang="{}" dir="{}"', language.tag, language.direction)


@register.simple_tag
def survey_questions_lang(page) -> str:
    """`survey_words_lang` for the questions: English when the translation is not ready."""
    if not page.translation_ready():
        return ""
    return survey_words_lang(page)
