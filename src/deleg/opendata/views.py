"""The public open data page and its downloads, generated on request from the same tables as the CLI export."""
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django.views.decorators.http import condition, require_safe

from deleg.opendata.selectors import opendata_fingerprint, opendata_last_modified
from deleg.opendata.services import FORMATS, LICENSE, download_bytes
from deleg.opendata.tables import TABLES

# A size is remembered for as long as the data it was measured on stays the same (the key holds the fingerprint).
SIZE_TIMEOUT = 24 * 60 * 60
BY_EXT = {fmt.ext: fmt for fmt in FORMATS.values()}


def _size_key(fingerprint: str, fmt: str) -> str:
    return f"opendata:size:{fingerprint}:{fmt}"


@require_safe
def index(request):
    fingerprint = opendata_fingerprint()
    sizes = cache.get_many([_size_key(fingerprint, name) for name in FORMATS])
    downloads = [
        {"format": fmt, "size": sizes.get(_size_key(fingerprint, fmt.name))}
        for fmt in FORMATS.values()
    ]
    return render(request, "opendata/index.html", {
        "downloads": downloads,
        "tables": TABLES,
        "license": LICENSE,
        "last_modified": opendata_last_modified(),
    })


def _etag(request, ext: str) -> str:
    return f"{opendata_fingerprint()}-{ext}"


def _last_modified(request, ext: str):
    return opendata_last_modified()


@require_safe
@condition(etag_func=_etag, last_modified_func=_last_modified)
def download(request, ext: str):
    fmt = BY_EXT.get(ext)
    if fmt is None:
        raise Http404
    body = download_bytes(fmt.name, base_url=request.build_absolute_uri("/"))
    cache.set(_size_key(opendata_fingerprint(), fmt.name), len(body), SIZE_TIMEOUT)
    response = HttpResponse(body, content_type=fmt.mime_type)
    response["Content-Disposition"] = content_disposition_header(True, fmt.filename)
    # Kept by browsers and proxies, but checked against the ETag each time: the data changes with each publication.
    response["Cache-Control"] = "public, no-cache"
    return response
