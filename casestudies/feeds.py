"""Atom feed of new case studies."""

from hub.feeds import IndexFeed


FEED_LENGTH = 20


class CaseStudyFeed(IndexFeed):
    """The newest case studies under one finder, newest first."""

    about = "Good practice from councils in England."

    def __init__(self, index, case_studies):
        super().__init__(index)
        self.case_studies = case_studies

    def title(self):
        return f"New case studies – {self.index.title}"

    def items(self):
        return (
            self.case_studies.latest_published()
            .defer_streamfields()
            .select_related("lead_council")[:FEED_LENGTH]
        )

    def item_description(self, item):
        council = f"{item.lead_council.name}. " if item.lead_council else ""
        return f"{council}{item.summary}"

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at
