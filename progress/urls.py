from django.urls import path

from progress import views


app_name = "progress"

RETURN = "<int:year>/<slug:council>/"

urlpatterns = [
    path("", views.index, name="index"),
    path("sign-in/", views.sign_in, name="sign_in"),
    path("sign-in/<str:token>/", views.sign_in_link, name="sign_in_link"),
    path("sign-out/", views.sign_out, name="sign_out"),
    path("start/", views.start, name="start"),
    path("request-access/", views.request_access, name="request_access"),
    path("access-requests/<int:pk>/", views.access_decide, name="access_decide"),
    path("findings/<int:year>/", views.findings, name="findings"),
    path("findings/<int:year>/<slug:chart>.csv", views.findings_csv, name="findings_csv"),
    path("<int:year>/blank/", views.blank, name="blank"),
    path(RETURN, views.task_list, name="return"),
    path(RETURN + "colleagues/", views.colleagues, name="colleagues"),
    path(RETURN + "submit/", views.submit, name="submit"),
    path(RETURN + "reopen/", views.reopen, name="reopen"),
    path(RETURN + "results/", views.results_page, name="results"),
    path(RETURN + "results/<slug:chart>.csv", views.results_csv, name="results_csv"),
    path(RETURN + "print/", views.print_return, name="print"),
    path(RETURN + "replaced/<int:pk>/dismiss/", views.dismiss, name="dismiss"),
    path(RETURN + "areas/<slug:slug>/", views.area, name="area"),
    path(
        RETURN + "areas/<slug:slug>/council/",
        views.area,
        {"for_council": True},
        name="council_answer",
    ),
]
