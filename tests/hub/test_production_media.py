"""Uploaded images under production settings and gunicorn: from MEDIA_ROOT, and from S3."""

import shutil

import pytest

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
