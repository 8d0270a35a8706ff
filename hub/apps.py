from django.apps import AppConfig


class HubConfig(AppConfig):
    """Site core: home page, standard pages, taxonomy, search and site chrome."""

    name = "hub"
    label = "hub"
    verbose_name = "Hub"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from hub import page_cache

        page_cache.connect_signals()
