"""Report pages of the work area: draft, check and submit (performer); review and publish (ministry)."""
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from deleg.agreements.views_work import agreement_url, get_agreement_or_404
from deleg.core.forms import add_service_errors
from deleg.organizations.permissions import can
from deleg.reports import services
from deleg.reports.forms import AttachmentForm, PublishForm, ReportEditForm, ReportNewForm, ReviewForm, RevisionForm
from deleg.reports.models import Report, ReportAttachment, ReportKind, ReportStatus
from deleg.reports.selectors import report_get
from deleg.summaries.build import summary_build
from deleg.summaries.render.document import build
from deleg.summaries.render.html import document_fragment
from deleg.summaries.services import summary_publish


def _report_or_404(request, pk: int) -> Report:
    try:
        return report_get(actor=request.user, pk=pk)
    except Report.DoesNotExist:
        raise Http404 from None


def _require(request, action: str, report: Report) -> None:
    if not can(request.user, action, report.agreement):
        raise PermissionDenied


@login_required
def create(request, pk: int):
    agreement = get_agreement_or_404(request, pk)
    if not can(request.user, "report.edit", agreement):
        raise PermissionDenied
    form = ReportNewForm(request.POST or None, initial={
        "kind": ReportKind.FINAL, "period_start": agreement.start, "period_end": agreement.end})
    if request.method == "POST" and form.is_valid():
        try:
            report = services.report_create(actor=request.user, agreement=agreement, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("reports:edit", report.pk)
    return render(request, "web/form_page.html", {
        "form": form, "title": _("New report"), "caption": agreement.title, "back_url": agreement_url(agreement)})


@login_required
def detail(request, pk: int):
    report = _report_or_404(request, pk)
    return render(request, "reports/detail.html", _report_context(request, report))


def _report_context(request, report: Report) -> dict:
    return {
        "report": report,
        "agreement": report.agreement,
        "values": report.indicator_values.select_related("indicator").order_by(
            "indicator__objective__position", "indicator__position"),
        "spending": report.spending.all(),
        "attachments": report.attachments.all(),
        "review": getattr(report, "review", None),
        "can_edit": can(request.user, "report.edit", report.agreement) and report.status in services.EDITABLE,
        "can_review": can(request.user, "report.review", report.agreement) and report.status == ReportStatus.SUBMITTED,
        "can_publish": (can(request.user, "summary.publish", report.agreement) and report.kind == ReportKind.FINAL
                        and report.status == ReportStatus.ACCEPTED),
    }


@login_required
def edit(request, pk: int):
    report = _report_or_404(request, pk)
    _require(request, "report.edit", report)
    if report.status not in services.EDITABLE:
        return redirect("reports:detail", pk)
    form = ReportEditForm(request.POST or None, report=report, initial={
        "revision": report.revision, "narrative": report.narrative, "other_information": report.other_information})
    if request.method == "POST" and form.is_valid():
        try:
            services.report_update(actor=request.user, report=report, **form.service_arguments())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The report was saved."))
            return redirect("reports:check", pk)
    return render(request, "reports/edit.html", {"form": form, "report": report, "agreement": report.agreement,
                                                 "attachment_form": AttachmentForm(),
                                                 "attachments": report.attachments.all()})


@login_required
@require_POST
def attach(request, pk: int):
    report = _report_or_404(request, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.report_attach(actor=request.user, report=report, upload=form.cleaned_data["file"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The document was attached."))
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("reports:edit", pk)


@login_required
def attachment(request, pk: int):
    """Download an attachment: only for those who may see its report."""
    item = ReportAttachment.objects.select_related("report").filter(pk=pk).first()
    if item is None:
        raise Http404
    _report_or_404(request, item.report_id)
    return FileResponse(item.file.open("rb"), as_attachment=True, filename=item.filename)


@login_required
def check(request, pk: int):
    """"Check your report" before submitting: everything on one page with change links."""
    report = _report_or_404(request, pk)
    _require(request, "report.edit", report)
    form = RevisionForm(request.POST or None, initial={"revision": report.revision})
    if request.method == "POST" and form.is_valid():
        try:
            services.report_submit(actor=request.user, report=report, revision=form.cleaned_data["revision"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The report was submitted to the ministry."))
            return redirect("reports:detail", pk)
    return render(request, "reports/check.html", {**_report_context(request, report), "form": form})


@login_required
def review(request, pk: int):
    report = _report_or_404(request, pk)
    _require(request, "report.review", report)
    existing = getattr(report, "review", None)
    form = ReviewForm(request.POST or None, initial={
        "revision": report.revision,
        "evaluation": existing.evaluation if existing else "",
        "non_compliant_amount": existing.non_compliant_amount if existing else None,
        "non_compliant_description": existing.non_compliant_description if existing else "",
        "recovered_amount": existing.recovered_amount if existing else None,
    })
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if "return" in request.POST:
                services.report_return(actor=request.user, report=report, revision=data["revision"],
                                       comments=data["comments"])
                messages.success(request, _("The report was returned to the performer."))
            else:
                services.report_accept(
                    actor=request.user, report=report, revision=data["revision"], evaluation=data["evaluation"],
                    non_compliant_amount=data["non_compliant_amount"] or Decimal("0.00"),
                    non_compliant_description=data["non_compliant_description"],
                    recovered_amount=data["recovered_amount"] or Decimal("0.00"))
                messages.success(request, _("The report was accepted."))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("reports:detail", pk)
    return render(request, "reports/review.html", {**_report_context(request, report), "form": form})


@login_required
def publish(request, pk: int):
    """Preview the summary in its official rendering, then publish it as the next version."""
    report = _report_or_404(request, pk)
    _require(request, "summary.publish", report)
    if report.kind != ReportKind.FINAL or report.status != ReportStatus.ACCEPTED:
        raise Http404
    form = PublishForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            version = summary_publish(actor=request.user, report=report, change_note=form.cleaned_data["change_note"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The summary was published."))
            return redirect("summaries:detail", version.summary_id)
    preview = document_fragment(build(summary_build(report), lang="lv"), standalone=True)
    return render(request, "reports/publish.html", {**_report_context(request, report), "form": form,
                                                    "preview": preview})
