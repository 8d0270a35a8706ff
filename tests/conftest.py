import os
import shutil

import pytest

from django.core.management import call_command

from wagtail.models import Site


# Playwright's sync API runs an event loop in the test thread; Django's ORM must still be usable.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Drive the system's Chromium; never a downloaded browser."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


def pytest_collection_modifyitems(config, items):
    """Skip browser tests cleanly where no Chromium is installed."""
    if CHROMIUM:
        return
    skip = pytest.mark.skip(reason="Chromium is not installed (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def home(db):
    """A bare home page as the default site's root."""
    from tests.factories import home_as_default_site

    return home_as_default_site(title="Procurement Knowledge Hub")


@pytest.fixture
def demo_site(db):
    """The full demo site, built by the demo-content command."""
    call_command("load_demo_data", "--no-index", verbosity=0)
    return Site.objects.get(is_default_site=True)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """The test database, with its serialized contents visible from every connection object.

    Browser tests run inside Playwright's event loop, where Django opens a new connection object
    without the contents serialized at setup. Serialized rollback would then restore nothing and
    later browser tests would start from an empty database.
    """
    from django.db import DEFAULT_DB_ALIAS, connections

    # The suite uses one database; a class attribute reaches every connection object to it.
    default = connections[DEFAULT_DB_ALIAS]
    contents = getattr(default, "_test_serialized_contents", None)
    if contents is not None:
        type(default)._test_serialized_contents = contents
