"""Lists sort by the name in Latin letters (``tizim.core.names.sort_key``), so Latin-only names
interleave with Cyrillic ones: rewrite the sort key of every listing that shows a name."""

from django.db import migrations

from tizim.core.names import sort_key


def resort(apps, schema_editor):
    Publication = apps.get_model("publish", "Publication")
    changed = []
    for publication in Publication.objects.exclude(sort_name="").only("id", "shown_name"):
        publication.sort_name = sort_key(publication.shown_name)[:300]
        changed.append(publication)
        if len(changed) >= 2000:
            Publication.objects.bulk_update(changed, ["sort_name"])
            changed = []
    Publication.objects.bulk_update(changed, ["sort_name"])


class Migration(migrations.Migration):
    dependencies = [("publish", "0003_figures_snapshot")]

    operations = [migrations.RunPython(resort, migrations.RunPython.noop)]
