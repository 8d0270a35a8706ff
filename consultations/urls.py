"""Email alerts live outside the page tree: one-click unsubscribe must accept a bare POST."""

from django.urls import path

from consultations.follow_up import alerts


app_name = "consultations"

urlpatterns = [
    path("", alerts.subscribe_view, name="subscribe"),
    path("check-your-email/", alerts.subscribe_sent_view, name="subscribe_sent"),
    path("confirm/<str:token>/", alerts.subscribe_confirm_view, name="subscribe_confirm"),
    path("unsubscribe/<uuid:key>/", alerts.unsubscribe_view, name="unsubscribe"),
]
