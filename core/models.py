"""What every app stands on: the strategy's themes, the council's wards, the site settings, the
safeguarding phrases, the log of every export, and the retention schedule with the logs of its
runs and of every erasure on request.

These models moved here from `strategy` and `consultation` when the ground floor was built;
each keeps the table it had (`Meta.db_table`), so the move changed no data.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language_info
from taggit.models import TagBase
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting, register_setting

from .pagecache import kept_for_generation

# --- Themes and wards (snippets) ----------------------------------------------------------


class Theme(TagBase):
    """One of the strategy's six themes, such as Education or Young People.

    A taggit tag model that editors cannot add to from a tag field (`free_tagging = False`):
    the list is fixed by the strategy, created by a data migration and reordered in the admin.
    Recommendations, initiatives and feedback are all tagged with it, which is where "what
    people said" meets "what we are doing".
    https://docs.wagtail.org/en/stable/reference/pages/model_recipes.html#custom-tag-models
    """

    free_tagging = False

    description = models.TextField(blank=True, help_text="One or two sentences shown with the theme.")
    sort_order = models.PositiveIntegerField(default=0, editable=False)
    # The theme's bit in the theme sets kept on each piece of feedback
    # (consultation/theme_bits.py), given when the theme is first saved. A signed 64-bit
    # integer holds MAX_THEMES of them.
    bit = models.PositiveSmallIntegerField(unique=True, editable=False)

    MAX_THEMES = 63

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        db_table = "strategy_theme"  # moved from strategy; the table kept its name
        ordering = ["sort_order", "name"]
        verbose_name = "theme"
        verbose_name_plural = "themes"

    @property
    def mask(self) -> int:
        """The theme as a set of one: 1 shifted left by its bit."""
        return 1 << self.bit

    def clean(self):
        super().clean()
        if self.bit is None and self._free_bit() is None:
            raise ValidationError(f"There can be at most {self.MAX_THEMES} themes. Remove one you no longer use first.")

    def save(self, *args, **kwargs):
        if self.bit is None:
            self.bit = self._free_bit()
            if self.bit is None:
                raise ValidationError(f"There can be at most {self.MAX_THEMES} themes.")
        super().save(*args, **kwargs)

    @classmethod
    def _free_bit(cls) -> int | None:
        taken = set(cls.objects.values_list("bit", flat=True))
        return next((bit for bit in range(cls.MAX_THEMES) if bit not in taken), None)


class Ward(models.Model):
    """An electoral ward of the council's area, used to say where feedback comes from."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        db_table = "strategy_ward"  # moved from strategy; the table kept its name
        ordering = ["name"]

    def __str__(self):
        return self.name


