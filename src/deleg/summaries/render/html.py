"""HTML of the official summary: the document fragment shared by the public page, the print view and the PDF."""
import json

import nh3
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import override

from deleg.summaries.render.document import Document, build

# Canonical JSON is plain text and the template escapes it; cleaning the rendered fragment with an
# allow-list of the document's own markup is the second wall, should a value ever carry markup.
_TAGS = {"article", "h1", "table", "thead", "tbody", "tr", "th", "td", "p", "ol", "li"}
_ATTRIBUTES = {"*": {"class", "lang"}, "th": {"scope"}, "li": {"value"}}


def sanitise(html: str) -> str:
    """Return the fragment with only the document's own tags and attributes: no scripts, handlers or links."""
    return nh3.clean(html, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes=set(), link_rel=None)


def document_fragment(doc: Document, *, standalone: bool = True) -> SafeString:
    """Return the official document as an HTML fragment; the page gives its own <h1> when not standalone."""
    with override(doc.lang):
        html = render_to_string("summaries/_document.html", {"doc": doc, "standalone": standalone})
    return mark_safe(sanitise(html))


def page_counter_css(doc: Document) -> SafeString:
    """Return the CSS content value 'Lapa 1 no 3' for the PDF's page boxes."""
    before, between = doc.labels["page"]
    # A JSON string is a valid CSS string: quotes and backslashes come escaped.
    before, between = (json.dumps(text, ensure_ascii=False) for text in (before, between))
    return mark_safe(f"{before} counter(page) {between} counter(pages)")


def print_html(doc: Document) -> str:
    """Return the print view: a standalone HTML document with its own stylesheet, also the PDF's source."""
    with override(doc.lang):
        return render_to_string("summaries/print.html", {
            "doc": doc, "document": document_fragment(doc), "page_counter": page_counter_css(doc),
        })


def render_html(content: dict, *, lang: str = "lv", version: dict | None = None) -> bytes:
    return print_html(build(content, lang=lang, version=version)).encode("utf-8")
