"""Background work for consultations, run by the task worker (django-tasks)."""

from django_tasks import task


@task()
def send_comment_email(email_id: int) -> bool:
    """Send one email from the outbox; a row already sent, or being sent, is left alone."""
    from consultations.services import comment_email_send

    return comment_email_send(email_id=email_id)


@task()
def send_notification(notification_id: int) -> bool:
    """Send one email to a respondent or subscriber from the outbox, at most once."""
    from consultations.follow_up.notifications import notification_send

    return notification_send(notification_id)
