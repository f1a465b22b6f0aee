"""E-mail notifications of the report workflow, in Latvian (the working language of ministries and NGOs)."""
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext as _

from deleg.organizations.models import MemberRole
from deleg.reports.models import Report


def _addresses(organization_id: int, roles: list[str]) -> list[str]:
    users = get_user_model().objects.filter(
        memberships__organization_id=organization_id, memberships__role__in=roles, is_active=True
    ).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def _send(report: Report, recipients: list[str], subject: str, body: str) -> None:
    if recipients:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)


def notify_report_submitted(report: Report) -> None:
    """Tell the delegating ministry's reviewers that a report waits for them."""
    with translation.override(settings.LANGUAGE_CODE):
        agreement = report.agreement
        _send(
            report,
            _addresses(agreement.delegator_id, [MemberRole.MINISTRY_REVIEWER, MemberRole.MINISTRY_ADMIN]),
            _("Report submitted: %(agreement)s") % {"agreement": agreement.title},
            _("%(performer)s submitted the %(report)s on “%(agreement)s”. It waits for your review.")
            % {"performer": agreement.performer.name, "report": report.get_kind_display(), "agreement": agreement.title},
        )


def notify_report_decided(report: Report) -> None:
    """Tell the performer's editors that their report was returned (with the comments) or accepted."""
    with translation.override(settings.LANGUAGE_CODE):
        agreement = report.agreement
        if report.status == "returned":
            subject = _("Report returned: %(agreement)s") % {"agreement": agreement.title}
            body = _("The ministry returned the %(report)s on “%(agreement)s” with these comments:\n\n%(comments)s") % {
                "report": report.get_kind_display(), "agreement": agreement.title, "comments": report.review.comments}
        else:
            subject = _("Report accepted: %(agreement)s") % {"agreement": agreement.title}
            body = _("The ministry accepted the %(report)s on “%(agreement)s”.") % {
                "report": report.get_kind_display(), "agreement": agreement.title}
        _send(report, _addresses(agreement.performer_id, [MemberRole.PERFORMER_EDITOR]), subject, body)
