"""Helpers for the follow-up tests: people with and without the managers group, and comments."""

import uuid

from django.contrib.auth.models import Group, Permission

from consultations.services import Respondent, comment_create


# Who sends a comment, unless a test says otherwise.
PRIYA = {
    "name": "Priya Shah",
    "email": "priya@northmoor.gov.uk",
    "council": None,
    "organisation_other": "Northmoor Schools Trust",
    "role": "Head of procurement",
    "response_type": "official",
}


def manager_user(django_user_model, username="manager"):
    """A member of the "Consultation managers" group the migrations create."""
    user = django_user_model.objects.create_user(username, password="x" * 12)
    user.groups.add(Group.objects.get(name="Consultation managers"))
    return user


def editor_user(django_user_model, username="plain-editor"):
    """An editor who may use the admin but is not in the group."""
    user = django_user_model.objects.create_user(username, password="x" * 12)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def respond(consultation, text="A comment.", *, email="priya@northmoor.gov.uk", **fields):
    """Store a comment through the service, as the form would, while the consultation is open."""
    respondent = {
        **PRIYA,
        "email": email,
        **{k: v for k, v in fields.items() if k not in ("section_id", "late_entry")},
    }
    comment, _ = comment_create(
        consultation=consultation,
        idempotency_key=uuid.uuid4(),
        respondent=Respondent(**respondent),
        text=text,
        section_id=fields.get("section_id", ""),
        late_entry=fields.get("late_entry"),
    )
    return comment