# --- Site settings ------------------------------------------------------------------------


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Who runs the site, how to reach them, and the help numbers every page shows."""

    # Who we are
    council_name = models.CharField(max_length=120, default="Leicester City Council")
    strategy_name = models.CharField(max_length=160, default="Knife Crime and Serious Violence Strategy")
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=40, blank=True)
    privacy_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    cookies_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    # Data protection, for the privacy notice
    dpo_email = models.EmailField(
        "Data protection officer's email", blank=True, help_text="Where people send access and erasure requests."
    )
    dpo_phone = models.CharField("Data protection officer's phone", max_length=40, blank=True)
    dpo_address = models.TextField("Data protection officer's postal address", blank=True)
    ico_registration_number = models.CharField(
        "ICO registration number",
        max_length=12,
        blank=True,
        validators=[
            RegexValidator(
                r"^[A-Z]{1,2}[0-9]{6,7}$",
                "An ICO registration number is one or two capital letters and 6 or 7 digits, such as Z1234567.",
            )
        ],
        help_text="The council's entry in the ICO's register of fee payers, such as Z1234567.",
    )

    # Help numbers, shown in every page footer
    emergency_number = models.CharField(max_length=20, default="999")
    childline_number = models.CharField(max_length=40, default="0800 1111")
    crimestoppers_number = models.CharField(max_length=40, default="0800 555 111")
    fearless_url = models.URLField(
        default="https://www.fearless.org",
        help_text="Fearless: the Crimestoppers service where young people can pass on information anonymously.",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("council_name"),
                FieldPanel("strategy_name"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                PageChooserPanel("privacy_page"),
                PageChooserPanel("cookies_page"),
                PageChooserPanel("accessibility_page"),
            ],
            heading="Who we are",
        ),
        MultiFieldPanel(
            [
                FieldPanel("dpo_email"),
                FieldPanel("dpo_phone"),
                FieldPanel("dpo_address"),
                FieldPanel("ico_registration_number"),
            ],
            heading="Data protection, for the privacy notice",
        ),
        MultiFieldPanel(
            [
                FieldPanel("emergency_number"),
                FieldPanel("childline_number"),
                FieldPanel("crimestoppers_number"),
                FieldPanel("fearless_url"),
            ],
            heading="Help numbers shown on every page",
        ),
    ]

    # Every page's footer links to these: fetch them with the settings in one query.
    select_related = ["privacy_page", "cookies_page", "accessibility_page"]

    @classmethod
    def for_site(cls, site):
        """The settings, kept in the cache for the page cache generation: every page reads them,
        and saving them starts a new generation (core/pagecache.py)."""
        if site is None:
            return super().for_site(site)
        return kept_for_generation(f"site-settings:{site.pk}", lambda: super(SiteSettings, cls).for_site(site))

    class Meta:
        db_table = "strategy_sitesettings"  # moved from strategy; the table kept its name
        verbose_name = "site settings"


# --- The site's languages as staff see them, and the safeguarding phrases ---------------------


def site_language_choices() -> list[tuple[str, str]]:
    """The site's languages (settings.LANGUAGES), named in English with their own name beside
    it, for the fields staff choose or filter a language with (the word lists', the language
    feedback was given in): "Urdu (اردو)"."""
    choices = []
    for code, own_name in settings.LANGUAGES:
        name = site_language_name(code)
        choices.append((code, name if own_name.casefold() == name.casefold() else f"{name} ({own_name})"))
    return choices


def site_language_default() -> str:
    return settings.LANGUAGE_CODE


def site_language_name(code: str) -> str:
    """A language's name in English ("ur" -> "Urdu"; "en-gb" -> "English")."""
    try:
        return get_language_info(code.split("-")[0])["name"]
    except KeyError:
        return code


def site_languages_enabled() -> list[str]:
    """The codes of the site's languages, English first: every one's word lists are matched."""
    return [code for code, _name in settings.LANGUAGES]


class SafeguardingPhrase(models.Model):
    """A word or phrase that suggests someone may be at risk. Matched against every youth voice
    and free-text survey answer; a match flags the feedback and alerts the Safeguarding group.
    End a word with * to match every word that starts with it ("stab*" matches "stabbed").

    Every text is checked against the phrases of every language (core/matching.py). Phrases
    shipped with the site for the languages other than English are drafts (`reviewed` unset)
    until the Safeguarding group has checked them; drafts are matched all the same."""

    class Category(models.TextChoices):
        THREAT = "threat", "Threats"
        WEAPON = "weapon", "Carrying a weapon"
        HARM_AT_HOME = "harm_at_home", "Being hurt at home"
        SELF_HARM = "self_harm", "Self-harm or suicide"
        EXPLOITATION = "exploitation", "Exploitation"
        OTHER = "other", "Other"

    phrase = models.CharField(max_length=100)
    language = models.CharField(
        max_length=10,
        choices=site_language_choices,
        default=site_language_default,
        help_text="The language the phrase is written in. Every text is checked against every language.",
    )
    category = models.CharField(max_length=20, choices=Category.choices)
    active = models.BooleanField(default=True)
    reviewed = models.BooleanField(
        default=True,
        help_text="Untick for a draft the Safeguarding group still has to check. Drafts are matched all the same.",
    )

    panels = [
        FieldPanel("phrase"),
        FieldPanel("language"),
        FieldPanel("category"),
        FieldPanel("active"),
        FieldPanel("reviewed"),
    ]

    class Meta:
        db_table = "consultation_safeguardingphrase"  # moved from consultation; the table kept its name
        ordering = ["language", "category", "phrase"]
        constraints = [
            models.UniqueConstraint(fields=["language", "phrase"], name="one_safeguarding_phrase_per_language")
        ]

    def __str__(self):
        return self.phrase

    @property
    def review_status(self) -> str:
        return "Reviewed" if self.reviewed else "Draft, to review"


