"""Template helpers for the Act tools and the Act toolkit's glossary links."""

from django import template

from strategy.act.glossary import link_terms


register = template.Library()


@register.filter
def date_parts(form, name: str) -> dict:
    """A GOV.UK date input's parts, typed values and errors: form|date_parts:"start"."""
    return form.date_input(name)


@register.filter
def bound(form, name: str):
    """A form's bound field by a name held in a variable."""
    return form[name]


class GlossaryLinksNode(template.Node):
    """Renders its content with the first use of each glossary term linked to its entry."""

    def __init__(self, nodelist, enabled):
        self.nodelist, self.enabled = nodelist, enabled

    def render(self, context):
        html = self.nodelist.render(context)
        if not self.enabled.resolve(context):
            return html
        return link_terms(html)


@register.tag
def glossary_links(parser, token):
    """{% glossary_links condition %}...{% endglossary_links %}: link terms when condition holds."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("glossary_links takes one condition")
    nodelist = parser.parse(("endglossary_links",))
    parser.delete_first_token()
    return GlossaryLinksNode(nodelist, parser.compile_filter(bits[1]))
