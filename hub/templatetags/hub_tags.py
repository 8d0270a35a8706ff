from dataclasses import dataclass
from urllib.parse import urlsplit

from django import template
from django.forms import BoundField
from django.template.base import token_kwargs
from django.utils.safestring import mark_safe

from wagtail.models import Page, Site

from hub.facets import choice_options
from hub.models import FEEDBACK_TEXT_MAX
from hub.models.illustrative import is_illustrative
from hub.page_cache import normalised_query, remembered


register = template.Library()


FOOTER_SLUGS = ("accessibility-statement", "privacy", "cookies")


@dataclass(frozen=True)
class Section:
    """A live child of the home page, as the header and footer show it."""

    slug: str
    title: str
    menu_title: str
    url: str
    show_in_menus: bool


def site_sections(request) -> list[Section]:
    """Live children of the home page, read once per request for header and footer."""
    if not hasattr(request, "_hub_sections"):
        site = Site.find_for_request(request)
        request._hub_sections = (
            remembered(f"sections:{site.pk}", lambda: read_sections(site, request), request)
            if site
            else []
        )
    return request._hub_sections


def read_sections(site, request) -> list[Section]:
    """The home page's live children, with the URLs this request's site gives them."""
    pages = (
        site.root_page.get_children()
        .live()
        .only("id", "title", "slug", "url_path", "path", "depth", "show_in_menus", "content_type")
    )
    return [
        Section(
            slug=page.slug,
            title=page.title,
            menu_title=getattr(page.specific_class, "menu_label", "") or page.title,
            url=page.get_url(request=request),
            show_in_menus=page.show_in_menus,
        )
        for page in pages
    ]


@register.inclusion_tag("components/service_navigation.html", takes_context=True)
def service_navigation(context):
    """The hub's main sections: children of the home page marked "show in menus"."""
    request = context.get("request")
    return {
        "items": [
            {
                "title": section.menu_title,
                "url": section.url,
                "active": request.path.startswith(section.url),
            }
            for section in (site_sections(request) if request else [])
            if section.show_in_menus
        ]
    }


@register.inclusion_tag("components/footer_links.html", takes_context=True)
def footer_links(context):
    """Links to the accessibility statement, privacy notice and cookies page, where published."""
    request = context.get("request")
    sections = {section.slug: section for section in site_sections(request)} if request else {}
    return {
        "links": [
            (sections[slug].title, sections[slug].url) for slug in FOOTER_SLUGS if slug in sections
        ]
    }


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page: Page):
    """Links to the ancestors of a page, from the home page down."""
    request = context.get("request")

    def read():
        ancestors = (
            page.get_ancestors()
            .filter(depth__gt=1)
            .live()
            .only("id", "title", "url_path", "path", "depth")
        )
        return [(p.title, p.get_url(request=request)) for p in ancestors]

    host = request.get_host() if request else ""
    return {"crumbs": remembered(f"breadcrumbs:{page.pk}:{host}", read, request)}


@register.inclusion_tag("components/pagination.html", takes_context=True)
def pagination(context, page_obj):
    """A GOV.UK pager: first and last pages, two either side of this one, the rest elided."""
    return {
        "request": context["request"],
        "page_obj": page_obj,
        "numbers": page_obj.paginator.get_elided_page_range(
            page_obj.number, on_each_side=2, on_ends=1
        ),
    }


@register.filter
def site_name(url: str) -> str:
    """The site a link opens on, as readers know it: "local.gov.uk" for https://www.local.gov.uk/."""
    return (urlsplit(url).hostname or "").removeprefix("www.")


@register.filter
def document_meta(document) -> str:
    """File type and size of a download, e.g. "PDF, 245 KB"."""
    extension = (document.file_extension or "file").upper()
    size = document.get_file_size()  # None when the file is missing
    return f"{extension}, {human_size(size)}" if size else extension


def human_size(size: int) -> str:
    """Bytes as GOV.UK writes them: 850 bytes, 245 KB, 1.2 MB."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB"


@register.filter
def error_anchor(field: BoundField) -> str:
    """The id the error summary links to: the field's control, or its first radio."""
    return field.id_for_label or field.subwidgets[0].id_for_label


