"""The local picture: monthly police figures for the city, the figures the police share
directly, and the page that charts them.

Individual crimes are never stored: an import keeps only the monthly count of each crime type
in each LSOA (a small statistical area) of the city. See localpicture/services.py.

The page is shown by views (localpicture/views.py), which localpicture/routes.py lists as its
routes: the views read through the selectors, which import these models.
"""

from django import forms
from django.conf import settings
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES
from core.routing import CachedViewRestrictionsMixin, LanguageTreeUrlMixin, RegisteredRoutesMixin

from .constants import CRIME_TYPE_CHOICES, DEFAULT_CRIME_TYPES

# --- Settings -----------------------------------------------------------------------------


@register_setting(icon="table")
class LocalPictureSettings(BaseSiteSetting):
    """Which rows of the police files belong to the city, and how the source is named."""

    lsoa_prefix = models.CharField(
        "LSOA name prefix",
        max_length=60,
        default="Leicester ",
        help_text="Rows of the police files whose LSOA name starts with this belong to the city "
        "(for example 'Leicester ' keeps 'Leicester 015C'). Mind the space at the end.",
    )
    source_name = models.CharField(
        max_length=160, default="Leicestershire Police, street-level crime data published on data.police.uk"
    )
    source_url = models.URLField(default="https://data.police.uk/data/")

    panels = [FieldPanel("lsoa_prefix"), FieldPanel("source_name"), FieldPanel("source_url")]

    class Meta:
        verbose_name = "local picture settings"


# --- Police data --------------------------------------------------------------------------


class PoliceImport(models.Model):
    """One upload of police files (a CSV, several, or the zip data.police.uk gives), with its
    progress and what came of it. The uploaded file is kept outside the public media folder
    only until the import has run."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting"
        RUNNING = "running", "Importing"
        DONE = "done", "Imported"
        FAILED = "failed", "Rejected"

    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    file_names = models.JSONField(default=list, blank=True, help_text="The names of the files as uploaded.")
    stored_paths = models.JSONField(default=list, blank=True, help_text="Where the uploads wait, until imported.")
    illustrative = models.BooleanField(
        default=False, help_text="Made-up figures for the demo: the page says so wherever they show."
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    bytes_total = models.BigIntegerField(default=0)
    bytes_done = models.BigIntegerField(default=0)
    rows_read = models.PositiveIntegerField(default=0)
    rows_kept = models.PositiveIntegerField(default=0)
    rows_ignored = models.PositiveIntegerField(default=0)
    ignored_crime_types = models.JSONField(
        default=list,
        blank=True,
        help_text="Rows left out because their crime type is not one data.police.uk publishes: [[type, rows], ...].",
    )
    months = models.JSONField(default=list, blank=True, help_text="Months replaced, as YYYY-MM.")
    skipped = models.JSONField(default=list, blank=True, help_text="Files in a zip that were not imported, and why.")
    errors = models.JSONField(default=list, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        permissions = [("import_police_data", "Can import police data")]

    def __str__(self):
        return f"Import {self.pk} ({self.get_status_display()})"

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        return min(99, int(100 * self.bytes_done / self.bytes_total)) if self.bytes_total else 0


class CrimeCount(models.Model):
    """How many crimes of one type the police recorded in one LSOA of the city in one month,
    and the source of the figures (see `illustrative` and `police_import`)."""

    month = models.DateField(help_text="The first day of the month.")
    crime_type = models.CharField(max_length=100)
    lsoa_code = models.CharField(max_length=12)
    lsoa_name = models.CharField(max_length=100)
    count = models.PositiveIntegerField()
    # Where the month's figures came from: made up for the demo (illustrative) or the police's
    # files, and which import brought them. The page marks illustrative months; officers remove
    # a month or a whole source in the admin.
    illustrative = models.BooleanField(default=False)
    police_import = models.ForeignKey(
        PoliceImport,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        # A plain column: a database constraint or an index would slow down the import's COPY.
        db_constraint=False,
        db_index=False,
    )

    class Meta:
        # The page's queries filter on month first, which this index serves; no other index and
        # no database foreign key, which would slow down the import's COPY by a third each.
        constraints = [
            models.UniqueConstraint(fields=["month", "crime_type", "lsoa_code"], name="crimecount_month_type_lsoa")
        ]

    def __str__(self):
        return f"{self.month:%Y-%m} {self.crime_type} {self.lsoa_code}: {self.count}"


class WardLookup(models.Model):
    """Which ward an LSOA lies in, from the lookup CSV an officer uploads."""

    lsoa_code = models.CharField(max_length=12, unique=True)
    ward_code = models.CharField(max_length=12)
    ward_name = models.CharField(max_length=100)

    class Meta:
        ordering = ["ward_name", "lsoa_code"]
        permissions = [("upload_ward_lookup", "Can upload the LSOA to ward lookup")]

    def __str__(self):
        return f"{self.lsoa_code} in {self.ward_name}"


# --- Figures the police share -------------------------------------------------------------


class FigureSeriesForm(WagtailAdminModelForm):
    """Each month once in a series: a second value for the same month is refused next to it."""

    def is_valid(self):
        valid = super().is_valid()
        seen = set()
        for form in self.formsets["values"].forms:
            data = getattr(form, "cleaned_data", None) or {}
            if data.get("DELETE") or not data.get("month"):
                continue
            month = data["month"].replace(day=1)
            if month in seen:
                form.add_error("month", f"{month:%B %Y} is already in this series.")
                valid = False
            seen.add(month)
        return valid


class FigureSeries(index.Indexed, ClusterableModel):
    """A named series of monthly figures the police share directly, such as the rate of
    knife-enabled serious violence per 1,000 people, for all ages or for under 25s."""

    title = models.CharField(max_length=200)
    unit = models.CharField(max_length=80, help_text="For example 'per 1,000 people' or 'offences'.")
    source = models.CharField(max_length=200, help_text="Who published the figures, and where.")
    notes = models.TextField(blank=True, help_text="How to read the figures: definitions, gaps, caveats.")

    panels = [
        FieldPanel("title"),
        FieldPanel("unit"),
        FieldPanel("source"),
        FieldPanel("notes"),
        HelpPanel(
            content="To add many months at once, use <strong>Upload values from CSV</strong> in the "
            "Figures the police share list (columns month,value)."
        ),
        InlinePanel("values", heading="Monthly values", label="Value"),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]
    base_form_class = FigureSeriesForm

    class Meta:
        ordering = ["title"]
        verbose_name = "figure series"
        verbose_name_plural = "figures the police share"

    def __str__(self):
        return self.title


class FigureValue(Orderable):
    """One month's value of a figure series."""

    series = ParentalKey(FigureSeries, on_delete=models.CASCADE, related_name="values")
    month = models.DateField(help_text="Any day of the month: it is stored as the first.")
    value = models.DecimalField(max_digits=12, decimal_places=3)

    panels = [FieldPanel("month"), FieldPanel("value")]

    class Meta(Orderable.Meta):
        ordering = ["month"]

    def clean(self):
        # Months are compared by their first day everywhere; the admin form calls this.
        if self.month:
            self.month = self.month.replace(day=1)


