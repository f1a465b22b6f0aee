"""Published summaries over the API, readable by anyone without signing in."""
from typing import Literal

from django.db.models import Max
from django.http import HttpResponse
from django.utils.http import http_date
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from deleg.api.pagination import Pagination
from deleg.api.schemas import PUBLIC_ERRORS, READ_ERRORS
from deleg.summaries.models import SummaryVersion
from deleg.summaries.schemas import FacetsOut, SummaryListOut, SummaryOut, SummaryVersionOut
from deleg.summaries.selectors import RegisterFilters, register_facets, register_versions, summary_detail_json

router = Router(tags=["summaries"], auth=None)
# Public reads may be cached for a minute by browsers and proxies; publication is not more urgent.
CACHE_CONTROL = "public, max-age=60"


class SummaryFilter(Schema):
    q: str = ""
    region: str = ""
    year: int | None = None
    delegator: int | None = None
    performer: int | None = None
    field: str = ""
    status: str = ""
    sort: Literal["newest", "oldest", "title", "performer"] = "newest"

    def register_filters(self) -> RegisterFilters:
        return RegisterFilters(**self.dict())


def mark_public(response: HttpResponse, versions=None, *, latest=None) -> None:
    """Cache headers of a public read; Last-Modified is the newest publication it shows."""
    if latest is None:
        latest = (versions if versions is not None else SummaryVersion.objects).aggregate(at=Max("published_at"))["at"]
    if latest:
        response["Last-Modified"] = http_date(latest.timestamp())
    response["Cache-Control"] = CACHE_CONTROL


@router.get("/summaries", response={200: list[SummaryListOut], **PUBLIC_ERRORS})
@paginate(Pagination)
def summary_list(request, response: HttpResponse, filters: Query[SummaryFilter]):
    """The latest version of every published summary that matches the register's search and filters."""
    versions = register_versions(filters.register_filters())
    mark_public(response)
    return versions.defer("content", "search_text")


@router.get("/summaries/facets", response={200: FacetsOut, **PUBLIC_ERRORS})
def summary_facets(request, response: HttpResponse, filters: Query[SummaryFilter]):
    """How many of the matching summaries fall in each region, year, delegator, performer, field and status."""
    mark_public(response)
    return register_facets(register_versions(filters.register_filters()))


@router.get("/summaries/{int:id}", response={200: SummaryOut, **READ_ERRORS})
def summary_detail(request, response: HttpResponse, id: int):
    """A summary's latest version in full, and the list of all its versions."""
    found = summary_detail_json(id)
    if found is None:
        raise SummaryVersion.DoesNotExist
    body, published = found
    answer = HttpResponse(body, content_type="application/json; charset=utf-8")
    mark_public(answer, latest=published)
    return answer


@router.get("/summaries/{int:id}/versions/{int:number}", response={200: SummaryVersionOut, **READ_ERRORS})
def summary_version(request, response: HttpResponse, id: int, number: int):
    """One published version, as it was published; old versions stay readable."""
    version = SummaryVersion.objects.defer("search_text").get(summary_id=id, number=number)
    mark_public(response, latest=version.published_at)
    return version
