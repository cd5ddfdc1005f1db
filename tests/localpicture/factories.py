"""factory_boy factories for the local picture, and police-format files for the import tests."""

import csv
import io

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from localpicture import models
from localpicture.constants import DEFAULT_CRIME_TYPES, POLICE_HEADER


class LocalPicturePageFactory(wagtail_factories.PageFactory):
    title = "The local picture"
    crime_types = factory.LazyFunction(lambda: list(DEFAULT_CRIME_TYPES))

    class Meta:
        model = models.LocalPicturePage


class FigureSeriesFactory(DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Rate per 1,000 people {n}")
    unit = "per 1,000 people"
    source = "Leicestershire Police"

    class Meta:
        model = models.FigureSeries


def police_row(month="2024-05", lsoa_code="E01013649", lsoa_name="Leicester 015C", crime_type="Possession of weapons"):
    return [
        "abc123",
        month,
        "Leicestershire Police",
        "Leicestershire Police",
        "-1.13",
        "52.63",
        "On or near Granby Street",
        lsoa_code,
        lsoa_name,
        crime_type,
        "Under investigation",
        "",
    ]


def police_csv(rows, header=POLICE_HEADER) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode()