# --- The page -----------------------------------------------------------------------------


class LocalPicturePageForm(WagtailAdminPageForm):
    crime_types = forms.MultipleChoiceField(
        choices=CRIME_TYPE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        help_text="The police crime types to chart, one line each.",
    )


class LocalPicturePage(LanguageTreeUrlMixin, CachedViewRestrictionsMixin, RegisteredRoutesMixin, Page):
    """The local picture: the chosen police crime types month by month for the city, as an
    accessible chart, a table and a CSV; the last 12 months against the 12 before; the figures
    the police share; an optional breakdown by ward; and an editor's notes in plain words."""

    # What to show
    intro = models.TextField(blank=True, help_text="One or two sentences under the title.")
    crime_types = models.JSONField(default=list, blank=True)
    notes = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="What the figures mean, in plain words: what counts, what changed, what we are doing.",
    )
    figure_series = ParentalManyToManyField(FigureSeries, blank=True, related_name="+")
    show_ward_breakdown = models.BooleanField(
        default=True, help_text="Show the last 12 months by ward, once a ward lookup has been uploaded."
    )

    base_form_class = LocalPicturePageForm
    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("crime_types"),
        FieldPanel("notes"),
        MultiFieldPanel(
            [FieldPanel("figure_series", widget=forms.CheckboxSelectMultiple), FieldPanel("show_ward_breakdown")],
            heading="More figures",
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("notes")]

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count = 1
    template = "localpicture/local_picture_page.html"

    def chosen_crime_types(self) -> list[str]:
        return list(self.crime_types) or list(DEFAULT_CRIME_TYPES)
