"""Every role and exactly its rights, from hub.roles (so a fresh database needs no demo).

The stock Moderators group loses its right to publish any page: moderators publish only by
approving in a workflow. Editors get the taxonomy snippets the demo used to give them.
"""

from django.db import migrations

from hub.roles import roles_sync


class Migration(migrations.Migration):
    dependencies = [
        ("hub", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("casestudies", "0002_editors_and_moderation"),
        ("consultations", "0001_initial"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(roles_sync, migrations.RunPython.noop),
    ]
