"""Published responses: approved comments under their sections, names only with consent."""

from dataclasses import dataclass

from django.db.models import F
from django.http import Http404
from django.utils import timezone

from consultations.forms import ResponseSearchForm
from consultations.models import Comment, ConsultationPage
from consultations.views import page_response
from hub.pagination import paginate


PER_PAGE = 20


@dataclass(frozen=True)
class PublishedComment:
    """What the public may see of one comment: never an email, a name only with consent."""

    about: str
    text: str
    received_at: object
    name: str
    organisation: str
    # "Verified response from …" or "Organisation not verified", with the organisation only.
    verification: str

    @classmethod
    def of(cls, comment: Comment) -> "PublishedComment":
        return cls(
            about=comment.about,
            text=comment.text,
            received_at=comment.received_at,
            name=comment.name if comment.consent_publish_name else "",
            organisation=comment.organisation if comment.consent_publish_organisation else "",
            verification=comment.verification if comment.consent_publish_organisation else "",
        )


def published_responses_view(request, page: ConsultationPage):
    """Approved comments, whole-draft ones first then by section, searchable and paginated."""
    if not page.responses_published_at(timezone.now()):
        raise Http404("Responses are not published")
    form = ResponseSearchForm(request.GET or None)
    comments = (
        Comment.objects.published_on(page)
        .select_related("council")
        .order_by(F("section_number").asc(nulls_first=True), "received_at", "pk")
    )
    query = form.cleaned_data["q"] if form.is_valid() else ""
    if query:
        comments = comments.filter(text__icontains=query)
    results = paginate(request, comments, PER_PAGE)
    # Moderation, withdrawal and retention change what this page shows without publishing
    # anything, so no cache may keep it: each request reads the comments as they are.
    return page_response(
        request,
        page,
        "responses",
        400 if form.errors else 200,
        form=form,
        query=query,
        results=results,
        published=[PublishedComment.of(c) for c in results],
    )
