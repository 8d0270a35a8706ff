"""The demo site: built by one command, complete, idempotent and self-contained."""

import re

import pytest

from wagtail.models import Page


EXTERNAL_ASSET = re.compile(
    r"<(?:link|script|img|iframe|source|video|audio)\b[^>]*?(?:href|src)=\"(?:https?:)?//", re.I
)


def tree_snapshot():
    """Every page's path, type, slug, title and live state."""
    return list(
        Page.objects.order_by("path").values_list(
            "path", "content_type__model", "slug", "title", "live"
        )
    )


@pytest.mark.django_db
def test_load_demo_data_twice_leaves_the_same_tree(rerun_demo_command):
    first = tree_snapshot()  # demo_site is the command's first run, on an empty database
    rerun_demo_command()
    assert tree_snapshot() == first
    assert len(first) > 20


@pytest.mark.django_db
def test_demo_site_has_the_core_pages(demo_site):
    slugs = set(Page.objects.live().values_list("slug", flat=True))
    assert {"home", "strategy", "2022", "accessibility-statement", "privacy", "cookies"} <= slugs
    assert demo_site.root_page.specific.__class__.__name__ == "HomePage"


@pytest.mark.django_db
def test_every_demo_page_renders_through_the_base_template_without_external_assets(
    client, demo_site
):
    pages = Page.objects.live().filter(depth__gt=1).specific()
    assert pages.count() > 20
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert 'class="govuk-template__body"' in html, page.url
        assert "Skip to main content" in html, page.url
        assert not EXTERNAL_ASSET.findall(html), f"{page.url} loads an asset from another host"


@pytest.mark.django_db
def test_search_and_error_pages_have_no_external_assets(client, demo_site):
    for url in ["/search/?q=contract", "/search/?q=", "/no-such-page/"]:
        html = client.get(url).content.decode()
        assert not EXTERNAL_ASSET.findall(html), url


@pytest.mark.django_db
def test_demo_sign_ins_are_made_once_in_their_group():
    from django.contrib.auth.models import Group

    from hub.demo.kit import demo_user

    group = Group.objects.create(name="Demo testers")
    user = demo_user("tester", "Demo testers", "Demo", "Tester")
    assert user.email == "tester@procurement-hub.example" and user.check_password("changeme")
    assert list(user.groups.all()) == [group]
    user.groups.clear()  # an administrator's later change is left alone
    assert demo_user("tester", "Demo testers", "Demo", "Tester").pk == user.pk
    assert not user.groups.exists()
