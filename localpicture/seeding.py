"""The demo's local picture: an illustrative police-format file, imported through the same
service as real files, a small ward lookup, the page, and the two series of Figure 2 of the
briefing (empty until the council has the police's figures, so not shown on the page).

Everything is deterministic and made only if missing, so running it again changes nothing.
The figures are made up, and the import is marked illustrative, which the page says in a
prominent notice.
"""

import csv
import io
import random
import tempfile
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Page

from core.seeding import child_by_slug, publish_child

from .constants import DEFAULT_CRIME_TYPES, POLICE_HEADER
from .imports import police_import_run
from .models import CrimeCount, FigureSeries, LocalPicturePage, PoliceImport, WardLookup
from .services import ward_lookup_replace

DEMO_FILE_NAME = "illustrative-leicestershire-street.csv"
# 24 months, fixed so that the demo is the same whenever it is loaded.
DEMO_FIRST_MONTH = (2023, 1)
DEMO_MONTHS = 24
# (LSOA code, LSOA name, ward): made-up codes in the real pattern.
DEMO_LSOAS = [
    ("E01099001", "Leicester 001A", "Abbey"),
    ("E01099002", "Leicester 004B", "Beaumont Leys"),
    ("E01099003", "Leicester 015C", "Castle"),
    ("E01099004", "Leicester 016A", "Castle"),
    ("E01099005", "Leicester 022D", "Spinney Hills"),
    ("E01099006", "Leicester 031B", "Westcotes"),
]
DEMO_WARD_CODES = {"Abbey": "E05099001", "Beaumont Leys": "E05099002", "Castle": "E05099003",
                   "Spinney Hills": "E05099004", "Westcotes": "E05099005"}  # fmt: skip
# Rows from the rest of the force's area, which the import must ignore.
OTHER_LSOAS = [("E01099101", "Charnwood 003A"), ("E01099102", "Blaby 007B")]
# Average crimes a month in each LSOA, by crime type.
DEMO_RATES = {"Possession of weapons": 1.5, "Violence and sexual offences": 9.0, "Burglary": 2.0}

PAGE = {
    "title": "The local picture",
    "slug": "local-picture",
    "intro": "How possession of weapons and violence offences recorded by the police in the city have "
    "changed month by month, with the numbers and a file to download.",
    "notes": "<p>The police record a crime where it happened, by small area. These counts are of crimes "
    "recorded, not of people, and a rise can mean more people are reporting, not only more crime.</p>"
    "<p>Violence and sexual offences cover a wide range, from harassment to serious assault; possession "
    "of weapons counts people found carrying a knife or another weapon, which goes up when the police "
    "search more.</p>",
}
FIGURE_SERIES = [
    {
        "title": "Knife-enabled serious violence in public places, all ages",
        "unit": "offences per 1,000 people",
        "source": "Leicestershire Police",
        "notes": "Figure 2 of the October 2022 scrutiny briefing, July 2020 to June 2022.",
    },
    {
        "title": "Knife-enabled serious violence in public places, under 25s",
        "unit": "offences per 1,000 people aged under 25",
        "source": "Leicestershire Police",
        "notes": "Figure 2 of the October 2022 scrutiny briefing, July 2020 to June 2022.",
    },
]


def demo_police_csv(*, months: int = DEMO_MONTHS, first: tuple[int, int] = DEMO_FIRST_MONTH) -> str:
    """An illustrative file in the data.police.uk street-level format: the same every time."""
    rng = random.Random(7)  # noqa: S311 - made-up demo figures, not security
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(POLICE_HEADER)
    serial = 0
    for step in range(months):
        index = first[0] * 12 + first[1] - 1 + step
        month = f"{index // 12}-{index % 12 + 1:02d}"
        # A gentle seasonal swing and a slow fall, so the comparison has something to say.
        season = 1.0 + 0.25 * ((index % 12) in (5, 6, 7)) - 0.01 * step
        lsoas = [(code, name) for code, name, _ in DEMO_LSOAS] + OTHER_LSOAS
        for code, name in lsoas:
            for crime_type, rate in DEMO_RATES.items():
                for _ in range(max(0, round(rng.gauss(rate * season, rate**0.5)))):
                    serial += 1
                    writer.writerow(
                        [
                            f"demo{serial:08d}",
                            month,
                            "Leicestershire Police",
                            "Leicestershire Police",
                            f"{-1.13 + rng.random() / 50:.6f}",
                            f"{52.63 + rng.random() / 50:.6f}",
                            "On or near Illustrative Street",
                            code,
                            name,
                            crime_type,
                            "Under investigation",
                            "",
                        ]
                    )
    return out.getvalue()


def _demo_import() -> None:
    if CrimeCount.objects.exists() or PoliceImport.objects.filter(illustrative=True).exists():
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / DEMO_FILE_NAME
        path.write_text(demo_police_csv(), encoding="utf-8")
        job = PoliceImport.objects.create(file_names=[DEMO_FILE_NAME], illustrative=True)
        police_import_run(police_import=job, files=[(path, DEMO_FILE_NAME)])


def _demo_ward_lookup() -> None:
    if WardLookup.objects.exists():
        return
    lines = ["lsoa_code,ward_code,ward_name"] + [
        f"{code},{DEMO_WARD_CODES[ward]},{ward}" for code, _, ward in DEMO_LSOAS
    ]
    ward_lookup_replace(upload=SimpleUploadedFile("wards.csv", "\n".join(lines).encode()))


def demo_seed(*, home: Page) -> None:
    """Load the demo local picture (see the module docstring)."""
    for series in FIGURE_SERIES:
        FigureSeries.objects.get_or_create(title=series["title"], defaults=series)
    _demo_import()
    _demo_ward_lookup()
    if child_by_slug(home, PAGE["slug"]) is None:
        publish_child(home, LocalPicturePage(show_in_menus=True, crime_types=list(DEFAULT_CRIME_TYPES), **PAGE))
