from django.conf import settings
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from hub import search, views


urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", search.search, name="search"),
    path("consultations/alerts/", include("consultations.urls")),
    path("check-your-progress/self-assessment/", include("progress.urls")),
    path("procurement-act/", include("strategy.act.urls")),
    path("sitemap.xml", sitemap),
    path("feedback/", views.page_feedback, name="page_feedback"),
    path("healthz", views.healthz, name="healthz"),
]

if not settings.AWS_STORAGE_BUCKET_NAME:
    # Uploads in MEDIA_ROOT are served by the app itself, in production too (README).
    urlpatterns += [re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.+)$", views.media)]

urlpatterns += [path("", include(wagtail_urls))]

handler400 = "hub.views.bad_request"
handler500 = "hub.views.server_error"
