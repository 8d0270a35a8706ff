from django.apps import AppConfig


class ConsultationsConfig(AppConfig):
    """Consultations on draft category strategies and the comments they receive."""

    name = "consultations"
    verbose_name = "Consultations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from consultations.follow_up import outcome  # noqa: F401 - connects the page_published receiver
