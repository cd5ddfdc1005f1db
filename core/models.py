"""What every app stands on: the strategy's themes, the council's wards, the site settings, the
safeguarding phrases and the log of every export.

These models moved here from `strategy` and `consultation` when the ground floor was built;
each keeps the table it had (`Meta.db_table`), so the move changed no data.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from taggit.models import TagBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

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
                PageChooserPanel("accessibility_page"),
            ],
            heading="Who we are",
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
    select_related = ["privacy_page", "accessibility_page"]

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


# --- Safeguarding phrases, edited in the admin ----------------------------------------------


class SafeguardingPhrase(models.Model):
    """A word or phrase that suggests someone may be at risk. Matched against every youth voice
    and free-text survey answer; a match flags the feedback and alerts the Safeguarding group.
    End a word with * to match every word that starts with it ("stab*" matches "stabbed")."""

    class Category(models.TextChoices):
        THREAT = "threat", "Threats"
        WEAPON = "weapon", "Carrying a weapon"
        HARM_AT_HOME = "harm_at_home", "Being hurt at home"
        SELF_HARM = "self_harm", "Self-harm or suicide"
        EXPLOITATION = "exploitation", "Exploitation"
        OTHER = "other", "Other"

    phrase = models.CharField(max_length=100, unique=True)
    category = models.CharField(max_length=20, choices=Category.choices)
    active = models.BooleanField(default=True)

    panels = [FieldPanel("phrase"), FieldPanel("category"), FieldPanel("active")]

    class Meta:
        db_table = "consultation_safeguardingphrase"  # moved from consultation; the table kept its name
        ordering = ["category", "phrase"]

    def __str__(self):
        return self.phrase


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