# --- Exports --------------------------------------------------------------------------------


class ExportLog(models.Model):
    """A record of every export of responses or feedback: who, when, what and how many rows."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    kind = models.CharField(max_length=60, help_text="What was exported, such as survey responses.")
    filters = models.JSONField(default=dict, blank=True)
    row_count = models.PositiveIntegerField(default=0)
    included_personal_data = models.BooleanField(default=False)

    class Meta:
        db_table = "consultation_exportlog"  # moved from consultation; the table kept its name
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.kind} by {self.user} at {self.created_at:%Y-%m-%d %H:%M}"


# --- Data protection: the retention schedule and its audit logs -------------------------------


def _default_booking_days() -> int:
    """Bookings' period starts from EVENT_BOOKING_RETENTION_DAYS, the setting that held it before
    the schedule was one place, so a deployment that set it keeps its period."""
    return settings.EVENT_BOOKING_RETENTION_DAYS


def _default_export_file_days() -> int:
    """Export files' period starts from EXPORT_KEEP_DAYS, as bookings' does (above)."""
    return settings.EXPORT_KEEP_DAYS


def _days(default: int, help_text: str, *, verbose_name: str):
    return models.PositiveIntegerField(
        default=default, validators=[MinValueValidator(1)], verbose_name=verbose_name, help_text=help_text
    )


class LanguageSettingsForm(WagtailAdminModelForm):
    """The reviewed languages as a box to tick for each language but English."""

    reviewed = forms.MultipleChoiceField(
        choices=lambda: [(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Translations the council's translators have checked",
        help_text="Until a language is ticked, every page in it says that its translation is being checked.",
    )


@register_setting(icon="globe")
class LanguageSettings(BaseGenericSetting):
    """Which languages' translations the council's translators have checked. The interface's
    translations ship as drafts (locale/); pages in a language not yet ticked say so, in that
    language (templates/base.html)."""

    reviewed = models.JSONField(default=list, blank=True)

    base_form_class = LanguageSettingsForm
    panels = [FieldPanel("reviewed")]

    class Meta:
        verbose_name = "languages"

    @classmethod
    def reviewed_codes(cls) -> frozenset[str]:
        """The reviewed languages, kept for the page cache generation (saving starts a new one).
        Only read: until an Editor first saves the settings there is no row, and none is made
        here, since saving one would start a new generation and empty every cache."""

        def read():
            row = cls.objects.order_by("pk").values_list("reviewed", flat=True).first()
            return frozenset(row or ())

        return kept_for_generation("language-settings:reviewed", read)


@register_setting(icon="calendar-alt")
class DataRetentionSettings(BaseGenericSetting):
    """How long each kind of personal data is kept: the one retention schedule.

    A daily task (core/retention.py) applies it, in batches, and logs each run's counts in
    RetentionRun. Periods are in days (a year is 365) so that "before" and "after" are exact.
    One schedule for the whole database, not per site: a booking or a forum account belongs to
    no site. No staff group holds the permission to change it, so only administrators can.
    README ("Personal data and retention") explains each default.
    """

    contact_request_days = _days(
        365,
        "Contact details left with a survey or youth voice answer are removed this many days after the "
        "survey closes (for youth voice, and surveys with no closing date: after they were given), or "
        "once the Safeguarding group has recorded the alert they came with as handled, whichever is first.",
        verbose_name="contact details (days)",
    )
    forum_account_days = _days(
        730,
        "A parent forum account nobody has signed in to for this many days is deleted, as deleting "
        "one's own account does: posts stay, shown as \u201cFormer member\u201d.",
        verbose_name="unused forum accounts (days)",
    )
    forum_warning_days = _days(
        30,
        "The account's owner is emailed this many days before it is deleted. Signing in keeps it.",
        verbose_name="warning before deleting a forum account (days)",
    )
    equality_monitoring_days = _days(
        2 * 365,
        "Answers to a survey's equality monitoring questions (ethnic group, religion, disability, sexual "
        "orientation and the others) are deleted this many days after the survey closes (surveys with no "
        "closing date: after they were given). Reports made before then keep their counts.",
        verbose_name="equality monitoring answers (days)",
    )
    booking_days = models.PositiveIntegerField(
        default=_default_booking_days,
        validators=[MinValueValidator(1)],
        verbose_name="event bookings (days)",
        help_text="Names, emails and access needs are removed this many days after the event ends. The "
        "booking stays, anonymous, for attendance figures.",
    )
    safeguarding_alert_days = _days(
        6 * 365,
        "What the Safeguarding group recorded about an alert (the note, who handled it) is removed this "
        "many days after it was handled, in line with local-authority guidance on safeguarding records. "
        "The anonymous feedback stays.",
        verbose_name="safeguarding alert records (days)",
    )
    export_file_days = models.PositiveIntegerField(
        default=_default_export_file_days,
        validators=[MinValueValidator(1)],
        verbose_name="export files (days)",
        help_text="Files made by background exports are deleted this many days after they were made.",
    )
    log_days = _days(
        2 * 365,
        "After this many days, entries in the export log and the forum's moderation log keep the staff "
        "user, the action and the date; their detail (filters, the member, thread or post, the reason) "
        "is removed.",
        verbose_name="export and moderation logs (days)",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("contact_request_days"), FieldPanel("equality_monitoring_days"), FieldPanel("booking_days")],
            heading="People's details",
        ),
        MultiFieldPanel(
            [FieldPanel("forum_account_days"), FieldPanel("forum_warning_days")], heading="Parent forum accounts"
        ),
        MultiFieldPanel(
            [FieldPanel("safeguarding_alert_days"), FieldPanel("export_file_days"), FieldPanel("log_days")],
            heading="Records and logs",
        ),
    ]

    class Meta:
        verbose_name = "data retention"

    def clean(self):
        super().clean()
        if self.forum_warning_days and self.forum_account_days and self.forum_warning_days >= self.forum_account_days:
            raise ValidationError(
                {"forum_warning_days": "The warning must come before the account is deleted: make it fewer days."}
            )


class RetentionRun(models.Model):
    """One run of the retention schedule: when, and how many records each step removed or
    anonymised. Counts only, never what was removed. A run with no `finished_at` stopped part
    way (its `error` names the exception); each batch it finished is done, the rest is left for
    the next run."""

    started_at = models.DateTimeField(default=timezone.now, db_index=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    counts = models.JSONField(default=dict, blank=True, help_text="Records removed or anonymised, by step.")
    error = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]

    def __str__(self):
        return f"Retention run {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def total(self) -> int:
        return sum(self.counts.values())


class ErasureLog(models.Model):
    """One erasure of a person's data on request: who did it, when, what they searched by
    (email, phone, name: the kinds, never the values) and how many records of each kind were
    removed or anonymised. Nothing here says who the person was."""

    class Via(models.TextChoices):
        ADMIN = "admin", "Admin"
        COMMAND = "command", "Command line"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    via = models.CharField(max_length=10, choices=Via.choices, default=Via.ADMIN)
    searched_by = models.JSONField(default=list, blank=True)
    counts = models.JSONField(default=dict, blank=True)
    total = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-pk"]
        permissions = [("handle_personal_data", "Can find, export and erase one person's personal data on request")]

    def __str__(self):
        return f"Erasure at {self.created_at:%Y-%m-%d %H:%M} ({self.total} records)"
