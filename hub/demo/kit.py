"""The one way every app loads its demo content: pages and documents read from TOML files.

Each app with demo content has a `demo` package: `__init__.py` defines `load(ctx)`, and the
content sits beside it in `*.toml` files that an editor can correct without reading code. Every
loader is idempotent: it creates what is missing and leaves what exists alone, so StreamField
block ids (which comments may point at) never change between runs.
"""

import tomllib
from dataclasses import dataclass, field
from importlib.resources import files

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import models
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.models import Collection, Page


@dataclass
class DemoContext:
    """What each app's loader needs: the home page and shared objects."""

    home: Page
    shared: dict = field(default_factory=dict)

    def page(self, path: str) -> Page:
        """The page at this path below the home page ("/" is the home page itself)."""
        url_path = self.home.url_path + path.strip("/") + ("/" if path.strip("/") else "")
        return Page.objects.get(url_path=url_path).specific


def read_data(package: str, name: str) -> dict:
    """One of an app's demo data files, e.g. read_data("strategy.demo", "toolkits")."""
    return tomllib.loads(files(package).joinpath(f"{name}.toml").read_text(encoding="utf-8"))


def demo_user(username: str, group: str, first_name: str, last_name: str, email: str = ""):
    """A sign-in for a local copy, password "changeme", created in this group if missing."""
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User.objects.create_user(
            username,
            email or f"{username}@procurement-hub.example",
            "changeme",
            first_name=first_name,
            last_name=last_name,
        )
        user.groups.add(Group.objects.get(name=group))
    return user


def upsert_page(parent: Page, model: type[Page], slug: str, *, tags=(), **fields) -> Page:
    """The live child of parent with this slug, created, tagged and published if missing."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    page = model(slug=slug, **fields)
    if tags:
        page.tags.add(*tags)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def upsert_terms(model, rows: list[dict], key: str = "slug") -> dict:
    """Create or update taxonomy rows, returning them keyed by slug."""
    result = {}
    for order, row in enumerate(rows):
        values = {**row}
        if "sort_order" in [f.name for f in model._meta.fields]:
            values.setdefault("sort_order", order)
        obj, _ = model.objects.update_or_create(**{key: values.pop(key)}, defaults=values)
        result[getattr(obj, key)] = obj
    return result


def simple_pdf(title: str, lines: list[str]) -> bytes:
    """A small, valid one-page PDF with a title and lines of text."""

    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    text = ["BT", "/F1 18 Tf", "72 770 Td", f"({escape(title)}) Tj", "/F1 11 Tf"]
    for line in lines:
        text += ["0 -18 Td", f"({escape(line)}) Tj"]
    text.append("ET")
    stream = "\n".join(text).encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        f"<< /Title ({escape(title)}) >>".encode("latin-1", "replace"),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def upsert_document(title: str, filename: str, content: bytes, tags: tuple[str, ...] = ()):
    """A Wagtail document with this title, created from bytes if missing."""
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document:
        return document
    document = Document(title=title, collection=Collection.get_first_root_node())
    document.file.save(filename, ContentFile(content), save=False)
    document.file_size = len(content)
    document.save()
    if tags:
        document.tags.add(*tags)
    return document


def load_documents(ctx: DemoContext, rows: dict) -> None:
    """The [documents] of a data file, kept in ctx.shared["documents"] by key."""
    documents = ctx.shared.setdefault("documents", {})
    for key, row in rows.items():
        filename = row.get("filename") or slugify(row["title"])[:80] + ".pdf"
        content = simple_pdf(row["title"], row.get("lines", []))
        documents[key] = upsert_document(
            row["title"], filename, content, tags=tuple(row.get("tags", ()))
        )


def load_pages(ctx: DemoContext, rows: list[dict], prepare=None) -> dict[str, Page]:
    """The [[pages]] of a data file in order, each under its parent; returns them by path.

    prepare(row) may complete a row before its fields are read, for content declared once and
    used on several pages.
    """
    pages = {}
    for row in rows:
        row = prepare(row) if prepare else dict(row)
        parent = ctx.page(row.pop("parent"))
        model = apps.get_model(row.pop("model"))
        slug = row.pop("slug")
        tags = row.pop("tags", ())
        fields = {name: field_value(ctx, model, name, value) for name, value in row.items()}
        page = upsert_page(parent, model, slug, tags=tags, **fields)
        pages[page.url_path.removeprefix(ctx.home.url_path[:-1])] = page
    return pages


def field_value(ctx: DemoContext, model, name: str, value):
    """A value from a data file as the model field wants it: terms by slug, pages by path."""
    model_field = model._meta.get_field(name)
    if isinstance(model_field, StreamField):
        return [stream_block(ctx, model_field.stream_block, block) for block in value]
    if model_field.one_to_many:  # inline child objects, such as a case study's outcomes
        child = model_field.related_model
        return [child(**{k: none_if_blank(child, k, v) for k, v in row.items()}) for row in value]
    related = model_field.related_model
    if model_field.many_to_many:
        return [related.objects.get(slug=slug) for slug in value]
    if isinstance(model_field, models.ForeignKey):
        return related_object(ctx, related, value)
    return value


def none_if_blank(model, name: str, value):
    """TOML has no null: "" stands for "no value" in a nullable field that is not text."""
    field = model._meta.get_field(name)
    blank = value == "" and field.null and not isinstance(field, models.CharField)
    return None if blank else value


def related_object(ctx: DemoContext, related, key: str):
    """A page by its path, a document by its key, anything else by its slug (or as given)."""
    if isinstance(key, related):
        return key
    if issubclass(related, Page):
        return ctx.page(key)
    if related is get_document_model():
        return ctx.shared["documents"][key]
    return related.objects.get(slug=key)


def stream_block(ctx: DemoContext, stream, block: dict) -> tuple:
    """A (type, value) block from a data file's table: its value, or its fields as a struct."""
    block = dict(block)
    kind = block.pop("type")
    value = block.pop("value") if "value" in block else block
    if isinstance(value, dict) and isinstance(value.get("document"), str):
        value = {**value, "document": ctx.shared["documents"][value["document"]].pk}
    # to_python fills every field the data file leaves out with the block's default.
    return (kind, stream.child_blocks[kind].to_python(value))


def load_file(ctx: DemoContext, package: str, name: str, prepare=None) -> dict[str, Page]:
    """The documents then the pages of one data file."""
    data = read_data(package, name)
    load_documents(ctx, data.get("documents", {}))
    return load_pages(ctx, data.get("pages", []), prepare)
