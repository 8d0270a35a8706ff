"""Atom feeds of the pages under an index page."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from hub.models import flag_text


class IndexFeed(Feed):
    """Pages under one index, at the request's site's addresses, flagged when illustrative."""

    feed_type = Atom1Feed
    # The feed's subtitle when the index has no summary.
    about = ""

    def __init__(self, index):
        super().__init__()
        self.index = index

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def subtitle(self):
        return self.index.summary or self.about

    def link(self):
        return self.index.get_url(request=self.request)

    def item_title(self, item):
        return f"{flag_text(item)}{item.title}"

    def item_link(self, item):
        return item.get_url(request=self.request)
