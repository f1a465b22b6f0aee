"""Published summaries over the API, readable by anyone without signing in."""
from ninja import Router
from ninja.pagination import paginate

from deleg.api.pagination import Pagination
from deleg.api.schemas import READ_ERRORS
from deleg.summaries.models import SummaryVersion
from deleg.summaries.schemas import SummaryListOut, SummaryOut, SummaryVersionOut
from deleg.summaries.selectors import summary_latest_versions

router = Router(tags=["summaries"], auth=None)


@router.get("/summaries", response=list[SummaryListOut])
@paginate(Pagination)
def summary_list(request):
    """The latest version of every published summary, newest period first."""
    return summary_latest_versions().defer("content")


@router.get("/summaries/{int:id}", response={200: SummaryOut, **READ_ERRORS})
def summary_detail(request, id: int):
    """A summary's latest version in full, and the list of all its versions."""
    return SummaryVersion.objects.select_related("summary").filter(summary_id=id).latest()


@router.get("/summaries/{int:id}/versions/{int:number}", response={200: SummaryVersionOut, **READ_ERRORS})
def summary_version(request, id: int, number: int):
    """One published version, as it was published; old versions stay readable."""
    return SummaryVersion.objects.get(summary_id=id, number=number)
