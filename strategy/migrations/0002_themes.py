"""The strategy's six themes, in the order the strategy lists them."""

from django.db import migrations

THEMES = [
    ("Education", "education", "Working with schools and colleges to keep young people in education and learning."),
    ("Young People", "young-people", "Youth work in schools, on the streets and in communities, and hearing young people's voices."),
    ("Communities", "communities", "Places to meet, mentoring, peer support for parents and emergency bleed-control kits."),
    ("Partnership Working", "partnership-working", "Working with universities, the Violence Reduction Network, the police and voluntary groups."),
    ("Employment and Training", "employment-and-training", "Helping young people and ex-offenders into work, training and apprenticeships."),
    ("Policy and Process", "policy-and-process", "How the council and its partners organise, share information and report on the strategy."),
]


def create_themes(apps, schema_editor):
    Theme = apps.get_model("strategy", "Theme")
    for order, (name, slug, description) in enumerate(THEMES):
        Theme.objects.update_or_create(
            slug=slug, defaults={"name": name, "description": description, "sort_order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("strategy", "0001_initial")]

    operations = [migrations.RunPython(create_themes, migrations.RunPython.noop)]
