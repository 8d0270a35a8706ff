"""Admin addresses of the analysis workspace."""

from django.urls import path

from consultations.analysis import views


urlpatterns = [
    path("consultations/analysis/", views.index_view, name="consultations_analysis"),
    path(
        "consultations/<int:page_id>/analysis/",
        views.overview_view,
        name="consultations_analysis_overview",
    ),
    path(
        "consultations/<int:page_id>/analysis/themes/",
        views.themes_view,
        name="consultations_analysis_themes",
    ),
    path(
        "consultations/<int:page_id>/analysis/themes/merge/",
        views.theme_merge_view,
        name="consultations_analysis_merge",
    ),
    path(
        "consultations/<int:page_id>/analysis/themes/<int:theme_id>/",
        views.theme_rename_view,
        name="consultations_analysis_rename",
    ),
    path(
        "consultations/<int:page_id>/analysis/comments/",
        views.comments_view,
        name="consultations_analysis_comments",
    ),
    path(
        "consultations/<int:page_id>/analysis/comments/<int:comment_id>/",
        views.comment_view,
        name="consultations_analysis_comment",
    ),
    path(
        "consultations/<int:page_id>/analysis/groups/",
        views.groups_view,
        name="consultations_analysis_groups",
    ),
    path(
        "consultations/<int:page_id>/analysis/groups/<int:group_id>/",
        views.group_view,
        name="consultations_analysis_group",
    ),
    path(
        "consultations/<int:page_id>/analysis/report/",
        views.report_view,
        name="consultations_analysis_report",
    ),
]
