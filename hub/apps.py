from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate, post_save


class HubConfig(AppConfig):
    """Site core: home page, standard pages, taxonomy, search and site chrome."""

    name = "hub"

    def ready(self):
        from wagtail.signals import page_published

        from hub import frontend_cache, page_cache
        from hub.guidance import change_note_record
        from hub.roles import page_types_with_roles, roles_sync
        from hub.sites import site_address_after_migrate

        post_migrate.connect(site_address_after_migrate, sender=self)
        # Sent for each app in turn, after auth has made that app's permissions: so the roles are
        # synced on the last app's signal, once every permission they name exists.
        last = [config for config in apps.get_app_configs() if config.models_module][-1]
        post_migrate.connect(roles_sync, sender=last, dispatch_uid="roles:sync")
        page_cache.connect_signals()
        frontend_cache.connect_signals()
        page_published.connect(change_note_record, dispatch_uid="hub_change_notes")
        # However a page is made (admin, copy, import, demo), its roles get their rights on it.
        for page_type in page_types_with_roles():
            post_save.connect(
                page_created, sender=apps.get_model(page_type), dispatch_uid=f"roles:{page_type}"
            )


def page_created(sender, instance, created, raw=False, **kwargs):
    """Attach the roles' rights to a page of a type they work under, once it exists."""
    from hub.roles import page_roles_attach

    if created and not raw:
        page_roles_attach(instance)
