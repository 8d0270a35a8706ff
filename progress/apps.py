from django.apps import AppConfig


class ProgressConfig(AppConfig):
    """Councils' self-assessment against the strategy, and the national picture it builds."""

    name = "progress"
    verbose_name = "Self-assessment"
