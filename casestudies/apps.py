from django.apps import AppConfig


class CaseStudiesConfig(AppConfig):
    """Case studies of good practice from councils."""

    name = "casestudies"
    verbose_name = "Case studies"
    default_auto_field = "django.db.models.BigAutoField"
