"""Text that people send us, made safe at the edge: one guard against NUL characters, and the
shared checks for one-line text (names, titles) and for email subjects built from user text.

NUL (the character with code 0) is never part of anything a person means to write, and
PostgreSQL cannot store it ("A string literal cannot contain NUL (0x00) characters"): a NUL
that reaches a query or a save is a 500. Rather than a fix per field, `NulGuardMiddleware`
deals with it once, before any view, form or query sees the request:

- In the address (the path or the query string) a NUL is refused with a 400 page that says
  what is wrong. An address is not typed into a form, so there is nothing to keep, and
  guessing what a search or export filter "meant" without it could show or export more
  than was asked for.
- In a form post (field names, values and uploaded file names) a NUL is removed. The form
  then sees exactly the text the person can see on their screen, so it is validated as usual:
  the person gets the form's own messages next to its fields with everything they typed
  kept, and nothing is lost that was visible. Refusing the whole post instead would throw
  their form away for a character they cannot see.
- A cookie with a NUL in it is dropped, as if it had not been sent (a session key with a NUL
  would otherwise reach the session table).

Other control characters (tab, line breaks and the rest) can be stored, and are normal in
long text; where they are wrong, in one-line fields such as names and titles, the
`one_line_text` validator refuses them at the form with a message.
"""

import re

from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

NUL = "\x00"

# Characters that have no place in a one-line field: the C0 and C1 control characters (line
# breaks and tabs among them), DEL, and Unicode's own line and paragraph separators.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# What a link looks like: a scheme, "www.", or a host name (a word, a dot, then two or more
# letters, as in "evil.example" or "bit.ly"). There are too many top-level domains to list, so
# any "word.letters" counts; a name with a dot keeps a space after it ("J. Smith", "St. John").
LINK = re.compile(r"http|://|www\.|\b[a-z0-9-]+\.[a-z]{2,}\b", re.IGNORECASE)
SUBJECT_MAX_LENGTH = 150


class NulGuardMiddleware:
    """Refuse a NUL in the address, remove it from form posts and drop cookies that carry one.
    See the module docstring for why each is handled the way it is."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if NUL in request.path_info or _query_has_nul(request.GET):
            response = TemplateResponse(
                request,
                "400.html",
                {
                    "reason": "The web address has a character in it that we cannot read (a null character). "
                    "If you typed or pasted the address, check it, or go back and try again."
                },
                status=400,
            )
            return response.render()
        if any(NUL in name or NUL in value for name, value in request.COOKIES.items()):
            request.COOKIES = {
                name: value for name, value in request.COOKIES.items() if NUL not in name and NUL not in value
            }
        if request.method not in ("GET", "HEAD", "OPTIONS") and _is_form_post(request):
            if _query_has_nul(request.POST):
                request.POST = _without_nul(request.POST)
            for _field, uploads in request.FILES.lists():
                for upload in uploads:
                    if upload.name and NUL in upload.name:
                        upload.name = upload.name.replace(NUL, "")
        return self.get_response(request)


def _is_form_post(request) -> bool:
    content_type = request.content_type or ""
    return content_type in ("application/x-www-form-urlencoded", "multipart/form-data")


def _query_has_nul(query: QueryDict) -> bool:
    return any(NUL in name or any(NUL in value for value in values) for name, values in query.lists())


def _without_nul(query: QueryDict) -> QueryDict:
    cleaned = QueryDict(mutable=True, encoding=query.encoding)
    for name, values in query.lists():
        cleaned.setlistdefault(name.replace(NUL, ""), []).extend(value.replace(NUL, "") for value in values)
    cleaned._mutable = False
    return cleaned


# --- One-line text: names and titles --------------------------------------------------------


def one_line_text(value: str) -> None:
    """A name or title is one line of ordinary characters: no line breaks, tabs or other
    control characters, which could otherwise end up splitting an email header or a line."""
    if CONTROL_CHARACTERS.search(value or ""):
        raise ValidationError(
            _("Keep this to one line: remove any line breaks, tabs or other special characters"),
            code="control_characters",
        )


def no_links(value: str) -> None:
    """A person's name is never a web address. Refusing links keeps a name from being used to
    put a link in front of whoever later reads it."""
    if LINK.search(value or ""):
        raise ValidationError(
            _("Enter a name only, without a web address or a link (for example, nothing with “www.” or “.com”)"),
            code="link",
        )


# --- Email subjects ------------------------------------------------------------------------


def email_subject(text: str) -> str:
    """An email subject built from user text (a thread title, an event title): every run of
    whitespace or control characters becomes one space, so it cannot break the header or
    start a new one, and it is kept to a readable length. Every sender uses this."""
    subject = " ".join(CONTROL_CHARACTERS.sub(" ", text or "").split())
    if len(subject) > SUBJECT_MAX_LENGTH:
        subject = subject[: SUBJECT_MAX_LENGTH - 1].rstrip() + "…"
    return subject
