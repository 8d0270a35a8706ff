"""Carry every confirmation and follow-up email, sent or waiting, into the site's outbox."""

from django.db import migrations
from django.db.models import Q


FIELDS = ("status", "attempts", "last_error", "created_at", "sent_at")


def carry_across(apps, schema_editor):
    CommentEmail = apps.get_model("consultations", "CommentEmail")
    Notification = apps.get_model("consultations", "Notification")
    Email = apps.get_model("hub", "Email")
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not (CommentEmail.objects.exists() or Notification.objects.exists()):
        return
    comment, _ = ContentType.objects.get_or_create(app_label="consultations", model="comment")
    subscription, _ = ContentType.objects.get_or_create(
        app_label="consultations", model="subscription"
    )
    rows = [
        Email(
            kind="receipt",
            page_id=job.comment.consultation_id,
            content_type=comment,
            object_id=job.comment_id,
            **{field: getattr(job, field) for field in FIELDS},
        )
        for job in CommentEmail.objects.select_related("comment")
    ]
    for row in Notification.objects.all():
        about = (comment, row.comment_id) if row.comment_id else (subscription, row.subscription_id)
        rows.append(
            Email(
                kind=row.kind,
                page_id=row.consultation_id,
                content_type=about[0] if about[1] else None,
                object_id=about[1],
                token=row.token,
                **{field: getattr(row, field) for field in FIELDS},
            )
        )
    Email.objects.bulk_create(rows)


def carry_back(apps, schema_editor):
    CommentEmail = apps.get_model("consultations", "CommentEmail")
    Notification = apps.get_model("consultations", "Notification")
    Email = apps.get_model("hub", "Email")
    ours = Email.objects.filter(
        Q(content_type__app_label="consultations") | Q(kind="subscription_confirm")
    )
    for email in ours:
        values = {field: getattr(email, field) for field in FIELDS}
        if email.kind == "receipt":
            CommentEmail.objects.create(comment_id=email.object_id, **values)
            continue
        model = email.content_type.model if email.content_type_id else ""
        Notification.objects.create(
            kind=email.kind,
            consultation_id=email.page_id,
            comment_id=email.object_id if model == "comment" else None,
            subscription_id=email.object_id if model == "subscription" else None,
            token=email.token,
            **values,
        )
    ours.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0003_consultation_managers_late_entry_and_erasure"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("hub", "0006_outbox_email"),
    ]

    operations = [migrations.RunPython(carry_across, carry_back)]
