"""Helpers shared by the tests."""

from wagtail.fields import StreamField
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from hub.cache import redis_cache
from hub.models import Guidance


# The site's Redis cache with nothing listening on its port: every call fails at once.
REDIS_DOWN = {"default": redis_cache("redis://127.0.0.1:8478/0")}


def csp_directives(policy: str) -> dict[str, str]:
    """A Content-Security-Policy header's sources by directive, whatever their order."""
    parts = (part.strip().partition(" ") for part in policy.split(";") if part.strip())
    return {name: sources for name, _, sources in parts}


def preview_data(client, page):
    """The page's edit form as POST data, with empty StreamFields (they are drawn by JavaScript)."""
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    for field in type(page)._meta.get_fields():
        if isinstance(field, StreamField) and f"{field.name}-count" not in data:
            data[f"{field.name}-count"] = "0"
    return data


def form_data(model, **fields) -> dict:
    """Admin create-form data for model: the given fields, with empty StreamFields for the rest."""
    data = {"slug": fields.get("slug", "new-page"), **fields}
    if issubclass(model, Guidance):
        data.setdefault("change_note", "Page added to the hub.")  # publishing asks for one
    for field in model._meta.get_fields():
        if isinstance(field, StreamField) and field.name not in data:
            data[field.name] = streamfield([])
    return nested_form_data(data)


def assert_placement(test, index, child, *, child_parents=None, child_children=()):
    """A section: its index only under the home page, holding child pages, made nowhere else."""
    from hub.models import HomePage

    test.assertAllowedParentPageTypes(index, {HomePage})
    test.assertAllowedParentPageTypes(child, child_parents or {index})
    test.assertAllowedSubpageTypes(index, {child})
    test.assertAllowedSubpageTypes(child, set(child_children))
    test.assertCanNotCreateAt(HomePage, child)


def assert_smoke(test, page):
    """Routable, renderable and previewable, the Wagtail smoke set for one page."""
    test.assertPageIsRoutable(page)
    test.assertPageIsRenderable(page)
    test.assertPageIsPreviewable(page, post_data=preview_data(test.client, page))
