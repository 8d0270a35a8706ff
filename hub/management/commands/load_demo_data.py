"""Build the demo site in code: safe to run again, it only adds what is missing."""

import argparse
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import module_has_submodule

from hub.demo import DemoContext, load_home, order_sections


# Apps load in this order because later ones file their content under earlier ones' taxonomy.
DEMO_APPS = ["hub", "strategy", "casestudies", "consultations", "progress"]


class Command(BaseCommand):
    help = "Create or complete the demo content for the Procurement Knowledge Hub."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-index", action="store_true", help="Skip rebuilding the search index."
        )
        parser.add_argument(
            "--demo-users",
            action=argparse.BooleanOptionalAction,
            default=None,
            help="Create the 'admin' and 'editor' sign-ins (default: only when DEBUG is on).",
        )

    def handle(self, *args, **options):
        with transaction.atomic():
            demo_users = settings.DEBUG if options["demo_users"] is None else options["demo_users"]
            ctx = DemoContext(home=load_home(), shared={"demo_users": demo_users})
            for label in DEMO_APPS:
                app = apps.get_app_config(label)
                if module_has_submodule(app.module, "demo"):
                    import_module(f"{app.name}.demo").load(ctx)
                    self.stdout.write(f"Loaded demo content for {app.verbose_name}.")
            order_sections(ctx.home)
        if not options["no_index"]:
            call_command("update_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        if demo_users:
            self.stdout.write(
                "Sign in to the admin at /admin/ as 'admin' (password 'changeme') or as the editor "
                "'editor' (password 'changeme'). Change these passwords on any shared machine."
            )
