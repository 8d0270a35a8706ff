"""Admin addresses of the analysis workspace."""

from django.urls import include, path

from consultations.analysis import views


one_consultation = [
    path("", views.overview_view, name="consultations_analysis_overview"),
    path("themes/", views.themes_view, name="consultations_analysis_themes"),
    path("themes/merge/", views.theme_merge_view, name="consultations_analysis_merge"),
    path("themes/<int:theme_id>/", views.theme_rename_view, name="consultations_analysis_rename"),
    path("comments/", views.comments_view, name="consultations_analysis_comments"),
    path("comments/<int:comment_id>/", views.comment_view, name="consultations_analysis_comment"),
    path("groups/", views.groups_view, name="consultations_analysis_groups"),
    path("groups/<int:group_id>/", views.group_view, name="consultations_analysis_group"),
    path("report/", views.report_view, name="consultations_analysis_report"),
]

urlpatterns = [
    path("consultations/analysis/", views.index_view, name="consultations_analysis"),
    path("consultations/<int:page_id>/analysis/", include(one_consultation)),
]
