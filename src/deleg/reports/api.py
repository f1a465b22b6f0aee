"""Reports over the API: drafting by the performer, then submit, return or accept, and publish the summary."""
from ninja import Router, Status

from deleg.agreements.selectors import agreement_get
from deleg.api.schemas import AUTH_READ_ERRORS, WRITE_ERRORS, RevisionIn
from deleg.reports.schemas import PublishIn, ReportIn, ReportListOut, ReportOut, ReportUpdateIn, ReturnIn, ReviewIn
from deleg.reports.selectors import report_get, report_list_for_agreement
from deleg.reports.services import report_accept, report_create, report_return, report_submit, report_update
from deleg.summaries.schemas import SummaryVersionOut
from deleg.summaries.services import summary_publish

router = Router(tags=["reports"])


@router.get("/agreements/{int:id}/reports", response={200: list[ReportListOut], **AUTH_READ_ERRORS})
def report_list(request, id: int):
    """The agreement's reports; the ministry sees a performer's report once it is submitted."""
    agreement = agreement_get(actor=request.auth, pk=id)
    return report_list_for_agreement(actor=request.auth, agreement=agreement)


@router.post("/agreements/{int:id}/reports", response={201: ReportOut, **WRITE_ERRORS})
def report_new(request, id: int, payload: ReportIn):
    agreement = agreement_get(actor=request.auth, pk=id)
    return Status(201, report_create(actor=request.auth, agreement=agreement, **payload.dict()))


@router.get("/reports/{int:id}", response={200: ReportOut, **AUTH_READ_ERRORS})
def report_detail(request, id: int):
    return report_get(actor=request.auth, pk=id)


@router.put("/reports/{int:id}", response={200: ReportOut, **WRITE_ERRORS})
def report_change(request, id: int, payload: ReportUpdateIn):
    """Save a draft or returned report; `revision` must be the one you read, else 409 and nothing is saved."""
    fields = payload.dict(exclude_unset=True, exclude={"revision", "spending", "overrides"})
    return report_update(
        actor=request.auth, report=report_get(actor=request.auth, pk=id), revision=payload.revision,
        spending={line.year: line.spent for line in payload.spending},
        overrides={o.indicator: (o.value, o.reason) for o in payload.overrides},
        **fields,
    )


@router.post("/reports/{int:id}/submit", response={200: ReportOut, **WRITE_ERRORS})
def report_send(request, id: int, payload: RevisionIn):
    return report_submit(actor=request.auth, report=report_get(actor=request.auth, pk=id), revision=payload.revision)


@router.post("/reports/{int:id}/return", response={200: ReportOut, **WRITE_ERRORS})
def report_send_back(request, id: int, payload: ReturnIn):
    """Return a submitted report to the performer with comments on what to change."""
    return report_return(actor=request.auth, report=report_get(actor=request.auth, pk=id), **payload.dict())


@router.post("/reports/{int:id}/accept", response={200: ReportOut, **WRITE_ERRORS})
def report_approve(request, id: int, payload: ReviewIn):
    """Accept a submitted report with the evaluation and any non-compliant expenditure; unrecovered is computed."""
    return report_accept(actor=request.auth, report=report_get(actor=request.auth, pk=id), **payload.dict())


@router.post("/reports/{int:id}/publish", response={201: SummaryVersionOut, **WRITE_ERRORS})
def report_publish(request, id: int, payload: PublishIn):
    """Publish the summary of an accepted final report as the next version of the agreement's summary."""
    report = report_get(actor=request.auth, pk=id)
    return Status(201, summary_publish(actor=request.auth, report=report, **payload.dict()))
