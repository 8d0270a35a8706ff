"""Writes for guidance pages: a change note stored as each substantive change is published."""

from hub.models import ChangeNote, Guidance


def change_note_record(sender, instance, revision=None, **kwargs) -> ChangeNote | None:
    """On page_published: store the page's public change note, unless it was a minor change.

    Publishing the same revision again, or a later one still carrying the last note, adds none.
    """
    if not isinstance(instance, Guidance) or instance.minor_change:
        return None
    note = instance.change_note.strip()
    if not note:
        return None
    if revision is not None and ChangeNote.objects.filter(revision=revision).exists():
        return None
    latest = ChangeNote.objects.for_page(instance).first()
    if latest is not None and latest.note == note:
        return None
    published_at = getattr(revision, "approved_go_live_at", None) or instance.last_published_at
    fields = {"published_at": published_at} if published_at else {}
    return ChangeNote.objects.create(page=instance, revision=revision, note=note, **fields)
