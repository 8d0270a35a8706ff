"""Production settings under gunicorn: uploads from MEDIA_ROOT or S3, pages cached without Redis."""

import shutil
from urllib.parse import urlencode

import pytest

from wagtail.test.utils.form_data import querydict_from_html

from tests import stack


MAKE_IMAGE = """
from io import BytesIO
from PIL import Image as Picture
from django.core.files.images import ImageFile
from wagtail.images.models import Image
buffer = BytesIO()
Picture.new("RGB", (640, 480), "teal").save(buffer, "PNG")
image = Image.objects.create(title="Test", file=ImageFile(buffer, name="upload.png"))
print(image.file.url)
print(image.get_rendition("fill-200x100").url)
"""


@pytest.fixture(scope="module")
def migrated_database(tmp_path_factory):
    """A migrated SQLite database and collected static files, made with production settings."""
    folder = tmp_path_factory.mktemp("production")
    env = stack.production_env(
        DATABASE_URL=f"sqlite:///{folder / 'template.sqlite3'}", STATIC_ROOT=str(folder / "static")
    )
    stack.manage("migrate", "--noinput", env=env)
    stack.manage("collectstatic", "--noinput", env=env)
    return folder


def production(tmp_path, migrated_database, **extra):
    """The environment of a production server on its own copy of the database and media."""
    database = tmp_path / "db.sqlite3"
    shutil.copy(migrated_database / "template.sqlite3", database)
    return stack.production_env(
        DATABASE_URL=f"sqlite:///{database}",
        STATIC_ROOT=str(migrated_database / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
        **extra,
    )


SETUP = """
from django.contrib.auth import get_user_model
from wagtail.models import Site
from hub.models import SiteSettings, StandardPage
site = Site.objects.get(is_default_site=True)
SiteSettings.for_site(site)  # made on the first page view otherwise, a content change
root = site.root_page
page = root.add_child(instance=StandardPage(title="Guides", slug="guides"))
page.save_revision().publish()
get_user_model().objects.create_superuser("editor", "editor@example.gov.uk", "Pass-word-1")
print(page.pk)
"""


class Browser:
    """Cookies kept between requests, as a browser keeps them."""

    def __init__(self, base: str):
        self.base, self.cookies = base, {}

    def send(self, method, path, fields=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if fields is not None:
            fields = {**fields, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
            body = urlencode(fields, doseq=True).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        response = stack.request(method, self.base + path, body=body, headers=headers)
        self.cookies.update(response.cookies)
        return response


def upload_and_fetch(env, base_url=None):
    """Upload an image, make a rendition; both URLs as a browser would fetch them."""
    original, rendition = stack.manage("shell", "-c", MAKE_IMAGE, env=env).split()[-2:]
    if base_url:
        original, rendition = base_url + original, base_url + rendition
    return stack.get(original), stack.get(rendition)


def test_without_s3_the_app_serves_originals_and_renditions(tmp_path, migrated_database):
    env = production(tmp_path, migrated_database)
    port = stack.free_port(8440)
    with stack.gunicorn(env, port) as url:
        original, rendition = upload_and_fetch(env, base_url=url)
        missing = stack.get(url + "/media/images/nothing.png")
        document = stack.get(url + "/media/documents/private.pdf")
    for response in (original, rendition):
        assert response.status == 200
        assert response.headers["content-type"] == "image/png"
        assert "max-age=86400" in response.headers["cache-control"]
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["content-security-policy"] == "default-src 'none'; sandbox"
        assert response.body.startswith(b"\x89PNG")
    assert missing.status == 404
    # Documents are only served by Wagtail's view, which checks their privacy.
    assert document.status == 404


def test_with_s3_renditions_are_stored_in_and_served_from_the_bucket(tmp_path, migrated_database):
    with stack.s3_server(stack.free_port(8450)) as s3:
        env = production(tmp_path, migrated_database, **s3)
        port = stack.free_port(8440)
        with stack.gunicorn(env, port) as url:
            original, rendition = upload_and_fetch(env)
            # No media route: the bucket serves uploads.
            assert stack.get(url + "/media/images/x.png").status == 404
            health = stack.get(url + "/healthz")
    assert original.status == rendition.status == 200
    assert rendition.body.startswith(b"\x89PNG")
    assert health.status == 200, health.text
    assert not list((tmp_path / "media").glob("**/*.png"))


def test_without_redis_pages_are_cached_and_a_publish_shows_in_every_worker(
    tmp_path, migrated_database
):
    env = production(tmp_path, migrated_database)
    assert "REDIS_URL" not in env and "PAGE_CACHE_SECONDS" not in env
    page_id = stack.manage("shell", "-c", SETUP, env=env).split()[-1]
    with stack.gunicorn(env, stack.free_port(8460), workers=2, threads=2) as url:
        publish_in_one_worker_shows_in_the_other(url, page_id)


def publish_in_one_worker_shows_in_the_other(url, page_id):
    """Cached by both workers; published through the admin; fresh from both at once."""
    first, second = stack.get(url + "/guides/"), stack.get(url + "/guides/")
    assert first.status == second.status == 200
    assert "age" not in first.headers
    assert "age" in second.headers, "the second anonymous GET comes from the cache"
    # Each connection goes to whichever worker takes it: both now hold the page.
    assert all("age" in stack.get(url + "/guides/").headers for _ in range(10))

    editor = Browser(url)
    editor.send("GET", "/admin/login/")
    signed_in = editor.send(
        "POST", "/admin/login/", {"username": "editor", "password": "Pass-word-1"}
    )
    assert signed_in.status == 302
    edit = f"/admin/pages/{page_id}/edit/"
    form = querydict_from_html(editor.send("GET", edit).text, form_id="page-edit-form")
    fields = {name: form.getlist(name) for name in form}
    fields.update({"title": "Guides for buyers", "action-publish": "action-publish"})
    fields.setdefault("body-count", "0")  # the StreamField's blocks are drawn by JavaScript
    published = editor.send("POST", edit, fields)
    assert published.status == 302, published.text[:2000]

    pages = [stack.get(url + "/guides/") for _ in range(10)]
    assert all("Guides for buyers" in page.text for page in pages)
    assert "age" in stack.get(url + "/guides/").headers, "and is cached again"
