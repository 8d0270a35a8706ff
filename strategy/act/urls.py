from django.urls import path

from strategy.act import views


app_name = "act"

urlpatterns = [
    path("", views.index, name="index"),
    path("check/", views.check_start, name="check"),
    path("check/answers/", views.check_answers, name="check_answers"),
    path("check/result/", views.check_result, name="check_result"),
    path("check/result/print/", views.check_print, name="check_print"),
    path("check/<slug:step>/", views.check_step, name="check_step"),
    path("timeline/", views.timeline_form, name="timeline"),
    path("timeline/result/", views.timeline_result, name="timeline_result"),
    path("timeline/result/print/", views.timeline_print, name="timeline_print"),
    path("timeline/result/timeline.ics", views.timeline_ics, name="timeline_ics"),
    path("timeline/result/timeline.csv", views.timeline_csv, name="timeline_csv"),
    path("notices/", views.notice_list, name="notices"),
    path("notices/which-do-i-need/", views.notices_needed, name="notices_needed"),
    path("notices/<slug:key>/", views.notice_detail, name="notice"),
    path("glossary/", views.glossary, name="glossary"),
    path("data/", views.data, name="data"),
    path("data/act-rules.json", views.data_json, name="data_json"),
    path("data/<slug:name>.csv", views.data_csv, name="data_csv"),
]
