"""Public pages of a published summary: its latest version, every earlier version, and the downloads."""
from pathlib import PurePath

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from deleg.core.findings import CODES
from deleg.summaries.models import SummaryVersion
from deleg.summaries.render import FORMATS, version_metadata
from deleg.summaries.render import render as render_document
from deleg.summaries.render.document import build
from deleg.summaries.render.html import document_fragment, print_html
from deleg.summaries.render.labels import language

# A published version never changes, so its files may be kept by browsers and proxies for a day.
DOWNLOAD_MAX_AGE = 24 * 60 * 60


def _version(pk: int, number: int | None = None) -> SummaryVersion:
    """Return the asked version of the summary, or its latest; 404 when there is none."""
    versions = SummaryVersion.objects.filter(summary_id=pk).select_related("summary__agreement__delegator")
    version = versions.filter(number=number).first() if number is not None else versions.order_by("-number").first()
    if version is None:
        raise Http404
    return version


def _lang(request) -> str:
    """Return the document language a download asks for: Latvian, the official one, unless ?lang=en."""
    return language(request.GET.get("lang"))


def _downloads(pk: int, number: int) -> list[dict]:
    """Return the download links: every format in Latvian, and the documents in English."""
    links = []
    for lang in ("lv", "en"):
        for fmt in FORMATS.values():
            if lang == "en" and fmt.extension == "json":
                continue  # the canonical JSON has no language
            url = reverse("summaries:download", args=[pk, number, fmt.extension])
            links.append({"lang": lang, "format": fmt, "url": url + ("?lang=en" if lang == "en" else "")})
    return links


def _findings(content: dict) -> list[dict]:
    return [
        {"field": f.get("field", ""), "code": f.get("code", ""), "title": CODES.get(f.get("code"), f.get("code")),
         "message": f.get("message", "")}
        for f in content.get("findings") or []
    ]


def _page(request, version: SummaryVersion):
    versions = list(
        SummaryVersion.objects.filter(summary_id=version.summary_id).order_by("-number")
        .only("number", "published_at", "change_note", "summary_id")
    )
    doc = build(version.content, lang=get_language() or "lv", version=version_metadata(version))
    context = {
        "version": version,
        "latest": versions[0],
        "versions": versions,
        "doc": doc,
        "document": document_fragment(doc, standalone=False),
        "downloads": _downloads(version.summary_id, version.number),
        "findings": _findings(version.content),
        "source_file": PurePath(version.source_file).name if version.source_file else "",
    }
    return render(request, "summaries/detail.html", context)


@require_safe
def detail(request, pk: int):
    return _page(request, _version(pk))


@require_safe
def version(request, pk: int, number: int):
    return _page(request, _version(pk, number))


@require_safe
def print_view(request, pk: int, number: int):
    """The print view: the official document alone, as the PDF shows it."""
    version = _version(pk, number)
    doc = build(version.content, lang=_lang(request), version=version_metadata(version))
    return HttpResponse(print_html(doc), content_type=FORMATS["html"].mime_type)


@require_safe
def download(request, pk: int, number: int, ext: str):
    fmt = FORMATS.get(ext)
    if fmt is None:
        raise Http404
    version = _version(pk, number)
    lang = _lang(request)
    body = render_document(version.content, fmt.extension, lang=lang, version=version_metadata(version))
    stem = f"kopsavilkums-{pk}-v{number}" if lang == "lv" else f"summary-{pk}-v{number}-en"
    response = HttpResponse(body, content_type=fmt.mime_type)
    response["Content-Disposition"] = content_disposition_header(True, f"{stem}.{fmt.extension}")
    response["Cache-Control"] = f"public, max-age={DOWNLOAD_MAX_AGE}"
    return response