@register.simple_tag(takes_context=True)
def shown_errors(context, field: BoundField | None) -> list:
    """A field's errors, unless the view set show_errors=False (a form refilled, not sent)."""
    if not field or context.get("show_errors") is False:
        return []
    return list(field.errors)


@register.filter
def select_options(options, field: BoundField) -> list:
    """Options for the select partial: a facet's own (even none), or else the field's choices."""
    return options if isinstance(options, list) else choice_options(field)


@register.filter
def fields(form, names: str) -> list[BoundField]:
    """Some of a form's fields, named with spaces between: form|fields:"a b"."""
    return [form[name] for name in names.split()]


class NotificationBannerNode(template.Node):
    """Renders its content inside components/notification_banner.html."""

    def __init__(self, nodelist, options):
        self.nodelist, self.options = nodelist, options

    def render(self, context):
        options = {name: value.resolve(context) for name, value in self.options.items()}
        success = options.get("type") == "success"
        with context.push(
            banner_title=options.get("title") or ("Success" if success else "Important"),
            banner_id=options.get("id", "notification"),
            banner_success=success,
            banner_content=mark_safe(self.nodelist.render(context)),  # noqa: S308 - rendered template
        ):
            return context.template.engine.get_template(
                "components/notification_banner.html"
            ).render(context)


@register.tag
def notification_banner(parser, token):
    """A GOV.UK notification banner around the tag's content.

    `{% notification_banner title="Legacy regime" id="legacy" type="success" %}…
    {% endnotification_banner %}`: the heading's id is `<id>-title`; the title defaults to
    "Important", or "Success" for type "success" (GOV.UK's defaults).
    """
    options = token_kwargs(token.split_contents()[1:], parser)
    nodelist = parser.parse(("endnotification_banner",))
    parser.delete_first_token()
    return NotificationBannerNode(nodelist, options)


class RememberNode(template.Node):
    """Renders its content once per generation, name, arguments and host (see remembered)."""

    def __init__(self, nodelist, name, vary):
        self.nodelist, self.name, self.vary = nodelist, name, vary

    def render(self, context):
        request = context.get("request")
        values = [value.resolve(context) for value in self.vary]
        if None in values:  # such as a query string too long to be worth keeping
            return self.nodelist.render(context)
        parts = [self.name, *map(str, values)]
        if request is not None:
            # Page URLs are relative or absolute depending on which site asks.
            parts.append(request.get_host())
        return remembered(
            "fragment:" + "\x1f".join(parts),
            lambda: self.nodelist.render(context),
            request,
            # A CSRF token is this visitor's own: never reused.
            keep=lambda html: "csrfmiddlewaretoken" not in html,
        )


# The request's query string in a fixed order, as a {% remember %} argument.
register.filter("query_key", normalised_query)


@register.tag
def remember(parser, token):
    """Content every visitor sees alike and only published content and the clock decide.

    `{% remember "related-resources" page.pk %}…{% endremember %}`: rendered once, then reused
    until anything is published or changes by the clock (hub.page_cache.remembered). Never
    around a form, a CSRF token or anything about the person asking.
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("remember needs a name")
    nodelist = parser.parse(("endremember",))
    parser.delete_first_token()
    return RememberNode(
        nodelist, bits[1].strip("\"'"), [parser.compile_filter(b) for b in bits[2:]]
    )


@register.inclusion_tag("components/page_feedback.html", takes_context=True)
def page_feedback(context, page):
    """ "Is this page useful?" for the page; ?feedback=no opens its form, =thanks thanks."""
    request = context.get("request")
    state = request.GET.get("feedback", "") if request is not None else ""
    return {
        "page": page,
        "state": state if state in ("no", "thanks") else "",
        "max_length": FEEDBACK_TEXT_MAX,
    }


@register.inclusion_tag("components/illustrative_flag.html")
def illustrative_flag(item, form: str = "tag", what: str = ""):
    """The one flag for an invented item: a tag where it is offered, a notice on its own page.

    Offer it before any call to action: before the link in a card, list or action, and before
    the first button on the item's page. Renders nothing for a real item.
    """
    return {"illustrative": is_illustrative(item), "form": form, "what": what}
