from django.apps import AppConfig
from django.db.models.signals import post_migrate


class HubConfig(AppConfig):
    """Site core: home page, standard pages, taxonomy, search and site chrome."""

    name = "hub"
    label = "hub"
    verbose_name = "Hub"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from hub.sites import site_address_after_migrate

        post_migrate.connect(site_address_after_migrate, sender=self)

        from hub import page_cache

        page_cache.connect_signals()
