"""The first edition of the Procurement Act rules and glossary, from the hub's fact sheet."""

from django.db import migrations
from django.utils.text import slugify

from strategy.act import seed


def load(apps, schema_editor):
    """Add the seed rows that are not there yet (safe to run twice)."""
    ValueLine = apps.get_model("strategy", "ValueLine")
    MinimumPeriod = apps.get_model("strategy", "MinimumPeriod")
    Notice = apps.get_model("strategy", "Notice")
    GlossaryTerm = apps.get_model("strategy", "GlossaryTerm")
    RulesVersion = apps.get_model("strategy", "RulesVersion")
    for model, rows in (
        (ValueLine, seed.value_lines()),
        (MinimumPeriod, seed.minimum_periods()),
        (Notice, seed.notices()),
    ):
        for row in rows:
            model.objects.get_or_create(
                key=row["key"], effective_from=row["effective_from"], defaults=row
            )
    for row in seed.glossary():
        slug = slugify(row["term"])
        GlossaryTerm.objects.get_or_create(term=row["term"], defaults={**row, "slug": slug})
    if not RulesVersion.objects.exists():
        RulesVersion.objects.create(number=1)


class Migration(migrations.Migration):
    dependencies = [("strategy", "0005_act_rules")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
