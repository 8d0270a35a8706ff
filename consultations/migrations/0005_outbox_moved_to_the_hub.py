from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0004_carry_emails_to_the_site_outbox"),
    ]

    operations = [
        migrations.DeleteModel(name="CommentEmail"),
        migrations.DeleteModel(name="Notification"),
    ]
