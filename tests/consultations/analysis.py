"""Helpers for the analysis tests and bench: many comments at once, and an analyst."""

import uuid
from datetime import timedelta

from django.contrib.auth.models import Group

from consultations.enums import CommentStatus, ResponseType
from consultations.models import Comment
from hub.roles import CONSULTATION_MANAGERS


def analyst_user(django_user_model, username="analyst"):
    """A consultation manager, with the rights the migrations give the role."""
    user = django_user_model.objects.create_user(username, password="x" * 12)
    user.groups.add(Group.objects.get(name=CONSULTATION_MANAGERS))
    return user


def comments_make(consultation, texts, *, council=None, section=None, **fields) -> list[Comment]:
    """Comments stored directly (as the service would have), oldest first, in one query."""
    start = consultation.opens_at + timedelta(hours=1)
    base = Comment.objects.count()
    values = {"response_type": ResponseType.OFFICIAL, "status": CommentStatus.RECEIVED, **fields}
    rows = [
        Comment(
            consultation=consultation,
            section_id=section["id"] if section else "",
            section_number=section["number"] if section else None,
            section_heading=section["heading"] if section else "",
            name=f"Respondent {base + n}",
            email=f"r{base + n}@example.gov.uk",
            council=council,
            organisation_other="" if council else "Northmoor Schools Trust",
            role="Buyer",
            text=text,
            reference=f"HUB-26-{base + n:04d}-TEST",
            received_at=start + timedelta(minutes=base + n),
            idempotency_key=uuid.uuid4(),
            **values,
        )
        for n, text in enumerate(texts)
    ]
    return Comment.objects.bulk_create(rows)
