"""Atom feed of new case studies."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from hub.models import flag_text


FEED_LENGTH = 20


class CaseStudyFeed(Feed):
    """The newest case studies under one finder, newest first."""

    feed_type = Atom1Feed

    def __init__(self, index, case_studies):
        super().__init__()
        self.index = index
        self.case_studies = case_studies

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return f"New case studies – {self.index.title}"

    def subtitle(self):
        return self.index.summary or "Good practice from councils in England."

    def link(self):
        return self.index.get_url(request=self.request)

    def items(self):
        return (
            self.case_studies.latest_published()
            .defer_streamfields()
            .select_related("lead_council")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return f"{flag_text(item)}{item.title}"

    def item_description(self, item):
        council = f"{item.lead_council.name}. " if item.lead_council else ""
        return f"{council}{item.summary}"

    def item_link(self, item):
        return item.get_url(request=self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at
