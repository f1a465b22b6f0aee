"""The report workflow: draft → submitted → returned → resubmitted → accepted, with the ministry's review.

Every step checks the person's role, refuses a save made from an outdated page (revision), and is
recorded in the agreement's history.
"""
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from deleg.agreements.history import history_record, snapshot
from deleg.agreements.models import Agreement, Indicator
from deleg.agreements.selectors import ACTIVITY_FIGURES, indicator_achieved
from deleg.core.concurrency import save_if_unchanged
from deleg.organizations.permissions import require
from deleg.reports import notifications
from deleg.reports.models import IndicatorValue, Report, ReportAttachment, ReportSpending, ReportStatus, Review

EDITABLE = {ReportStatus.DRAFT, ReportStatus.RETURNED}
REPORT_FIELDS = ["kind", "period_start", "period_end", "narrative", "other_information"]
REVIEW_FIELDS = ["evaluation", "comments", "non_compliant_amount", "non_compliant_description", "recovered_amount"]


def _refuse(field: str, message: str, code: str) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})


def report_indicators_refresh(report: Report) -> None:
    """Recompute every indicator's value from the activities logged within the report's period."""
    activities = list(report.agreement.activities.filter(
        date__gte=report.period_start, date__lte=report.period_end).values(*ACTIVITY_FIGURES))
    for indicator in Indicator.objects.filter(objective__agreement=report.agreement):
        value, _created = IndicatorValue.objects.get_or_create(report=report, indicator=indicator)
        value.computed = indicator_achieved(indicator, activities) or 0
        value.save(update_fields=["computed"])


@transaction.atomic
def report_create(*, actor, agreement: Agreement, kind: str, period_start: date, period_end: date,
                  narrative: str = "", other_information: str = "") -> Report:
    require(actor, "report.edit", agreement)
    report = Report(agreement=agreement, kind=kind, period_start=period_start, period_end=period_end,
                    narrative=narrative, other_information=other_information)
    report.full_clean()
    report.save()
    report_indicators_refresh(report)
    history_record(agreement=agreement, actor=actor, action="created", instance=report)
    return report


@transaction.atomic
def report_update(*, actor, report: Report, revision: int, spending: dict[int, Decimal] | None = None,
                  overrides: dict[int, tuple[int | None, str]] | None = None, **fields) -> Report:
    """Save the performer's edits; spending is {year: amount}, overrides {indicator id: (value, reason)}."""
    require(actor, "report.edit", report.agreement)
    if report.status not in EDITABLE:
        raise _refuse("status", _("A submitted or accepted report cannot be changed."), "not_editable")
    before = snapshot(report)
    for name in REPORT_FIELDS:
        if name in fields:
            setattr(report, name, fields[name])
    report.full_clean()
    save_if_unchanged(report, revision=revision, fields=REPORT_FIELDS)
    for year, amount in (spending or {}).items():
        line = ReportSpending.objects.filter(report=report, year=year).first() or ReportSpending(report=report, year=year)
        line.spent = amount
        line.full_clean()
        line.save()
    values = {v.indicator_id: v for v in report.indicator_values.all()}
    for indicator_id, (value, reason) in (overrides or {}).items():
        indicator_value = values.get(indicator_id)
        if indicator_value is None:
            raise _refuse("overrides", _("Indicator %(id)s is not part of this report.") % {"id": indicator_id},
                          "unknown_indicator")
        indicator_value.override, indicator_value.override_reason = value, reason or ""
        indicator_value.full_clean()
        indicator_value.save()
    report_indicators_refresh(report)
    history_record(agreement=report.agreement, actor=actor, action="changed", instance=report, before=before)
    return report


@transaction.atomic
def report_submit(*, actor, report: Report, revision: int) -> Report:
    require(actor, "report.edit", report.agreement)
    if report.status not in EDITABLE:
        raise _refuse("status", _("Only a draft or returned report can be submitted."), "not_editable")
    before = snapshot(report)
    report.status, report.submitted_at = ReportStatus.SUBMITTED, timezone.now()
    save_if_unchanged(report, revision=revision, fields=["status", "submitted_at"])
    history_record(agreement=report.agreement, actor=actor, action="submitted", instance=report, before=before)
    transaction.on_commit(lambda: notifications.notify_report_submitted(report))
    return report


def _review_for(report: Report, actor) -> Review:
    review = Review.objects.filter(report=report).first()
    if review is None:
        review = Review.objects.create(report=report, reviewer=actor if actor.pk else None)
    return review


def _decide(*, actor, report: Report, revision: int, review_revision: int | None, status: str, action: str,
            review_fields: dict) -> Report:
    require(actor, "report.review", report.agreement)
    if report.status != ReportStatus.SUBMITTED:
        raise _refuse("status", _("Only a submitted report can be reviewed."), "not_submitted")
    review = _review_for(report, actor)
    review_before = snapshot(review)
    for name, value in review_fields.items():
        setattr(review, name, value)
    review.reviewer = actor if actor.pk else None
    review.full_clean()
    save_if_unchanged(review, revision=review.revision if review_revision is None else review_revision,
                      fields=[*REVIEW_FIELDS, "reviewer"])
    before = snapshot(report)
    report.status = status
    save_if_unchanged(report, revision=revision, fields=["status"])
    report.review = review
    history_record(agreement=report.agreement, actor=actor, action="reviewed", instance=review, before=review_before)
    history_record(agreement=report.agreement, actor=actor, action=action, instance=report, before=before)
    transaction.on_commit(lambda: notifications.notify_report_decided(report))
    return report


@transaction.atomic
def report_return(*, actor, report: Report, revision: int, comments: str, review_revision: int | None = None) -> Report:
    if not comments.strip():
        raise _refuse("comments", _("Say what the performer must change."), "required")
    return _decide(actor=actor, report=report, revision=revision, review_revision=review_revision,
                   status=ReportStatus.RETURNED, action="returned", review_fields={"comments": comments})


@transaction.atomic
def report_accept(*, actor, report: Report, revision: int, evaluation: str = "",
                  non_compliant_amount: Decimal = Decimal("0.00"), non_compliant_description: str = "",
                  recovered_amount: Decimal = Decimal("0.00"), review_revision: int | None = None) -> Report:
    if non_compliant_amount and not non_compliant_description.strip():
        raise _refuse("non_compliant_description", _("Describe the non-compliant expenditure."), "required")
    return _decide(actor=actor, report=report, revision=revision, review_revision=review_revision,
                   status=ReportStatus.ACCEPTED, action="accepted", review_fields={
                       "evaluation": evaluation, "non_compliant_amount": non_compliant_amount,
                       "non_compliant_description": non_compliant_description, "recovered_amount": recovered_amount})


@transaction.atomic
def report_attach(*, actor, report: Report, upload) -> ReportAttachment:
    """Attach a supporting document to a draft or returned report, if its size and type are accepted."""
    from deleg.reports.attachments import attachment_problem

    require(actor, "report.edit", report.agreement)
    if report.status not in EDITABLE:
        raise _refuse("status", _("A submitted or accepted report cannot be changed."), "not_editable")
    head = upload.read(16)
    upload.seek(0)
    problem = attachment_problem(upload.name, upload.size, head)
    if problem:
        raise _refuse("file", problem, "attachment_refused")
    attachment = ReportAttachment(report=report, file=upload)
    attachment.save()
    history_record(agreement=report.agreement, actor=actor, action="attached", instance=attachment)
    return attachment
