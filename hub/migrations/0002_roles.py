"""Once synced the roles; hub.roles.roles_sync now does so after every migrate (post_migrate).

Kept, empty, because later migrations depend on it and databases have it applied.
"""

from django.db import migrations


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

    operations = []
