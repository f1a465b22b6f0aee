"""PDF of the official summary: WeasyPrint lays out the print view on A4 with the footer and page numbers."""
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from deleg.summaries.render.document import build
from deleg.summaries.render.html import print_html


def _fetcher() -> URLFetcher:
    """Return a fetcher that loads nothing from outside: a summary's PDF is made from its own text only."""
    return URLFetcher(allowed_protocols={"data"}, allow_redirects=False)


def render_pdf(content: dict, *, lang: str = "lv", version: dict | None = None) -> bytes:
    doc = build(content, lang=lang, version=version)
    # Tagged, so that screen readers get the headings, the table and the lists of a public document.
    return HTML(string=print_html(doc), url_fetcher=_fetcher()).write_pdf(pdf_tags=True)
