"""Links the first use of each glossary term in rendered toolkit HTML to its A–Z entry."""

import re
from html import escape
from html.parser import HTMLParser

from django.urls import reverse

from strategy.models.act import GlossaryTerm


# Text inside these is never linked: links, headings, and anything interactive or code.
SKIP = {
    "a",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "button",
    "label",
    "summary",
    "script",
    "style",
    "code",
    "pre",
    "textarea",
    "select",
    "option",
    "title",
    "dfn",
}
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class _Linker(HTMLParser):
    """Copies HTML through, rewriting text outside SKIP elements."""

    def __init__(self, patterns):
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.skip_depth = 0
        self.stack: list[str] = []
        self.patterns = patterns  # [(regex, href, term)], not yet linked
        self.linked: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.out.append(self.get_starttag_text())
        if tag in VOID:
            return
        self.stack.append(tag)
        if tag in SKIP:
            self.skip_depth += 1

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")
        if tag in self.stack:
            while self.stack:
                closed = self.stack.pop()
                if closed in SKIP:
                    self.skip_depth -= 1
                if closed == tag:
                    break

    def handle_data(self, data):
        if self.skip_depth or not data.strip():
            self.out.append(data)
            return
        self.out.append(self.link(data))

    def link(self, text: str) -> str:
        """Escape-safe: text arrives unescaped (entities come through handle_entityref)."""
        spans = []  # (start, end, href, term) of links made in this text
        for regex, href, term in self.patterns:
            if term in self.linked:
                continue
            for match in regex.finditer(text):
                if any(match.start() < e and s < match.end() for s, e, _, _ in spans):
                    continue
                spans.append((match.start(), match.end(), href, term))
                self.linked.add(term)
                break
        if not spans:
            return text
        spans.sort()
        parts, at = [], 0
        for start, end, href, _ in spans:
            parts.append(text[at:start])
            link = f'<a class="govuk-link hub-glossary-link" href="{escape(href)}">'
            parts.append(f"{link}{text[start:end]}</a>")
            at = end
        parts.append(text[at:])
        return "".join(parts)

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")


def patterns() -> list:
    """A regex per term (all its forms, longest first), in order of the longest form."""
    base = reverse("act:glossary")
    found = []
    for term in GlossaryTerm.objects.all():
        forms = "|".join(re.escape(f) for f in term.forms)
        # Acronyms match their case; words match any case.
        flags = 0 if term.term.isupper() else re.IGNORECASE
        regex = re.compile(rf"(?<![\w-])(?:{forms})(?![\w-])", flags)
        found.append((regex, f"{base}#{term.slug}", term.term, len(term.forms[0])))
    found.sort(key=lambda p: -p[3])
    return [(r, h, t) for r, h, t, _ in found]


def link_terms(html: str) -> str:
    """The HTML with the first use of each term outside links and headings linked."""
    terms = patterns()
    if not terms:
        return html
    parser = _Linker(terms)
    parser.feed(html)
    parser.close()
    return "".join(parser.out)
