"""Error pages rendered through the site's own templates."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template.loader import render_to_string


def page_not_found(request, exception=None):
    """Branded 404 page."""
    return render(request, "404.html", status=404)


def server_error(request):
    """Branded 500 page, without context processors, so a broken database cannot break it."""
    return HttpResponseServerError(render_to_string("500.html"))
