from datetime import date
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from deleg.activities.services import activity_log
from deleg.agreements.models import HistoryEntry, IndicatorRule
from deleg.agreements.services import budget_line_set
from deleg.core.tests.factories import make_agreement, make_member
from deleg.organizations.models import MemberRole
from deleg.reports.models import Report, ReportKind, ReportStatus
from deleg.reports.services import report_accept, report_create, report_return, report_submit, report_update

pytestmark = pytest.mark.django_db


@pytest.fixture
def cycle():
    agreement = make_agreement()
    objective = agreement.objectives.create(position=1, text="Stiprināt NVO")
    indicator = objective.indicators.create(position=1, name="Semināri", kind="events", unit="semināri", target=3,
                                            rule=IndicatorRule.COUNT_ACTIVITIES, activity_types=["seminar"])
    people = {
        "editor": make_member(agreement.performer, MemberRole.PERFORMER_EDITOR),
        "viewer": make_member(agreement.performer, MemberRole.PERFORMER_VIEWER),
        "reviewer": make_member(agreement.delegator, MemberRole.MINISTRY_REVIEWER),
    }
    people["editor"].email, people["reviewer"].email = "nvo@example.lv", "km@example.lv"
    for user in people.values():
        user.save()
    return agreement, indicator, people


def new_report(agreement, editor) -> Report:
    return report_create(actor=editor, agreement=agreement, kind=ReportKind.FINAL,
                         period_start=date(2019, 8, 12), period_end=date(2020, 10, 31))


def test_indicator_values_are_computed_from_activities_in_the_period(cycle):
    agreement, indicator, people = cycle
    for day in (date(2019, 9, 1), date(2019, 10, 1)):
        activity_log(actor=people["editor"], agreement=agreement, type="seminar", date=day, title="Seminārs")

    report = new_report(agreement, people["editor"])

    assert report.indicator_values.get(indicator=indicator).value == 2


def test_viewer_cannot_create_or_edit_reports(cycle):
    agreement, _indicator, people = cycle

    with pytest.raises(PermissionDenied):
        new_report(agreement, people["viewer"])
    assert not Report.objects.exists()


def test_the_second_of_two_concurrent_saves_is_refused_and_nothing_is_overwritten(cycle):
    agreement, _indicator, people = cycle
    report = new_report(agreement, people["editor"])
    opened = report.revision
    first, second = Report.objects.get(pk=report.pk), Report.objects.get(pk=report.pk)

    report_update(actor=people["editor"], report=first, revision=opened, narrative="Pirmā redakcija")
    with translation.override("lv"), pytest.raises(ValidationError) as error:
        report_update(actor=people["editor"], report=second, revision=opened, narrative="Otrā redakcija",
                      spending={2019: Decimal("100.00")})

    assert error.value.code == "stale"
    assert error.value.messages[0].startswith("Kāds cits to saglabāja pēc tam, kad jūs to atvērāt.")
    stored = Report.objects.get(pk=report.pk)
    assert stored.narrative == "Pirmā redakcija" and stored.revision == opened + 1
    assert not stored.spending.exists()


def test_override_without_reason_is_refused_and_the_report_is_unchanged(cycle):
    agreement, indicator, people = cycle
    report = new_report(agreement, people["editor"])

    with pytest.raises(ValidationError) as error:
        report_update(actor=people["editor"], report=report, revision=report.revision, narrative="Mainīts",
                      overrides={indicator.pk: (5, "")})

    assert "override_reason" in error.value.error_dict
    assert Report.objects.get(pk=report.pk).narrative == ""


def test_submit_return_resubmit_accept_with_notifications_and_history(cycle, django_capture_on_commit_callbacks):
    sent = django_capture_on_commit_callbacks
    agreement, _indicator, people = cycle
    budget_line_set(agreement=agreement, year=2019, planned=Decimal("37500.00"))
    report = new_report(agreement, people["editor"])
    report = report_update(actor=people["editor"], report=report, revision=report.revision,
                           spending={2019: Decimal("37380.00")})

    with pytest.raises(PermissionDenied):
        report_return(actor=people["editor"], report=report, revision=report.revision, comments="x")

    with sent(execute=True):
        report_submit(actor=people["editor"], report=report, revision=report.revision)
    assert [m.to for m in mail.outbox] == [["km@example.lv"]]
    assert mail.outbox[0].subject.startswith("Atskaite iesniegta")

    with pytest.raises(ValidationError) as error:
        report_return(actor=people["reviewer"], report=report, revision=report.revision, comments=" ")
    assert "comments" in error.value.error_dict

    with sent(execute=True):
        report_return(actor=people["reviewer"], report=report, revision=report.revision, comments="Pievienojiet tāmi.")
    assert report.status == ReportStatus.RETURNED
    assert mail.outbox[-1].to == ["nvo@example.lv"] and "Pievienojiet tāmi." in mail.outbox[-1].body

    with pytest.raises(ValidationError):
        report_accept(actor=people["reviewer"], report=report, revision=report.revision)

    report_submit(actor=people["editor"], report=report, revision=report.revision)
    with sent(execute=True):
        report_accept(actor=people["reviewer"], report=report, revision=report.revision, evaluation="Izpildīts.",
                      non_compliant_amount=Decimal("120.00"), non_compliant_description="Degviela bez atskaites",
                      recovered_amount=Decimal("20.00"))

    report.refresh_from_db()
    assert report.status == ReportStatus.ACCEPTED
    assert report.review.unrecovered == Decimal("100.00")
    assert mail.outbox[-1].subject.startswith("Atskaite pieņemta")
    actions = list(HistoryEntry.objects.filter(agreement=agreement, object_type="report")
                   .order_by("at", "pk").values_list("action", flat=True))
    assert actions == ["created", "changed", "submitted", "returned", "submitted", "accepted"]


def test_an_accepted_report_cannot_be_edited(cycle):
    agreement, _indicator, people = cycle
    report = new_report(agreement, people["editor"])
    report_submit(actor=people["editor"], report=report, revision=report.revision)
    report_accept(actor=people["reviewer"], report=report, revision=report.revision)

    with pytest.raises(ValidationError) as error:
        report_update(actor=people["editor"], report=report, revision=report.revision, narrative="Vēlāk")

    assert "status" in error.value.error_dict
    assert Report.objects.get(pk=report.pk).narrative == ""



def test_an_override_for_an_indicator_outside_the_report_is_refused(cycle):
    agreement, _indicator, people = cycle
    report = new_report(agreement, people["editor"])

    with pytest.raises(ValidationError) as error:
        report_update(actor=people["editor"], report=report, revision=report.revision, narrative="x",
                      overrides={999999: (1, "Iemesls")})

    assert [e.code for e in error.value.error_dict["overrides"]] == ["unknown_indicator"]
    assert Report.objects.get(pk=report.pk).narrative == ""
