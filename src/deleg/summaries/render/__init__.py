"""Renderers of the official summary: canonical JSON in, a document in one of the published formats out.

Every format renders under translation.override(lang): Latvian unless English is asked for.
"""
import json
from dataclasses import dataclass

from django.utils import translation

from deleg.summaries.render.labels import language


@dataclass(frozen=True)
class Format:
    extension: str
    mime_type: str
    name: str


FORMATS = {
    "html": Format("html", "text/html; charset=utf-8", "HTML"),
    "pdf": Format("pdf", "application/pdf", "PDF"),
    "docx": Format("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX"),
    "tsv": Format("tsv", "text/tab-separated-values; charset=utf-8", "TSV"),
    "json": Format("json", "application/json", "JSON"),
}


def version_metadata(version) -> dict:
    """Return what a published SummaryVersion puts in the footer: delegator, version number, publication time."""
    agreement = version.summary.agreement
    delegator = version.content.get("delegator") or (agreement.delegator.name if agreement else None)
    return {"number": version.number, "published_at": version.published_at, "delegator": delegator}


def render_json(content: dict, *, lang: str = "lv", version: dict | None = None) -> bytes:
    """Return the canonical JSON itself, pretty and readable: UTF-8, Latvian letters not escaped."""
    return (json.dumps(content, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _renderer(fmt: str):
    """Import a renderer when it is asked for: WeasyPrint and python-docx are slow to load."""
    if fmt == "html":
        from deleg.summaries.render.html import render_html as renderer
    elif fmt == "pdf":
        from deleg.summaries.render.pdf import render_pdf as renderer
    elif fmt == "docx":
        from deleg.summaries.render.docx import render_docx as renderer
    elif fmt == "tsv":
        from deleg.summaries.render.tsv import render_tsv as renderer
    elif fmt == "json":
        renderer = render_json
    else:
        raise ValueError(f"Unknown format {fmt!r}; use one of {', '.join(FORMATS)}.")
    return renderer


def render(content: dict, fmt: str, *, lang: str = "lv", version: dict | None = None) -> bytes:
    """Return the summary in one format (html, pdf, docx, tsv, json), in Latvian unless lang is 'en'.

    `version` is optional metadata for the footer: number, published_at, delegator.
    """
    renderer = _renderer(fmt)
    lang = language(lang)
    with translation.override(lang):
        return renderer(content, lang=lang, version=version)
